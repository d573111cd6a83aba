import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/text/format-message.ts";
import { textWidth, WIDE_CHARACTER } from "../../src/text/text-width.ts";

/** The wide characters as first written, as one regular expression. */
const WIDE_AS_WRITTEN = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** The width rule as first written, one regular expression per character: what textWidth must equal. */
function referenceWidth(text: string, fontSize: number, bold = false): number {
  let square = 0;
  let latin = 0;
  for (const ch of text) {
    if (WIDE_AS_WRITTEN.test(ch)) square += 1;
    else if (ch === " ") latin += 0.28;
    else if (/[A-Z]/.test(ch)) latin += 0.66;
    else if (/[ijlI.,:;'!|]/.test(ch)) latin += 0.28;
    else if (/[mwMW]/.test(ch)) latin += 0.85;
    else latin += 0.55;
  }
  return (square + latin * 1.08 * (bold ? 1.18 : 1)) * fontSize;
}

describe("textWidth", () => {
  it("measures as the per-character rule does, for any text: CJK, kana, Hangul, full-width, Latin, emoji", () => {
    const characters = fc.oneof(
      fc.constantFrom(..."AIMWZaijlmwz .,:;'!|?0９中文。、「」ｱ가힣⺀鿿豈﫿　〿＀￯😀"),
      fc.string({ unit: "grapheme", maxLength: 3 }),
      fc.integer({ min: 0x2e00, max: 0xffff }).map((c) => String.fromCodePoint(c)),
    );
    fc.assert(
      fc.property(
        fc.array(characters, { maxLength: 40 }).map((parts) => parts.join("")),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (text, size, bold) => {
          expect(textWidth(text, size, bold)).toBe(referenceWidth(text, size, bold));
          expect(WIDE_CHARACTER.test(text)).toBe(WIDE_AS_WRITTEN.test(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("counts each end of the wide ranges as wide, and the code point past it as not", () => {
    for (const [first, last] of [
      [0x2e80, 0x9fff],
      [0xac00, 0xd7af],
      [0xf900, 0xfaff],
      [0xff00, 0xffef],
    ] as const) {
      expect(textWidth(String.fromCodePoint(first), 10)).toBe(10);
      expect(textWidth(String.fromCodePoint(last), 10)).toBe(10);
      expect(textWidth(String.fromCodePoint(first - 1), 10)).toBeCloseTo(0.55 * 1.08 * 10);
      expect(textWidth(String.fromCodePoint(last + 1), 10)).toBeCloseTo(0.55 * 1.08 * 10);
    }
  });
});

describe("formatMessage plurals and numbers, with the locale's rules made once", () => {
  const message = "{n, plural, =0 {none} one {# module} other {# modules}}";

  it("picks the form and writes the number as the locale does, call after call", () => {
    for (let i = 0; i < 3; i++) {
      expect(formatMessage(message, "en", { n: 0 })).toBe("none");
      expect(formatMessage(message, "en", { n: 1 })).toBe("1 module");
      expect(formatMessage(message, "en", { n: 1234 })).toBe("1,234 modules");
      expect(formatMessage(message, "fr", { n: 1 })).toBe("1 module");
      expect(formatMessage(message, "fr", { n: 1234 })).toBe(
        `${(1234).toLocaleString("fr")} modules`,
      );
      expect(formatMessage(message, "zh-CN", { n: 1 })).toBe("1 modules");
    }
  });

  it("gives a locale code that plural rules refuse the `other` form, and refuses it for numbers as toLocaleString does", () => {
    expect(() => (5).toLocaleString("en_US")).toThrow(RangeError);
    expect(() => formatMessage(message, "en_US", { n: 5 })).toThrow(RangeError);
    expect(formatMessage("{n, plural, one {one} other {other}}", "en_US", { n: "x" })).toBe(
      "other",
    );
  });
});
