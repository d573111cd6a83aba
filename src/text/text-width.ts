/** CJK ideographs, kana, Hangul, CJK punctuation and full-width forms (code point ranges). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x9fff], // CJK radicals to unified ideographs, with CJK punctuation and kana
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff00, 0xffef], // half- and full-width forms
];

/** A character of those ranges: one em wide. */
export const WIDE_CHARACTER = new RegExp(
  `[${WIDE_RANGES.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join("")}]`,
  "u",
);

/** Approximate width of text in a sans-serif font: CJK and full-width characters are square. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let square = 0;
  let latin = 0;
  // By code point, without a regular expression per character (slide layout measures every line
  // of every module). Capitals first: I, M and W count as capitals.
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isWide(c)) square += 1;
    else if (c === 0x20) latin += 0.28;
    else if (c >= 0x41 && c <= 0x5a) latin += 0.66;
    else if (NARROW.has(c)) latin += 0.28;
    else if (c === 0x6d || c === 0x77) latin += 0.85;
    else latin += 0.55;
  }
  // Calibrated on DejaVu Sans and Noto Sans CJK (wide system fonts) as Chromium renders them: Latin
  // letters run a little wider than these widths, and bold ones wider still; CJK characters are one em.
  return (square + latin * 1.08 * (bold ? 1.18 : 1)) * fontSize;
}

/** In WIDE_RANGES (in order: below the first, where Latin text is, it returns at once). */
function isWide(c: number): boolean {
  if (c < WIDE_RANGES[0]![0]) return false;
  for (let i = 0; i < WIDE_RANGES.length; i++) {
    const [from, to] = WIDE_RANGES[i]!;
    if (c >= from && c <= to) return true;
  }
  return false;
}

/** Narrow letters and punctuation: i, j, l and . , : ; ' ! | */
const NARROW = new Set([..."ijl.,:;'!|"].map((ch) => ch.codePointAt(0)!));
