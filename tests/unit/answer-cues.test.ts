import { describe, expect, it } from "vitest";
import {
  answerCueFindings,
  cueCredit,
  type CheckShape,
  type Cue,
} from "../../src/modules/answer-cues.ts";

const FILE = "modules/m/en.md";

/** A four-option check: the right option at `right`, all options equally long unless `widths`. */
function check(right: number, line: number, widths = [10, 10, 10, 10]): CheckShape {
  return { file: FILE, line, widths, right };
}

/** The right option of a four-option check, made the one longest option. */
const longest = (right: number, line: number) =>
  check(
    right,
    line,
    [10, 10, 10, 10].map((w, i) => (i === right ? 20 : w)),
  );
/** The right option of a four-option check, made neither the longest nor the shortest. */
const middling = (right: number, line: number) => {
  const others = [0, 1, 2, 3].filter((i) => i !== right);
  const widths = [10, 10, 10, 10];
  widths[others[0]!] = 20;
  widths[others[1]!] = 5;
  return check(right, line, widths);
};

/**
 * `count` four-option checks, the right option cycling through every place (so position gives
 * nothing away), `hits` of them with the right option the longest and the rest middling.
 */
function course(count: number, hits: number): CheckShape[] {
  return Array.from({ length: count }, (_, i) =>
    i < hits ? longest(i % 4, 10 * (i + 1)) : middling(i % 4, 10 * (i + 1)),
  );
}

const cuesOf = (shapes: CheckShape[]) =>
  answerCueFindings("en", shapes).map((f) => /is the (\w+) in/.exec(f.message)![1] as Cue);

describe("answer cues: length", () => {
  // Chance with four options is 25 %: fair is 12.5 % (0.5×) to 40 % (1.6×), both ends included.
  it.each([
    [8, 1, []], // 12.5 %: exactly 0.5× chance, inside
    [8, 0, ["longest"]], // 0 %: below 0.5×
    [10, 4, []], // 40 %: exactly 1.6× chance, inside
    [10, 5, ["longest"]], // 50 %: above 1.6×
    [10, 2, []],
  ])("%i checks, right option the longest in %i: warns for %j", (count, hits, expected) => {
    expect(cuesOf(course(count, hits)).filter((c) => c === "longest")).toEqual(expected);
  });

  it("says nothing with 7 checks, however strong the cue; warns from 8", () => {
    expect(answerCueFindings("en", course(7, 7))).toEqual([]);
    expect(cuesOf(course(8, 8))).toContain("longest");
  });

  it("warns in both directions: too often and too rarely the shortest", () => {
    const shortest = (right: number, line: number) =>
      check(
        right,
        line,
        [10, 10, 10, 10].map((w, i) => (i === right ? 5 : w)),
      );
    const often = Array.from({ length: 8 }, (_, i) => shortest(i % 4, i + 1));
    // Always the shortest is also never the longest: both cues are off, one each way.
    expect(cuesOf(often)).toEqual(["longest", "shortest"]);
    expect(answerCueFindings("en", often)[1]!.message).toMatch(/shortest in 8 of 8 .* far above/);
    const never = Array.from({ length: 8 }, (_, i) => longest(i % 4, i + 1));
    expect(cuesOf(never)).toEqual(["longest", "shortest"]);
    const message = answerCueFindings("en", never)[1]!.message;
    expect(message).toMatch(/the shortest in 0 of 8 .* far below chance/);
  });
});

describe("answer cues: ties", () => {
  it("shares a tie: the right option tied with one other for longest counts ½", () => {
    expect(cueCredit(check(0, 1, [20, 20, 10, 10]), "longest")).toBe(0.5);
    expect(cueCredit(check(2, 1, [20, 20, 10, 10]), "longest")).toBe(0);
    expect(cueCredit(check(2, 1, [20, 20, 10, 10]), "shortest")).toBe(0.5);
  });

  it("counts widths within 5 % of the longer as tied, and not beyond", () => {
    expect(cueCredit(check(0, 1, [100, 95, 50, 50]), "longest")).toBe(0.5);
    expect(cueCredit(check(0, 1, [100, 94.9, 50, 50]), "longest")).toBe(1);
    expect(cueCredit(check(2, 1, [100, 100, 50, 52.6]), "shortest")).toBe(0.5);
    expect(cueCredit(check(2, 1, [100, 100, 50, 52.7]), "shortest")).toBe(1);
  });

  it("options all of one length are at chance for both length cues, so no warning", () => {
    const even = Array.from({ length: 12 }, (_, i) => check(i % 4, i + 1));
    expect(answerCueFindings("en", even)).toEqual([]);
  });

  it("a right option always tied with one other for longest is twice chance: a warning", () => {
    const tied = Array.from({ length: 8 }, (_, i) =>
      check(
        i % 4,
        i + 1,
        [0, 1, 2, 3].map((j) => (j === i % 4 || j === (i + 1) % 4 ? 20 : 10)),
      ),
    );
    const [finding] = answerCueFindings("en", tied);
    expect(finding!.message).toMatch(/the longest in 4 of 8 .*\(50 %\)/);
    expect(finding!.message).toMatch(/count as tied, and a tie shares its check/);
  });
});

