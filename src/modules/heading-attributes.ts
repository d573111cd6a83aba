import type { StateCore, Token } from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import attrsUtils from "markdown-it-attrs/utils.js";

/** markdown-it-attrs' options, as its helpers expect them. */
const OPTIONS = { leftDelimiter: "{", rightDelimiter: "}", allowedAttributes: [] as string[] };
const RULE = "curly_attributes";

/** The one case modules use: a heading whose single `{…}` ends its only line of text. */
function plainHeadingAttributes(tokens: Token[], i: number): Token | undefined {
  const inline = tokens[i]!;
  if (tokens[i - 1]?.type !== "heading_open" || tokens[i + 1]?.type !== "heading_close")
    return undefined;
  const children = inline.children ?? [];
  const last = children[children.length - 1];
  if (!last || last.type !== "text") return undefined;
  const braces = inline.content.split("{").length - 1;
  if (braces !== 1 || last.content.split("{").length !== 2) return undefined;
  if (last.content.startsWith("{") && children.length > 1) return undefined;
  if (!children.every((c) => c.type === "text" || /^(em|strong|s)_(open|close)$/.test(c.type)))
    return undefined;
  return attrsUtils.hasDelimiters("end", OPTIONS)(last.content) ? last : undefined;
}

/** markdown-it-attrs' "end of block" transform for that case, step for step. */
function applyHeadingAttributes(tokens: Token[], i: number, text: Token): void {
  const start = attrsUtils.findLeftDelimiter(text.content, OPTIONS);
  attrsUtils.addAttrs(attrsUtils.getAttrs(text.content, start, OPTIONS), tokens[i - 1]!);
  const trimmed = text.content.slice(0, start);
  text.content = trimmed.endsWith(" ") ? trimmed.slice(0, -1) : trimmed;
}

/**
 * `{attr=value}` after headings, as markdown-it-attrs reads it, without paying for its general
 * search on every module: markdown-it-attrs tries about twenty patterns on every token and inline
 * child, which was a quarter of loading a large course. Here a module whose only braces are one
 * `{…}` at the end of a heading (every module of the courses seen so far) gets the same transform
 * directly; any other brace in the module (an attribute on a paragraph, a link, a fence) sends the
 * whole module through markdown-it-attrs, so what authors write is read exactly as before.
 */
export function useHeadingAttributes(md: ReturnType<typeof import("markdown-it").default>): void {
  md.use(markdownItAttrs, OPTIONS);
  const rules = (md.core.ruler as unknown as { __rules__: { name: string; fn: unknown }[] })
    .__rules__;
  const general = rules.find((r) => r.name === RULE)?.fn as
    ((state: StateCore) => void) | undefined;
  if (!general) throw new Error(`markdown-it-attrs no longer adds a core rule named ${RULE}`);
  md.core.ruler.at(RULE, (state: StateCore) => {
    const tokens = state.tokens;
    const plain: [number, Token][] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (!token.content.includes("{") && !token.info.includes("{")) continue;
      const text = token.type === "inline" ? plainHeadingAttributes(tokens, i) : undefined;
      if (!text) return general(state);
      plain.push([i, text]);
    }
    for (const [i, text] of plain) applyHeadingAttributes(tokens, i, text);
  });
}
