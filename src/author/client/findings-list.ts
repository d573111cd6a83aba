import type { Finding } from "./api.ts";
import { h } from "./dom.ts";
import { t, type MessageKey } from "./messages.ts";

/** One finding as text, in the validator's words: `file:line:column at path`, message, hint. */
export function findingText(f: Finding): string {
  const at = f.dataPath ? ` at ${f.dataPath}` : "";
  return `${f.file}:${f.line}:${f.column}${at}: ${f.message} → ${f.hint}`;
}

/** The list of findings under an editor: this file's first, then the other files'. */
export function renderFindings(box: HTMLElement, findings: Finding[], file: string): void {
  const mine = findings.filter((f) => f.file === file);
  const others = findings.filter((f) => f.file !== file);
  const item = (f: Finding) =>
    h(
      "li",
      { class: `finding ${f.severity}`, "data-line": String(f.line), "data-where": f.dataPath },
      h("strong", {}, t(`severity_${f.severity}` as MessageKey)),
      " ",
      findingText(f),
    );
  box.replaceChildren(
    h("h2", {}, t("findingsHeading")),
    findings.length ? h("ul", {}, ...mine.map(item)) : h("p", {}, t("noFindings")),
  );
  if (others.length) box.append(h("h3", {}, t("otherFiles")), h("ul", {}, ...others.map(item)));
}
