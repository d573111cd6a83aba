import { textWidth } from "../text/text-width.ts";

/**
 * The running title at the top of printed pages is one line of 9 pt text across the page (180 mm on
 * A4 with its margins, a little more on Letter): about 56 em, of which this much is used (the width
 * estimate errs wide).
 */
const RUNNING_LINE_EMS = 54;

export const fitsRunningLine = (text: string): boolean => textWidth(text, 1) <= RUNNING_LINE_EMS;

/** The text, cut at a word (or between CJK characters) and ended with "…" if it is too long for the line. */
export function cutToRunningLine(text: string): string {
  if (fitsRunningLine(text)) return text;
  let chars = [...text];
  while (chars.length > 1 && !fitsRunningLine(`${chars.join("")}…`)) chars = chars.slice(0, -1);
  const cut = chars.join("");
  const atSpace = cut.lastIndexOf(" ");
  return `${(atSpace > cut.length / 2 ? cut.slice(0, atSpace) : cut).replace(/[\s,;:·，、；：]+$/u, "")}…`;
}
