import { api, type Change } from "./api.ts";
import { debounce, h, uniqueId } from "./dom.ts";
import { t, type MessageKey } from "./messages.ts";

/** A page of the built course the panel can show: its label and its address in the site. */
export interface PreviewPage {
  key: MessageKey;
  path: (locale: string) => string;
}

/**
 * The preview beside an editor: the course built by the engine itself (into a scratch folder, from the
 * unsaved text), one page of it in a frame. While the text has errors the last good build stays.
 */
export class PreviewPanel {
  readonly element: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly status = h("p", { class: "status", role: "status" });
  private build: number | undefined;
  private running = false;
  private again = false;
  /** A change waits for the preview to be built again (see schedule). */
  private pending = false;
  /** The frame is loading a page of the last build. */
  private loading = false;
  private page: PreviewPage;
  private locale: string;
  readonly schedule: () => void;

  constructor(
    private readonly change: () => Change,
    private readonly pages: PreviewPage[],
    locales: string[],
    locale: string,
  ) {
    this.page = pages[0]!;
    this.locale = locale;
    const pageId = uniqueId("page");
    const localeId = uniqueId("locale");
    const pageSelect = h(
      "select",
      { id: pageId },
      ...pages.map((p, i) => h("option", { value: String(i) }, t(p.key))),
    );
    pageSelect.addEventListener("change", () => {
      this.page = pages[Number(pageSelect.value)]!;
      this.show();
    });
    const localeSelect = h(
      "select",
      { id: localeId },
      ...locales.map((l) => h("option", { value: l, selected: l === locale }, l)),
    );
    localeSelect.addEventListener("change", () => {
      this.locale = localeSelect.value;
      this.show();
    });
    this.frame = h("iframe", { title: t("previewFrame"), src: "about:blank" });
    this.element = h(
      "section",
      { class: "preview", "aria-labelledby": `${pageId}-h` },
      h("h2", { id: `${pageId}-h` }, t("previewHeading")),
      h(
        "div",
        { class: "preview-controls" },
        h("label", { for: pageId }, t("previewPage")),
        pageSelect,
        h("label", { for: localeId }, t("previewLanguage")),
        localeSelect,
      ),
      this.status,
      this.frame,
    );
    this.frame.addEventListener("load", () => {
      this.loading = false;
      this.markBusy();
    });
    const later = debounce(() => {
      this.pending = false;
      void this.refresh();
    }, 1200);
    this.schedule = () => {
      this.pending = true;
      this.markBusy();
      later();
    };
    this.markBusy();
  }

  /**
   * `aria-busy` on the panel while the preview is out of date: a change waits to be built, the build
   * runs, or the frame loads its page. Assistive technology can wait for the new page; so do tests.
   */
  private markBusy(): void {
    const busy = this.pending || this.running || this.again || this.loading;
    this.element.setAttribute("aria-busy", String(busy));
  }

  /** Builds the course with the current text; runs again afterwards if the text changed meanwhile. */
  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.markBusy();
    this.status.textContent = t("previewUpdating");
    this.element.classList.add("updating");
    try {
      const result = await api.preview(this.change());
      if (result.build !== undefined) {
        this.build = result.build;
        this.show();
        this.status.textContent = t("previewReady");
      } else this.status.textContent = t("previewStale");
    } catch (error) {
      this.status.textContent = t("previewFailed", {
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.running = false;
      this.element.classList.remove("updating");
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
      this.markBusy();
    }
  }

  private show(): void {
    if (this.build === undefined) return;
    this.loading = true;
    this.markBusy();
    this.frame.src = `/preview/${this.build}/${this.page.path(this.locale)}`;
  }
}
