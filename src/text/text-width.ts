/** CJK ideographs, kana, Hangul, CJK punctuation and full-width forms: one em wide each. */
export const WIDE_CHARACTER =
  /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Approximate width of text in a sans-serif font: CJK and full-width characters are square. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let square = 0;
  let latin = 0;
  for (const ch of text) {
    if (WIDE_CHARACTER.test(ch)) square += 1;
    else if (ch === " ") latin += 0.28;
    else if (/[A-Z]/.test(ch)) latin += 0.66;
    else if (/[ijlI.,:;'!|]/.test(ch)) latin += 0.28;
    else if (/[mwMW]/.test(ch)) latin += 0.85;
    else latin += 0.55;
  }
  // Calibrated on DejaVu Sans and Noto Sans CJK (wide system fonts) as Chromium renders them: Latin
  // letters run a little wider than these widths, and bold ones wider still; CJK characters are one em.
  return (square + latin * 1.08 * (bold ? 1.18 : 1)) * fontSize;
}
