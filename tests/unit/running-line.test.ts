import { describe, expect, it } from "vitest";
import { cutToRunningLine, fitsRunningLine } from "../../src/print/running-line.ts";

describe("the running title of printed pages", () => {
  it("keeps a title that fits one line as it is", () => {
    const title = "Digital skills: verified profiles, clear posts and patient privacy";
    expect(fitsRunningLine(title)).toBe(true);
    expect(cutToRunningLine(title)).toBe(title);
  });

  it("cuts a title too long for one line at a word, ending with …", () => {
    const title = `${"Communicating with families on the ward ".repeat(4).trim()}.`;
    const cut = cutToRunningLine(title);
    expect(fitsRunningLine(title)).toBe(false);
    expect(fitsRunningLine(cut)).toBe(true);
    expect(cut).toMatch(/[a-z]…$/);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
    expect(title[cut.length - 1]).toBe(" ");
  });

  it("cuts Chinese between characters, dropping punctuation before the …", () => {
    const title = "医学专业知识：有据可依、不越专业边界、分清科普与个体诊疗".repeat(3);
    const cut = cutToRunningLine(title);
    expect(fitsRunningLine(cut)).toBe(true);
    expect(cut).toMatch(/[\u4e00-\u9fff]…$/u);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
  });
});
