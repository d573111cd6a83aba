import type { StateCore, Token } from "markdown-it";
import { explainUrlProblem, URL_HINT } from "./url-policy.ts";

/** Something in Markdown the policy refused; it has already been made harmless in the tokens. */
export interface PolicyProblem {
  /** 0-based line in the Markdown source. */
  line: number;
  message: string;
  hint: string;
}

/** The part of a render environment where refused things are collected, when the caller wants them. */
export type PolicyEnv = {
  policyProblems?: PolicyProblem[];
};

/**
 * An id written on a heading (`{id=…}`) or made from its text: letters and digits of any script
 * joined by single hyphens or underscores. Nothing that could end an HTML attribute gets through.
 */
export const HEADING_ID_PATTERN = /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u;

/** Table column alignment: markdown-it writes it as a style attribute, which the page's policy forbids. */
const ALIGN = /^text-align:(left|right|center)$/;

/**
 * Makes a markdown-it parser apply the course's rules to what authors write:
 * - links, autolinks and images follow the URL policy (markdown-it's own check drops bad links
 *   silently; here a refused link loses its address, shows as text, and is reported);
 * - `{id=…}` must be a plain id and `{serves=…}` belongs on headings; any other attribute an author
 *   writes (`{onclick=…}`, `{style=…}`, `{.class}`) is removed and reported;
 * - table alignment becomes a class instead of a style attribute.
 * Problems go to `env.policyProblems`, so the loader can report file and line.
 */
export function enforceMarkdownPolicy(md: ReturnType<typeof import("markdown-it").default>): void {
  md.validateLink = () => true;
  md.core.ruler.push("course_policy", (state: StateCore) => {
    const report = (line: number, message: string, hint: string) =>
      (state.env as PolicyEnv | undefined)?.policyProblems?.push({ line, message, hint });
    let line = 0;
    for (const block of state.tokens) {
      if (block.map) line = block.map[0];
      // Only tokens with attributes can break a rule (most have none).
      if (block.attrs) checkToken(block, line, report);
      for (const token of block.children ?? [])
        if (token.attrs) checkToken(token, line + lineWithin(block.content, token), report);
    }
  });
}

function checkToken(
  token: Token,
  line: number,
  report: (line: number, message: string, hint: string) => void,
): void {
  const drop = (name: string) => {
    token.attrs = (token.attrs ?? []).filter(([n]) => n !== name);
  };
  for (const [name, raw] of token.attrs ?? []) {
    const value = String(raw);
    if (
      (name === "href" && token.type === "link_open") ||
      (name === "src" && token.type === "image")
    ) {
      const problem = explainUrlProblem(decodeSafely(value));
      if (!problem) continue;
      drop(name);
      report(line, problem, URL_HINT);
    } else if (name === "id" && !HEADING_ID_PATTERN.test(value)) {
      drop(name);
      report(
        line,
        `\`{id=${value}}\` is not a valid id`,
        "Use letters and digits joined by hyphens, e.g. `{id=case-study}`, with no quotes, spaces or other signs.",
      );
    } else if (name === "serves" && token.type !== "heading_open") {
      drop(name);
      report(
        line,
        "`{serves=…}` is only allowed on a heading",
        'Put it at the end of a heading line: `## Reading the evidence {serves="information-literacy"}`.',
      );
    } else if (name === "style" && (token.type === "th_open" || token.type === "td_open")) {
      drop(name);
      const align = ALIGN.exec(value)?.[1];
      if (align) token.attrJoin("class", `align-${align}`);
    } else if (
      name !== "id" &&
      name !== "serves" &&
      !(MARKDOWN_ATTRIBUTES[token.type] ?? []).includes(name)
    ) {
      drop(name);
      report(
        line,
        `\`{${name}=…}\` is not an attribute the module format uses`,
        "Only `{id=…}` and `{serves=…}` may follow a heading; remove the others (a course sets no styles, classes or scripts).",
      );
    }
  }
}

/** The attributes markdown-it itself writes on its tokens (anything else came from the author). */
const MARKDOWN_ATTRIBUTES: Record<string, string[]> = {
  link_open: ["href", "title"],
  image: ["src", "alt", "title"],
  ordered_list_open: ["start"],
};

/** Which line of an inline block holds a link's address (0 when it cannot be told). */
function lineWithin(content: string, token: Token): number {
  const url = String(token.attrGet("href") ?? token.attrGet("src") ?? "");
  if (!url) return 0;
  const at = content
    .split(/\r?\n/)
    .findIndex((l) => l.includes(url) || l.includes(decodeSafely(url)));
  return Math.max(0, at);
}

function decodeSafely(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
