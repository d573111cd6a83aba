/** CJK ideographs, kana, Hangul, CJK punctuation and full-width forms: one em wide each. */
export const WIDE_CHARACTER =
  /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Approximate width of text in a sans-serif font: CJK and full-width characters are square. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let square = 0;
  let latin = 0;
  // By code point, without a regular expression per character (slide layout measures every line
  // of every module): the same classes as WIDE_CHARACTER and the letter groups below.
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isWide(c)) square += 1;
    else if (c === 0x20) latin += 0.28;
    else if (c >= 0x41 && c <= 0x5a)
      latin += 0.66; // A–Z
    else if (NARROW.has(c)) latin += 0.28;
    else if (c === 0x6d || c === 0x77)
      latin += 0.85; // m, w
    else latin += 0.55;
  }
  // Calibrated on DejaVu Sans and Noto Sans CJK (wide system fonts) as Chromium renders them: Latin
  // letters run a little wider than these widths, and bold ones wider still; CJK characters are one em.
  return (square + latin * 1.08 * (bold ? 1.18 : 1)) * fontSize;
}

/** The code points WIDE_CHARACTER matches. */
const isWide = (c: number) =>
  (c >= 0x2e80 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xff00 && c <= 0xffef) ||
  (c >= 0x3000 && c <= 0x303f);

/** Narrow Latin letters and punctuation (capital I is counted with the capitals, as before). */
const NARROW = new Set([..."ijl.,:;'!|"].map((ch) => ch.codePointAt(0)!));
