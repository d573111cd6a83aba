/** Small text edits that leave every other byte of a file as it was (comments, quoting, CRLF, BOM). */

/** The line ending a file uses, so inserted lines match it. */
export const lineEnding = (text: string): string => (text.includes("\r\n") ? "\r\n" : "\n");

/** The front matter of a Markdown file: where its body (between the fences) starts and ends. */
export function frontMatterSpan(text: string): { start: number; end: number } | undefined {
  const open = /^\uFEFF?---\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const match = close.exec(rest);
  if (!match) return undefined;
  return { start: open[0].length, end: open[0].length + match.index };
}

/**
 * Sets a top-level `key: value` line in a YAML file: replaces the value when the key is there,
 * otherwise inserts the comment and line after the file's opening comment block.
 */
export function setTopLevelKey(
  text: string,
  key: string,
  value: string,
  comment: string[],
): string {
  const eol = lineEnding(text);
  const existing = new RegExp(`^${key}:[^\\r\\n]*`, "m");
  if (existing.test(text)) return text.replace(existing, `${key}: ${value}`);
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const lines = text.slice(bom.length).split(/\r?\n/);
  let at = 0;
  while (at < lines.length && lines[at]!.startsWith("#")) at++;
  const block = [...comment.map((c) => `# ${c}`), `${key}: ${value}`];
  const inserted = at === 0 ? [...block, ""] : ["", ...block];
  lines.splice(at, 0, ...inserted);
  return bom + lines.join(eol);
}
