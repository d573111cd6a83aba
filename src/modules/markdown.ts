import MarkdownIt, { type StateInline } from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import markdownItContainer from "markdown-it-container";
import { useHeadingAttributes } from "./heading-attributes.ts";
import { enforceMarkdownPolicy, type PolicyEnv } from "../security/markdown-policy.ts";

/** Heading ids that keep Chinese and other letters readable instead of percent-encoding them. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

const CITATION = /^\[@([A-Za-z0-9_-]+(?:\s*;\s*@[A-Za-z0-9_-]+)*)\]/;

/** `[@key]` or `[@a; @b]`: a citation of the module's references, numbered when rendered. */
const citationRule = (state: StateInline, silent: boolean): boolean => {
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x40)
    return false;
  const match = CITATION.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const token = state.push("citation", "", 0);
    token.meta = { keys: match[1]!.split(";").map((k) => k.trim().replace(/^@/, "")) };
  }
  state.pos += match[0].length;
  return true;
};

export type RenderEnv = PolicyEnv & {
  /** Reference key to its number in the module's reference list. */
  referenceNumbers: Map<string, number>;
  /** Category id to its title in this locale, for "serves" lines under headings. */
  categoryTitles: Map<string, string>;
  servesLabel: string;
  /** What stands between items on one line (the locale's `compose.separator`, e.g. " · "). */
  separator?: string;
};

/**
 * The Markdown parser for modules: `:::` blocks of any name (checked afterwards, so an unknown one gets
 * a clear error), `{attr=value}` on headings, readable heading anchors, and `[@key]` citations.
 * Raw HTML is off: module text is shown, never run.
 */
export function createModuleMarkdown() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Every attribute is parsed, so that the policy can report the ones modules may not use.
  useHeadingAttributes(md);
  md.use(markdownItAnchor, { slugify, tabIndex: false });
  md.use(markdownItContainer, "block", { validate: () => true });
  md.inline.ruler.before("link", "citation", citationRule);
  enforceMarkdownPolicy(md);
  md.renderer.rules.citation = (tokens, idx, _options, renderEnv) => {
    const env = renderEnv as unknown as RenderEnv;
    const keys = (tokens[idx]!.meta as { keys: string[] }).keys;
    const links = keys.map((k) => {
      const n = env.referenceNumbers?.get(k);
      return n ? `<a href="#ref-${k}">${n}</a>` : "";
    });
    return `<sup class="cite">[${links.filter(Boolean).join(", ")}]</sup>`;
  };
  md.renderer.rules.serves = (tokens, idx, _options, renderEnv) => {
    const env = renderEnv as unknown as RenderEnv;
    const ids = (tokens[idx]!.meta as { categories: string[] }).categories;
    const names = ids.map((id) => md.utils.escapeHtml(env.categoryTitles?.get(id) ?? id));
    return `<p class="serves">${md.utils.escapeHtml(env.servesLabel)} ${names.join(md.utils.escapeHtml(env.separator ?? " · "))}</p>\n`;
  };
  return md;
}

export type ModuleMarkdown = ReturnType<typeof createModuleMarkdown>;
