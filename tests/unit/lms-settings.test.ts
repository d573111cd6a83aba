import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { LMS_DEFAULTS } from "../../src/framework/lms-schema.ts";
import { copyCourse, describeFindings, editFile, findingsOf, lineOf } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

const COURSE = "framework/course.yaml";
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The minimal course with `lms:` lines appended to its course.yaml. */
async function courseWithLms(lines: string) {
  const dir = await copyCourse(fixture("minimal"));
  made.push(dir);
  const text = await editFile(dir, COURSE, (t) => `${t.trimEnd()}\n${lines}\n`);
  return { dir, text };
}

describe("course.yaml `lms` settings", () => {
  it("defaults to completion `checks` and a pass mark of 80 when left out", async () => {
    const model = await loadCourse(fixture("minimal"));
    expect(model.settings.lms).toEqual({ completion: "checks", masteryScore: 80 });
    expect(LMS_DEFAULTS).toEqual({ completion: "checks", masteryScore: 80 });
  });

  it("accepts every rule and a pass mark in percent", async () => {
    const { dir } = await courseWithLms("lms:\n  completion: passed\n  masteryScore: 75.5");
    expect((await loadCourse(dir)).settings.lms).toEqual({
      completion: "passed",
      masteryScore: 75.5,
    });
  });

  it.each([
    [
      "completion: finished",
      "lms.completion",
      /must be `read`.*`checks`.*`passed`/,
      "completion: finished",
    ],
    ["masteryScore: 120", "lms.masteryScore", /100 or less/, "masteryScore: 120"],
    ["masteryScore: high", "lms.masteryScore", /expected number/, "masteryScore: high"],
    ["pass: 80", "lms.pass", /Unknown key `pass`/, "pass: 80"],
  ])("`%s` is reported at its line with data path %s", async (line, path, message, needle) => {
    const { dir, text } = await courseWithLms(`lms:\n  ${line}`);
    const findings = await findingsOf(dir);
    const finding = findings.find((f) => f.dataPath === path);
    expect(finding, describeFindings(findings)).toBeDefined();
    expect(finding!.file).toBe(COURSE);
    expect(finding!.line).toBe(lineOf(text, needle));
    expect(finding!.message).toMatch(message);
    expect(finding!.severity).toBe("error");
  });
});