describe("answer cues: position", () => {
  it("warns when the right option is first too often, and last too rarely", () => {
    const first = Array.from({ length: 8 }, (_, i) => check(0, i + 1));
    expect(cuesOf(first)).toEqual(["first", "last"]);
  });

  it.each([
    [2, []], // 2 of 8 first: chance
    [1, []], // 12.5 %: 0.5×
    [0, ["first"]],
    [3, []], // 37.5 %: 1.5×
    [4, ["first"]], // 50 %: 2×
  ])("%i of 8 four-option checks right first: warns for %j", (firsts, expected) => {
    // The others cycle over places 1 to 3, so "last" stays fair unless it has to absorb the rest.
    const shapes = Array.from({ length: 8 }, (_, i) =>
      check(i < firsts ? 0 : [1, 2, 3][i % 3]!, i + 1),
    );
    expect(cuesOf(shapes).filter((c) => c === "first")).toEqual(expected);
  });

  it("takes chance as the mean of 1/n when checks have different numbers of options", () => {
    // Four two-option and four four-option checks: chance (½ + ¼) / 2 = 37.5 %; 1.6× is 60 %.
    const two = (right: number, line: number): CheckShape => ({
      file: FILE,
      line,
      widths: [10, 10],
      right,
    });
    const inside = [two(0, 1), two(0, 2), two(0, 3), two(0, 4)].concat(
      [0, 1, 2, 3].map((r) => check(r, 10 + r)),
    ); // first: 5 of 8 = 62.5 % > 60 %
    expect(cuesOf(inside)).toContain("first");
    const message = answerCueFindings("en", inside).find((f) => /the first/.test(f.message))!;
    expect(message.message).toMatch(/chance: 38 % with 2\.7 options on average/);
    const fair = [two(0, 1), two(1, 2), two(0, 3), two(1, 4)].concat(
      [0, 1, 2, 3].map((r) => check(r, 10 + r)),
    ); // first: 3 of 8 = 37.5 %
    expect(cuesOf(fair)).toEqual([]);
  });
});

describe("answer cues: the warning", () => {
  it("names the locale, share, chance and count, lists the checks by file and line, and says what to do", () => {
    const other = "modules/n/en.md";
    const shapes = course(10, 5).map((s, i) => (i >= 3 ? { ...s, file: other } : s));
    const [finding] = answerCueFindings("zh-CN", shapes);
    expect(finding).toMatchObject({ file: FILE, line: 10, severity: "warning" });
    expect(finding!.message).toMatch(
      /^In zh-CN, the right option is the longest in 5 of 10 single-answer knowledge checks \(50 %\), far above chance: 25 % with 4 options on average; a fair share lies between 13 % and 40 %/,
    );
    expect(finding!.message).toMatch(
      /Checks where it is: modules\/m\/en\.md:10, 20, 30; modules\/n\/en\.md:40, 50$/,
    );
    expect(finding!.hint).toMatch(/pick the longest option score above chance/);
    expect(finding!.hint).toMatch(/Aim for about 3 of 10/);
  });

  it("lists the checks the cue loses when it wins too rarely", () => {
    const [finding] = answerCueFindings("en", course(8, 0));
    expect(finding!.message).toMatch(/far below chance/);
    expect(finding!.message).toMatch(/Checks where it is not: modules\/m\/en\.md:10, 20, 30/);
    expect(finding!.hint).toMatch(/never pick the longest option/);
  });
});
