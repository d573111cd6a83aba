// framework/feedback.yaml (optional): the end-of-session form. Bad input gets one finding per
// problem, each with file, line and column, and what to do; every problem is reported at once.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { copyCourse, describeFindings, findingsOf } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

const FILE = "framework/feedback.yaml";

const VALID = `minimumGroup: 6
questions:
  - id: relevance
    kind: rating
    text: { en: How relevant was it?, zh-CN: 与工作相关吗？ }
    low: { en: Not relevant, zh-CN: 基本无关 }
    high: { en: Highly relevant, zh-CN: 非常相关 }
  - id: clarity
    kind: rating
    text: { en: How clear was it?, zh-CN: 清楚吗？ }
    low: { en: Hard to follow, zh-CN: 很难跟上 }
    high: { en: Very clear, zh-CN: 非常清楚 }
  - id: improve
    kind: text
    text: { en: One thing to improve, zh-CN: 一条建议 }
`;

async function courseWith(text: string | undefined) {
  const dir = await copyCourse(fixture("minimal"));
  if (text === undefined) await rm(join(dir, FILE), { force: true });
  else await writeFile(join(dir, FILE), text);
  return dir;
}

describe("feedback questions", () => {
  it("a valid file loads, with its floor, and the course gets the hand-over and cohort pages", async () => {
    const model = await loadCourse(await courseWith(VALID), { strict: false });
    expect(model.feedback?.questions.map((q) => q.id)).toEqual(["relevance", "clarity", "improve"]);
    expect(model.feedback?.minimumGroup).toBe(6);
    expect(model.pagesByType.handover.map((p) => p.url)).toEqual([
      "/en/feedback/",
      "/zh-CN/feedback/",
    ]);
    expect(model.pagesByType.cohort).toHaveLength(2);
  });

  it("is optional: without it the course loads, with no form", async () => {
    const model = await loadCourse(await courseWith(undefined), { strict: false });
    expect(model.feedback).toBeUndefined();
  });

  it.each([
    {
      rule: "floor below five",
      from: "minimumGroup: 6",
      to: "minimumGroup: 3",
      message: /must be 5 or more/,
    },
    {
      rule: "unknown kind",
      from: "    kind: text",
      to: "    kind: essay",
      message: /`essay` must be `rating`/,
    },
    {
      rule: "duplicate id",
      from: "  - id: clarity",
      to: "  - id: relevance",
      message: /Duplicate question id `relevance`/,
      hint: /unique/,
    },
    {
      rule: "a second free-text question",
      from: "zh-CN: 一条建议 }\n",
      to: "zh-CN: 一条建议 }\n  - id: more\n    kind: text\n    text: { en: More, zh-CN: 更多 }\n",
      message: /second free-text question/,
      hint: /keep one/,
      below: 1,
    },
    {
      rule: "missing locale text",
      from: "text: { en: How clear was it?, zh-CN: 清楚吗？ }",
      to: "text: { en: How clear was it? }",
      message: /locale `zh-CN` is missing/,
    },
    {
      rule: "unknown key",
      from: "    high: { en: Very clear",
      to: "    hihg: { en: Very clear",
      message: /Unknown key `hihg`/,
    },
  ])("$rule", async ({ from, to, message, hint, below }) => {
    const broken = VALID.replace(from, to);
    expect(broken).not.toBe(VALID);
    const findings = await findingsOf(await courseWith(broken));
    const mine = findings.filter((f) => f.file === FILE);
    expect(mine.length, describeFindings(findings)).toBeGreaterThanOrEqual(1);
    expect(mine.map((f) => f.message).join("\n")).toMatch(message);
    if (hint) expect(mine.map((f) => f.hint).join("\n")).toMatch(hint);
    // A finding points at the changed line, with a column.
    const before = VALID.split("\n");
    const changed =
      broken.split("\n").findIndex((line, i) => line !== before[i]) + 1 + (below ?? 0);
    expect(
      mine.map((f) => f.line),
      describeFindings(mine),
    ).toContain(changed);
    expect(mine.every((f) => f.column >= 1 && f.dataPath.length > 0)).toBe(true);
  });

  it("reports every problem at once", async () => {
    const broken = VALID.replace("minimumGroup: 6", "minimumGroup: 2")
      .replace(
        "text: { en: How clear was it?, zh-CN: 清楚吗？ }",
        "text: { en: How clear was it? }",
      )
      .replace("    kind: text", "    kind: essay");
    const mine = (await findingsOf(await courseWith(broken))).filter((f) => f.file === FILE);
    expect(mine.length, describeFindings(mine)).toBeGreaterThanOrEqual(3);
  });

  it("a course with no questions file, no assessed layer and so nothing to hand over has no such pages", async () => {
    const model = await loadCourse(await courseWith(undefined), { strict: false });
    const assessed = model.framework.layers.some((l) => l.assessed);
    expect(model.pagesByType.handover.length > 0).toBe(assessed);
  });
});
