import { api, type CheckResult, type CourseInfo, type Finding, type OpenedFile } from "./api.ts";
import { parentPathText, setAt, type Path } from "./data-path.ts";
import { debounce, h } from "./dom.ts";
import { renderFindings } from "./findings-list.ts";
import { t, type MessageKey } from "./messages.ts";
import { PreviewPanel, type PreviewPage } from "./preview-panel.ts";
import { SaveBar } from "./save-bar.ts";
import { renderForm, type FormHost } from "./schema-form.ts";

/** The page of the built site that shows what each form edits. */
const PREVIEW_PAGES: Record<string, PreviewPage> = {
  "framework/framework.yaml": { key: "page_onion", path: (l) => `${l}/framework/` },
  "framework/course.yaml": { key: "page_home", path: (l) => `${l}/` },
  "framework/reflection.yaml": { key: "page_reflection", path: (l) => `${l}/reflection/` },
  "framework/glossary.yaml": { key: "page_glossary", path: (l) => `${l}/glossary/` },
};

/** Shows each finding of this file at its field (or the nearest field that holds it). */
function placeFindings(form: HTMLElement, findings: Finding[], file: string): void {
  for (const old of form.querySelectorAll(".field-finding")) old.remove();
  for (const f of findings.filter((x) => x.file === file)) {
    let path = f.dataPath;
    let target: Element | null = null;
    while (!target) {
      target = form.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (target || !path) break;
      path = parentPathText(path);
    }
    (target ?? form).append(
      h("p", { class: `field-finding ${f.severity}`, role: "alert" }, `${f.message} → ${f.hint}`),
    );
  }
}

/**
 * A YAML file of the course as a form generated from its schema, with undo, live checks at the fields,
 * the engine's preview of the page it shapes, and Save (only the values that changed are rewritten).
 */
export function formView(course: CourseInfo, file: OpenedFile): HTMLElement {
  const schema = course.schemas[file.name]!;
  const undoStack: string[] = [];
  const redoStack: string[] = [];
  let lastEdited = "";
  const formBox = h("div", { class: "form" });
  const findingsBox = h("section", { class: "findings", "aria-live": "polite" });
  const host: FormHost = {
    data: structuredClone(file.data),
    locales: course.locales,
    reservedIds: course.reservedIds,
    defaultColours: course.defaultColours,
    edited(path: Path, value: unknown) {
      // Typing in one field is one step of undo; moving to another field starts the next.
      const key = path.join("/");
      if (key !== lastEdited) remember();
      lastEdited = key;
      setAt(host.data, path, value);
      changed();
    },
    restructured(change: () => void) {
      remember();
      lastEdited = "";
      change();
      draw();
      changed();
    },
  };
  const change = () => ({ name: file.name, data: host.data });
  let findings: Finding[] = [];
  const showFindings = (result: CheckResult) => {
    findings = result.findings;
    renderFindings(findingsBox, findings, file.name);
    placeFindings(formBox, findings, file.name);
  };
  const check = debounce(async () => showFindings(await api.check(change())), 400);
  const page = PREVIEW_PAGES[file.name]!;
  const preview = new PreviewPanel(change, [page], course.locales, course.locales[0] ?? "en");
  const bar = new SaveBar(
    {
      name: file.name,
      change,
      saved: (_hash, checked) => showFindings(checked),
      reload: (fresh) => {
        remember();
        host.data = fresh.data;
        draw();
        changed();
      },
    },
    file.hash,
  );

  function remember() {
    undoStack.push(JSON.stringify(host.data));
    redoStack.length = 0;
  }
  function changed() {
    bar.dirty();
    check();
    preview.schedule();
  }
  function draw() {
    formBox.replaceChildren(renderForm(host, schema));
    placeFindings(formBox, findings, file.name);
  }
  const step = (from: string[], to: string[]) => {
    const previous = from.pop();
    if (previous === undefined) return;
    to.push(JSON.stringify(host.data));
    host.data = JSON.parse(previous) as unknown;
    lastEdited = "";
    draw();
    changed();
  };
  const undo = h("button", { type: "button", "data-action": "undo" }, t("undo"));
  const redo = h("button", { type: "button", "data-action": "redo" }, t("redo"));
  undo.addEventListener("click", () => step(undoStack, redoStack));
  redo.addEventListener("click", () => step(redoStack, undoStack));

  const bar2 = h("div", { class: "form-tools" }, undo, redo);
  draw();
  void api.check(change()).then(showFindings);
  void preview.refresh();
  const title = t(`form.${file.name}` as MessageKey);
  return h(
    "div",
    { class: "form-view split" },
    h(
      "section",
      { class: "editor-pane", "aria-label": title },
      h("h2", {}, title),
      bar.element,
      bar2,
      findingsBox,
      formBox,
    ),
    preview.element,
  );
}
