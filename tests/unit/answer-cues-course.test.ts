import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { copyCourse, describeFindings, editFile, replaceOnce } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

const EN = "modules/information-literacy/en.md";
const ZH = "modules/information-literacy/zh-CN.md";
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

/** A two-option check whose right option is the longer one, first or second. */
const CHECK = (rightFirst: boolean) => {
  const right = "- [x] The one that cites a current guideline you have read.\n  > Yes.\n";
  const wrong = "- [ ] The most liked one.\n  > No.\n";
  return `\n::: check\nWhich is right?\n\n${rightFirst ? right + wrong : wrong + right}:::\n`;
};

/**
 * The fixture (one check: two options, the right one last and longer) plus `extra` such checks, the
 * right option alternately first and last, so that only length gives the answer away.
 */
async function courseWithChecks(extra: number): Promise<string> {
  const dir = await copyCourse(fixture("module-base"));
  made.push(dir);
  const checks = Array.from({ length: extra }, (_, i) => CHECK(i % 2 === 0)).join("");
  for (const file of [EN, ZH])
    await editFile(dir, file, replaceOnce("\n::: keypoints", `${checks}\n::: keypoints`));
  return dir;
}

const cueWarnings = async (dir: string) =>
  (await loadCourse(dir)).warnings.filter((w) => /single-answer knowledge checks/.test(w.message));

describe("answer cues across a course", () => {
  it("warns per locale, at the first check concerned, when the right option is always the longest", async () => {
    const dir = await courseWithChecks(7);
    const warnings = await cueWarnings(dir);
    expect(
      warnings.map((w) => `${w.file} ${/is the (\w+)/.exec(w.message)![1]}`),
      describeFindings(warnings),
    ).toEqual([`${EN} longest`, `${EN} shortest`, `${ZH} longest`, `${ZH} shortest`]);
    const en = warnings[0]!;
    expect(en.message).toMatch(/^In en, the right option is the longest in 8 of 8 /);
    expect(en.line).toBe(53);
    expect(en.message).toMatch(new RegExp(`Checks where it is: ${EN}:53, 62, `));
    expect(warnings[2]!.message).toMatch(/^In zh-CN, /);
  });

  it("says nothing below 8 single-answer checks in a locale", async () => {
    expect(await cueWarnings(await courseWithChecks(6))).toEqual([]);
  });

  it("fails --strict validation with the warning as an error", async () => {
    const dir = await courseWithChecks(7);
    await expect(loadCourse(dir, { strict: true })).rejects.toThrow(/problems/);
  });
});
