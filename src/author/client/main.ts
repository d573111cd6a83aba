import "./editor.css";
import { api, type CourseInfo } from "./api.ts";
import { h } from "./dom.ts";
import { formView } from "./form-view.ts";
import {
  INTERFACE_LOCALES,
  interfaceLocale,
  LANGUAGE_NAMES,
  setInterfaceLocale,
  t,
  type MessageKey,
} from "./messages.ts";
import { moduleView } from "./module-view.ts";
import { discardUnsaved, hasUnsaved } from "./save-bar.ts";

const app = document.getElementById("app")!;
const STORE_KEY = "onion-author-language";

/** The editor's frame: the course's files to choose from, the interface language, one view. */
function start(course: CourseInfo): void {
  const params = new URLSearchParams(location.search);
  let current = params.get("file") ?? course.forms[0] ?? course.modules[0] ?? "";
  const main = h("main", { id: "main" });
  let opened: Element | undefined;
  // Closing or reloading the tab with unsaved changes asks first.
  addEventListener("beforeunload", (event) => {
    if (hasUnsaved()) event.preventDefault();
  });

  async function open(name: string): Promise<void> {
    current = name;
    const url = new URL(location.href);
    url.searchParams.delete("token");
    url.searchParams.set("file", name);
    history.replaceState(null, "", url);
    const file = await api.open(name);
    opened = name.endsWith(".md") ? moduleView(course, file) : formView(course, file);
    main.replaceChildren(opened);
    for (const link of document.querySelectorAll<HTMLButtonElement>("nav button"))
      link.setAttribute("aria-current", link.dataset.file === name ? "page" : "false");
  }

  /** A trainable competency without a module: create it from the template, then open it. */
  function createButton(id: string): Element {
    const b = h("button", { type: "button", class: "create" }, t("createModule", { id }));
    b.addEventListener("click", async () => {
      if (hasUnsaved() && !confirm(t("discardChanges"))) return;
      discardUnsaved();
      let written: string[];
      try {
        ({ written } = await api.newModule(id));
      } catch (error) {
        // Said where the button was, e.g. when the framework cannot be read.
        b.after(h("p", { role: "alert" }, error instanceof Error ? error.message : String(error)));
        return;
      }
      const url = new URL(location.href);
      url.searchParams.set("file", written[0]!.replaceAll("\\", "/"));
      location.assign(url);
    });
    return h("li", {}, b);
  }

  function draw(): void {
    document.documentElement.lang = interfaceLocale();
    document.title = t("title");
    const fileButton = (name: string, label: string) => {
      const b = h(
        "button",
        { type: "button", "data-file": name, "aria-current": name === current ? "page" : "false" },
        label,
      );
      b.addEventListener("click", () => {
        if (hasUnsaved() && !confirm(t("discardChanges"))) return;
        discardUnsaved();
        void open(name);
      });
      return h("li", {}, b);
    };
    const languageSelect = h(
      "select",
      { id: "ui-language" },
      ...INTERFACE_LOCALES.map((l) =>
        h(
          "option",
          { value: l, selected: l === interfaceLocale(), lang: l },
          LANGUAGE_NAMES[l] ?? l,
        ),
      ),
    );
    languageSelect.addEventListener("change", () => {
      setInterfaceLocale(languageSelect.value);
      localStorage.setItem(STORE_KEY, languageSelect.value);
      draw();
    });
    const nav = h(
      "nav",
      { "aria-label": t("filesNav") },
      h("h2", {}, t("courseForms")),
      h("ul", {}, ...course.forms.map((f) => fileButton(f, t(`form.${f}` as MessageKey)))),
      h("h2", {}, t("modulesHeading")),
      h(
        "ul",
        {},
        ...course.modules.map((m) => {
          const [, id, file] = m.split("/");
          return fileButton(m, t("moduleLabel", { id: id!, locale: file!.replace(/\.md$/, "") }));
        }),
        ...course.missingModules.map(createButton),
      ),
    );
    app.replaceChildren(
      h(
        "header",
        {},
        h("h1", {}, t("title")),
        h(
          "div",
          { class: "language" },
          h("label", { for: "ui-language" }, t("interfaceLanguage")),
          languageSelect,
        ),
      ),
      h("div", { class: "layout" }, nav, main),
    );
    // A new interface language redraws the view too, unless that would lose unsaved changes.
    if (current && (!opened || !hasUnsaved())) void open(current);
    else if (opened) main.replaceChildren(opened);
  }
  draw();
}

setInterfaceLocale(
  localStorage.getItem(STORE_KEY) ??
    (navigator.language.startsWith("zh")
      ? /TW|HK|Hant/.test(navigator.language)
        ? "zh-TW"
        : "zh-CN"
      : "en"),
);
api.course().then(start, (error: unknown) => {
  app.replaceChildren(
    h(
      "p",
      { role: "alert" },
      t("errorLoading", { message: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
