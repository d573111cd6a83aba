import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/errors.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { reviewStatus } from "../../src/modules/review-status.ts";
import {
  describeFindings,
  editFile,
  findingsOf,
  fixtureCopies,
  lineOf,
  replaceOnce,
} from "../helpers/courses.ts";

const EN = "modules/information-literacy/en.md";
const ZH = "modules/information-literacy/zh-CN.md";
const FRAMEWORK = "framework/framework.yaml";
/** A fresh copy of the module-base fixture, removed after this file. */
const course = fixtureCopies();

/** Warnings of a course that must load (not strict), as findings. */
async function warningsOf(dir: string): Promise<Finding[]> {
  return (await loadCourse(dir)).warnings;
}

const REVIEW = (on: string, next: string) =>
  `review:\n  by: Education department\n  on: ${on}\n  next: ${next}\n---\n`;
const addReview = (on: string, next: string) => (text: string) =>
  text.replace(/\n---\n/, `\n${REVIEW(on, next)}`);

describe("review dates", () => {
  it.each([
    ["2026-01-01", "2027-01-01", "2026-06-01", "current"],
    ["2026-01-01", "2026-07-01", "2026-06-01", "dueSoon"],
    ["2026-01-01", "2026-07-01", "2026-07-01", "dueSoon"],
    ["2026-01-01", "2026-07-01", "2026-07-02", "overdue"],
  ] as const)("reviewed %s, next %s, on %s: %s", (on, next, today, status) => {
    expect(reviewStatus({ by: "x", on, next, fingerprint: "sha256:0" }, today)).toBe(status);
  });
  it("no review is unreviewed", () =>
    expect(reviewStatus(undefined, "2026-01-01")).toBe("unreviewed"));
  it("a review without a fingerprint is unrecorded, one the content has moved on from is changed", () => {
    const review = { by: "x", on: "2026-01-01", next: "2027-01-01" };
    expect(reviewStatus(review, "2026-06-01")).toBe("unrecorded");
    // Overdue or not, a change since the review comes first: the date no longer says anything.
    for (const today of ["2026-06-01", "2028-01-01"])
      expect(reviewStatus({ ...review, fingerprint: "sha256:0" }, today, false)).toBe("changed");
  });

  it("an overdue review is a warning at the line of `next`, an error under --strict", async () => {
    const dir = await course();
    const text = await editFile(dir, EN, addReview("2001-01-01", "2002-01-01"));
    const warnings = await warningsOf(dir);
    const overdue = warnings.filter((w) => /review was due on 2002-01-01/.test(w.message));
    expect(overdue, describeFindings(warnings)).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      file: EN,
      line: lineOf(text, "next: 2002-01-01"),
      dataPath: "review.next",
    });
    expect(overdue[0]!.hint).toMatch(/review\.on/);
    const strict = await findingsOf(dir);
    expect(strict.some((f) => f.severity === "error" && /review was due/.test(f.message))).toBe(
      true,
    );
  });

  it("a review in the future loads without a finding, and reaches the model", async () => {
    const dir = await course();
    await editFile(dir, EN, addReview("2026-01-01", "2999-01-01"));
    const model = await loadCourse(dir, { strict: true });
    expect(model.modules[0]!.versions.en!.review).toEqual({
      by: "Education department",
      on: "2026-01-01",
      next: "2999-01-01",
    });
  });

  it.each([
    ["next before on", "2026-05-01", "2026-04-01", /before the last one/],
    ["not a date", "2026-02-30", "2027-01-01", /not a real date/],
    ["wrong form", "1 May 2026", "2027-01-01", /YYYY-MM-DD/],
  ])("%s is an error at its line", async (_, on, next, message) => {
    const dir = await course();
    await editFile(dir, EN, addReview(on, next));
    const findings = await findingsOf(dir);
    const hit = findings.find((f) => message.test(f.message));
    expect(hit, describeFindings(findings)).toBeDefined();
    expect(hit!.file).toBe(EN);
    expect(hit!.line).toBeGreaterThan(15);
  });

  it("`accessed` on a reference must be a date", async () => {
    const dir = await course();
    const text = await editFile(
      dir,
      EN,
      replaceOnce('2021."\n', '2021."\n    accessed: last week\n'),
    );
    const findings = await findingsOf(dir);
    const hit = findings.find((f) => f.dataPath === "references[0].accessed");
    expect(hit, describeFindings(findings)).toMatchObject({
      file: EN,
      line: lineOf(text, "accessed: last week"),
    });
  });
});

