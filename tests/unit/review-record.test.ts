import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CourseError } from "../../src/errors.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { addMonths, recordReview, withReview } from "../../src/modules/record-review.ts";
import { contentFingerprint } from "../../src/modules/review-fingerprint.ts";
import { describeFindings, editFile, fixtureCopies, replaceOnce } from "../helpers/courses.ts";
import { runCli, STACK_LINE } from "../helpers/run-command.ts";

const ID = "information-literacy";
const EN = `modules/${ID}/en.md`;
const ZH = `modules/${ID}/zh-CN.md`;
const TODAY = "2026-12-03";
/** A fresh copy of the module-base fixture, removed after this file. */
const course = fixtureCopies();

/** Every file of a folder with a hash of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const f of files.filter((e) => e.isFile())) {
    const path = join(f.parentPath, f.name);
    out.set(
      relative(dir, path),
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex"),
    );
  }
  return out;
}

const changedFiles = (before: Map<string, string>, after: Map<string, string>) =>
  [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));

const reviewFindings = async (dir: string) => {
  const model = await loadCourse(dir);
  return [...model.warnings, ...model.notes].filter((f) => f.dataPath.startsWith("review"));
};

describe("npm run review and the change it notices", () => {
  it("a module edited after its review warns, naming module, locale and command; recording again clears it", async () => {
    const dir = await course();
    await recordReview(dir, { moduleId: ID, by: "Medical affairs office", today: TODAY });
    expect(await reviewFindings(dir)).toEqual([]);
    await loadCourse(dir, { strict: true });

    await editFile(dir, ZH, replaceOnce("- 看清是谁在说话。", "- 先看清是谁在说话。"));
    const [warning, ...rest] = await reviewFindings(dir);
    expect(rest, describeFindings(rest)).toEqual([]);
    expect(warning).toMatchObject({
      file: ZH,
      dataPath: "review.fingerprint",
      severity: "warning",
    });
    expect(warning!.message).toMatch(
      /`information-literacy` \(zh-CN\) has changed since its review on 2026-12-03 by Medical affairs office/,
    );
    expect(warning!.hint).toContain(
      'npm run review -- information-literacy --locale zh-CN --by "<name or role>"',
    );

    await recordReview(dir, { moduleId: ID, by: "Medical affairs office", locale: "zh-CN" });
    expect(await reviewFindings(dir)).toEqual([]);
  });

  it("a change in the front matter's data counts; a comment or CRLF line endings do not", async () => {
    const dir = await course();
    const text = await readFile(join(dir, EN), "utf8");
    const before = contentFingerprint(text);
    expect(contentFingerprint(text.replace(/\n/g, "\r\n"))).toBe(before);
    expect(contentFingerprint(text.replace("\n---\n", "\n# a comment\n---\n"))).toBe(before);
    expect(contentFingerprint(text.replace("duration: ", "duration: 1"))).not.toBe(before);
  });

  it("writes only the review record of the named module's files, every other byte as it was", async () => {
    const dir = await course();
    // An existing review with a comment after it, CRLF line endings and a byte-order mark.
    const original = `\uFEFF${(await readFile(join(dir, EN), "utf8"))
      .replace(
        /\n---\n/,
        '\nreview:\n  by: Content team # who\n  on: "2026-01-10"\n  next: "2026-04-10"\n# kept\n---\n',
      )
      .replace(/\n/g, "\r\n")}`;
    await writeFile(join(dir, EN), original);
    const before = await snapshot(dir);
    const [recorded] = await recordReview(dir, {
      moduleId: ID,
      by: "Dr Li, pharmacy",
      locale: "en",
      today: TODAY,
    });
    expect(changedFiles(before, await snapshot(dir))).toEqual([EN]);
    const after = await readFile(join(dir, EN), "utf8");
    const block = `review:\r\n  by: "Dr Li, pharmacy"\r\n  on: "${TODAY}"\r\n  next: "2027-03-03"\r\n  fingerprint: ${recorded!.fingerprint}`;
    expect(after).toBe(
      original.replace(
        'review:\r\n  by: Content team # who\r\n  on: "2026-01-10"\r\n  next: "2026-04-10"',
        block,
      ),
    );
    expect(recorded).toMatchObject({ file: EN, on: TODAY, next: "2027-03-03" });
  });

  it("adds a review record at the end of front matter that has none, in every locale", async () => {
    const dir = await course();
    const before = await snapshot(dir);
    const original = await readFile(join(dir, EN), "utf8");
    await recordReview(dir, { moduleId: ID, by: "Ward sister", today: TODAY });
    expect(changedFiles(before, await snapshot(dir)).sort()).toEqual([EN, ZH]);
    const after = await readFile(join(dir, EN), "utf8");
    expect(after).toBe(
      original.replace(
        /\n---\n/,
        `\nreview:\n  by: "Ward sister"\n  on: "${TODAY}"\n  next: "2027-06-03"\n  fingerprint: ${contentFingerprint(original)}\n---\n`,
      ),
    );
  });

  it.each([
    [
      { moduleId: "informaton-literacy" },
      /`informaton-literacy` is not a module of this course\. Did you mean `information-literacy`\?/,
    ],
    [{ moduleId: undefined }, /Name the module to record a review of/],
    [{ locale: "fr" }, /`fr` is not a locale of this course\. .*Its locales are: en, zh-CN/],
    [{ by: "  " }, /Say who reviewed the module: add --by/],
    [{ by: "A\nB" }, /one line/],
  ])("refuses %j with a clear message and writes nothing", async (change, message) => {
    const dir = await course();
    const before = await snapshot(dir);
    const request = { moduleId: ID, by: "Medical affairs office", ...change };
    const error = await recordReview(dir, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourseError);
    expect((error as Error).message).toMatch(message);
    expect(changedFiles(before, await snapshot(dir))).toEqual([]);
  });

  it("from the command line: a bad module id is one clear message, no stack trace, exit code 1", async () => {
    const dir = await course();
    const run = await runCli("review", "no-such-module", "--by", "x", "--course", dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/`no-such-module` is not a module of this course/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("a review without a fingerprint is a note with the command (strict validation passes)", async () => {
    const dir = await course();
    await editFile(
      dir,
      EN,
      replaceOnce(
        "\n---\n",
        '\nreview:\n  by: Education department\n  on: "2026-12-01"\n  next: "2999-06-01"\n---\n',
      ),
    );
    const [note] = await reviewFindings(dir);
    expect(note).toMatchObject({ file: EN, severity: "note", dataPath: "review" });
    expect(note!.message).toMatch(/records no fingerprint/);
    expect(note!.hint).toContain("npm run review -- information-literacy --locale en");
    await loadCourse(dir, { strict: true });
  });

  it("where course.yaml names the authoring team, a review by it is a warning and the command refuses it", async () => {
    const dir = await course();
    await recordReview(dir, {
      moduleId: ID,
      by: "Course content team (legal check)",
      today: TODAY,
    });
    await editFile(
      dir,
      "framework/course.yaml",
      (t) => `${t}\nreview:\n  authoringTeam: [Course Content Team, 课程内容组]\n`,
    );
    const warnings = await reviewFindings(dir);
    expect(warnings.map((w) => `${w.file} ${w.dataPath} ${w.severity}`)).toEqual([
      `${EN} review.by warning`,
      `${ZH} review.by warning`,
    ]);
    expect(warnings[0]!.message).toMatch(/this course asks for reviews from outside it/);
    const before = await snapshot(dir);
    await expect(recordReview(dir, { moduleId: ID, by: "课程内容组" })).rejects.toThrow(
      /is the authoring team/,
    );
    expect(changedFiles(before, await snapshot(dir))).toEqual([]);
    await recordReview(dir, { moduleId: ID, by: "医务处" });
    expect(await reviewFindings(dir)).toEqual([]);
  });

  it("sets the next review the same number of months ahead as before (6 without a previous one)", () => {
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-12-03", 6)).toBe("2027-06-03");
    const text =
      '---\ncompetency: x\nreview: { by: a, on: "2026-01-01", next: "2027-01-01" }\n---\nBody\n';
    const { text: updated, recorded } = withReview(text, "m.md", "b", TODAY);
    expect(recorded.next).toBe("2027-12-03");
    expect(updated).toMatch(/^---\ncompetency: x\nreview:\n {2}by: "b"\n/);
    expect(updated.endsWith("\n---\nBody\n")).toBe(true);
  });
});
