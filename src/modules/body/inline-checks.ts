import type { Token } from "markdown-it";
import { suggest } from "../../text/did-you-mean.ts";
import type { BodyContext, ReportProblem } from "./body-analysis.ts";

/** `{serves="a b"}` on a heading: check the category ids and show their names under the heading. */
export function markServedCategories(
  tokens: Token[],
  ctx: BodyContext,
  problem: ReportProblem,
  newToken: (type: string) => Token,
): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const open = tokens[i]!;
    if (open.type !== "heading_open") continue;
    const serves = open.attrGet("serves");
    if (serves === null) continue;
    const ids = String(serves)
      .split(/[\s,]+/)
      .filter(Boolean);
    open.attrs = (open.attrs ?? []).filter(([name]) => name !== "serves");
    const known = [...ctx.categoryTitles.keys()];
    for (const id of ids)
      if (!ctx.categoryTitles.has(id)) {
        const guess = suggest(id, known);
        problem(
          open.map?.[0] ?? 0,
          `\`${id}\` is not a category of this competency`,
          guess ? `Did you mean \`${guess}\`?` : `Categories: ${known.join(", ")}.`,
        );
      }
    const closeAt = tokens.findIndex((t, j) => j > i && t.type === "heading_close");
    const token = newToken("serves");
    token.meta = { categories: ids.filter((id) => ctx.categoryTitles.has(id)) };
    tokens.splice(closeAt + 1, 0, token);
  }
}

/** Every `[@key]` citation names a reference of the module. */
export function checkCitations(tokens: Token[], ctx: BodyContext, problem: ReportProblem): void {
  for (const t of tokens) {
    if (t.type !== "inline") continue;
    for (const child of t.children ?? []) {
      if (child.type !== "citation") continue;
      for (const key of (child.meta as { keys: string[] }).keys)
        if (!ctx.referenceNumbers.has(key)) {
          const guess = suggest(key, [...ctx.referenceNumbers.keys()]);
          const before = t.content.slice(0, t.content.indexOf(`@${key}`));
          const line = (t.map?.[0] ?? 0) + (before.match(/\n/g)?.length ?? 0);
          problem(
            line,
            `The citation \`[@${key}]\` names no reference of this module`,
            guess
              ? `Did you mean \`@${guess}\`?`
              : "Add it under `references:` in the front matter, with a `key:` of that name.",
          );
        }
    }
  }
}
