/** Elements whose text keeps its whitespace exactly. */
const KEEP = /<(pre|textarea)\b[\s\S]*?<\/\1>/gi;

/**
 * Removes the templates' indentation (spaces and tabs at the start of lines) from a page, except inside
 * <pre> and <textarea>: a line break still separates the words, and pages read on phones get lighter.
 */
export function trimIndentation(html: string): string {
  let out = "";
  let at = 0;
  for (const kept of html.matchAll(KEEP)) {
    out += html.slice(at, kept.index).replace(/\n[ \t]+/g, "\n") + kept[0];
    at = kept.index + kept[0].length;
  }
  return out + html.slice(at).replace(/\n[ \t]+/g, "\n");
}
