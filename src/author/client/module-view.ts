import { markdown } from "@codemirror/lang-markdown";
import { lintGutter, linter, type Diagnostic } from "@codemirror/lint";
import { EditorView, basicSetup } from "codemirror";
import { api, type CheckResult, type CourseInfo, type Finding, type OpenedFile } from "./api.ts";
import { h } from "./dom.ts";
import { renderFindings } from "./findings-list.ts";
import { t } from "./messages.ts";
import { PreviewPanel } from "./preview-panel.ts";
import { SaveBar } from "./save-bar.ts";
import { sessionTotal } from "./session-total.ts";
import { insertSnippet, SNIPPET_KINDS, snippetLabel, snippetTemplate } from "./snippets.ts";

/** A finding as a CodeMirror diagnostic on its line. */
function diagnostic(view: EditorView, f: Finding): Diagnostic {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(f.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(f.column - 1, 0), line.to);
  return {
    from,
    to: line.to > from ? line.to : from,
    severity: f.severity === "note" ? "info" : f.severity,
    message: `${f.message} → ${f.hint}`,
  };
}

/**
 * A module's Markdown in CodeMirror: block snippets, the session plan's total, the validator's
 * findings at their lines as you type, the engine's preview beside it, and Save.
 */
export function moduleView(course: CourseInfo, file: OpenedFile): HTMLElement {
  const [, id, localeFile] = file.name.split("/");
  const locale = localeFile!.replace(/\.md$/, "");
  const findingsBox = h("section", { class: "findings", "aria-live": "polite" });
  const total = h("p", { class: "session-total", "aria-live": "polite" });
  const change = () => ({ name: file.name, text: view.state.doc.toString() });

  const showTotal = () => {
    const { total: sum, duration } = sessionTotal(view.state.doc.toString());
    const values = { total: sum, duration: duration ?? "?" };
    total.textContent =
      duration === sum ? t("sessionPlan", values) : t("sessionPlanMismatch", values);
    total.classList.toggle("mismatch", duration !== sum);
  };
  const showFindings = (result: CheckResult) =>
    renderFindings(findingsBox, result.findings, file.name);

  const preview = new PreviewPanel(
    change,
    [
      { key: "page_learner", path: (l) => `${l}/modules/${id}/` },
      { key: "page_guide", path: (l) => `${l}/facilitators/${id}/` },
      { key: "page_slides", path: (l) => `${l}/facilitators/${id}/slides/` },
    ],
    course.locales,
    locale,
  );

  const lint = linter(
    async (editor) => {
      const result = await api.check({ name: file.name, text: editor.state.doc.toString() });
      showFindings(result);
      return result.findings.filter((f) => f.file === file.name).map((f) => diagnostic(editor, f));
    },
    { delay: 400 },
  );

  const bar = new SaveBar(
    {
      name: file.name,
      change,
      saved: (_hash, checked) => showFindings(checked),
      reload: (fresh) => {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: fresh.text } });
      },
    },
    file.hash,
  );

  const labelId = `editor-label-${id}`;
  const view = new EditorView({
    doc: file.text,
    extensions: [
      basicSetup,
      // CodeMirror adds its styles as <style> elements: the page's policy admits them by this nonce.
      EditorView.cspNonce.of(
        document.querySelector<HTMLMetaElement>('meta[name="style-nonce"]')?.content ?? "",
      ),
      markdown(),
      EditorView.lineWrapping,
      lint,
      lintGutter(),
      // In the tab order itself, so the scrolling editor is reachable by keyboard (axe).
      EditorView.contentAttributes.of({ "aria-labelledby": labelId, tabindex: "0" }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        bar.dirty();
        showTotal();
        preview.schedule();
      }),
    ],
  });

  const scaffold = course.scaffold[locale] ?? course.scaffold.en ?? {};
  const say = (key: string) => scaffold[key] ?? key;
  const snippetButtons = SNIPPET_KINDS.map((kind) => {
    const button = h("button", { type: "button", "data-snippet": kind }, t(snippetLabel(kind)));
    button.addEventListener("click", () =>
      insertSnippet(view, snippetTemplate(kind, say, course.caseSettings)),
    );
    return button;
  });

  showTotal();
  void preview.refresh();
  return h(
    "div",
    { class: "module-view split" },
    h(
      "section",
      { class: "editor-pane", "aria-labelledby": labelId },
      h("h2", { id: labelId }, t("moduleLabel", { id: id!, locale })),
      bar.element,
      h(
        "div",
        { class: "snippets", role: "group", "aria-label": t("snippets") },
        h("span", {}, t("snippets")),
        ...snippetButtons,
      ),
      total,
      view.dom,
      findingsBox,
    ),
    preview.element,
  );
}