const GLOSSARY = `terms:
  - id: facilitator
    term: { en: facilitator, zh-CN: 带教老师 }
    definition: { en: The person who runs a session., zh-CN: 组织课堂的人。 }
    provenance: course
    avoid:
      en: [session leader]
      zh-CN: [主持人]
`;

describe("glossary", () => {
  it("warns where a module or the framework uses a wording to avoid, with file, line and column", async () => {
    const dir = await course();
    await writeFile(join(dir, "framework/glossary.yaml"), GLOSSARY);
    const en = await editFile(
      dir,
      EN,
      replaceOnce("Each pair reports", "The Session Leader asks each pair reports"),
    );
    const zh = await editFile(dir, ZH, (t) =>
      t.replace(/\n:::\n/, "\n:::\n\n主持人请每组汇报。\n"),
    );
    const fw = await editFile(dir, FRAMEWORK, (t) =>
      t.replace(/(zh-CN: )([^\n]*)/, "$1由主持人说明：$2"),
    );
    const warnings = (await warningsOf(dir)).filter((w) =>
      /glossary says to avoid/.test(w.message),
    );
    expect(
      warnings.map((w) => `${w.file}:${w.line}:${w.column}`).sort(),
      describeFindings(warnings),
    ).toEqual(
      [
        `${EN}:${lineOf(en, "Session Leader")}:5`,
        `${ZH}:${lineOf(zh, "主持人请")}:1`,
        `${FRAMEWORK}:${lineOf(fw, "由主持人说明")}:${fw.split("\n")[lineOf(fw, "由主持人说明") - 1]!.indexOf("zh-CN") + 8}`,
      ].sort(),
    );
    expect(warnings[0]!.hint).toMatch(/framework\/glossary\.yaml/);
    expect(warnings.find((w) => w.file === ZH)!.hint).toContain("带教老师");
  });

  it("matches Latin wordings as whole words only", async () => {
    const dir = await course();
    await writeFile(
      join(dir, "framework/glossary.yaml"),
      GLOSSARY.replace("[session leader]", "[pair]"),
    );
    const warnings = (await warningsOf(dir)).filter((w) =>
      /glossary says to avoid/.test(w.message),
    );
    // "pairs" (twice in the fixture) is not the word "pair"; "Each pair reports" and "each pair." are.
    const en = await readFile(join(dir, EN), "utf8");
    expect(warnings.map((w) => `${w.file}:${w.line}`)).toEqual([
      `${EN}:${lineOf(en, "Each pair reports")}`,
      `${EN}:${lineOf(en, "from each pair.")}`,
    ]);
  });

  it("reports a broken glossary file with line and path", async () => {
    const dir = await course();
    await writeFile(
      join(dir, "framework/glossary.yaml"),
      GLOSSARY +
        "  - id: facilitator\n    term: { en: x, zh-CN: y }\n    definition: { en: x }\n    provenance: course\n    avoid: { fr: [z] }\n",
    );
    const findings = await findingsOf(dir);
    const lines = describeFindings(findings);
    expect(
      findings.find((f) => f.dataPath === "terms[1].definition" && /zh-CN/.test(f.message)),
      lines,
    ).toMatchObject({ file: "framework/glossary.yaml", line: 11 });
    expect(
      findings.find((f) => f.dataPath.startsWith("terms[1].avoid")),
      lines,
    ).toMatchObject({ line: 13 });
  });

  it("reports a term id used twice at the second one", async () => {
    const dir = await course();
    await writeFile(
      join(dir, "framework/glossary.yaml"),
      GLOSSARY + GLOSSARY.replace("terms:\n", ""),
    );
    const findings = await findingsOf(dir);
    expect(
      findings.find((f) => /Duplicate term id `facilitator`/.test(f.message)),
      describeFindings(findings),
    ).toMatchObject({ file: "framework/glossary.yaml", line: 9, dataPath: "terms[1].id" });
  });

  it("a course without a glossary has no glossary page", async () => {
    const dir = await course();
    const model = await loadCourse(dir, { strict: true });
    expect(model.glossary).toBeUndefined();
    expect(model.pagesByType.glossary).toEqual([]);
  });
});
