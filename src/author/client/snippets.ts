import { snippet } from "@codemirror/autocomplete";
import type { EditorView } from "@codemirror/view";
import type { MessageKey } from "./messages.ts";

/** The module blocks a trainer can insert, with texts in the module's own language. */
export const SNIPPET_KINDS = ["case", "activity", "check", "keypoints", "facilitator"] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];

export const snippetLabel = (kind: SnippetKind): MessageKey => `snippet_${kind}`;

/**
 * A CodeMirror snippet field, numbered (`${1:text}`: a bare number would be read as a field's number,
 * not its text); braces in the text itself are escaped.
 */
function fields() {
  let n = 0;
  return (text: string) => `\${${++n}:${text.replace(/[{}\\]/g, (c) => `\\${c}`)}}`;
}

/**
 * The template of one block (CodeMirror snippet syntax: each `${…}` is a field Tab moves to), from
 * the engine's scaffold texts in the module's language and the course's case settings.
 */
export function snippetTemplate(
  kind: SnippetKind,
  say: (key: string) => string,
  caseSettings: string[],
): string {
  const field = fields();
  switch (kind) {
    case "case":
      return [
        `::: case setting=${field(caseSettings[0] ?? "setting")}`,
        `### ${field(say("caseTitle"))}`,
        "",
        field(say("caseBody")),
        ":::",
        "",
      ].join("\n");
    case "activity":
      return [
        `:::: activity minutes=${field("10")} grouping=${field("pairs")}`,
        `### ${field(say("mainActivity"))}`,
        "",
        field(say("activityBody")),
        "",
        "::: facilitator",
        field(say("facilitator")),
        ":::",
        "::::",
        "",
      ].join("\n");
    case "check":
      return [
        "::: check",
        field(say("question")),
        "",
        `- [x] ${field(say("rightOption"))}`,
        `  > ${field(say("feedback"))}`,
        `- [ ] ${field(say("wrongOption"))}`,
        `  > ${field(say("feedback"))}`,
        ":::",
        "",
      ].join("\n");
    case "keypoints":
      return ["::: keypoints", `- ${field(say("keypoint"))}`, ":::", ""].join("\n");
    case "facilitator":
      return ["::: facilitator", field(say("facilitator")), ":::", ""].join("\n");
  }
}

/** Inserts a block at the start of the cursor's line (blocks begin on a line of their own). */
export function insertSnippet(view: EditorView, template: string): void {
  const { head } = view.state.selection.main;
  const line = view.state.doc.lineAt(head);
  const at = line.length ? line.from : head;
  const before = at > 0 && view.state.doc.sliceString(at - 2, at) !== "\n\n" ? "\n" : "";
  snippet(before + template)(view, null, at, at);
  view.focus();
}
