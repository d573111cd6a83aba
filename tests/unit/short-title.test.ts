import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { copyCourse, describeFindings, editFile, findingsOf, lineOf } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

/** The minimal fixture with a `shortTitle` added after its title line. */
async function courseWithShortTitle(en: string, zh: string) {
  const dir = await copyCourse(fixture("minimal"));
  const text = await editFile(dir, "framework/course.yaml", (t) =>
    t.replace(/^(title: .*)$/m, `$1\nshortTitle: { en: "${en}", zh-CN: "${zh}" }`),
  );
  return { dir, line: lineOf(text, "shortTitle:") };
}

describe("shortTitle, the title of the phone header", () => {
  it("is accepted when it fits the header in every language", async () => {
    const { dir } = await courseWithShortTitle("Minimal course", "最小课程");
    const model = await loadCourse(dir, { strict: true });
    expect(model.settings.shortTitle).toEqual({ en: "Minimal course", "zh-CN": "最小课程" });
  });

  it("too long for the header is a warning (an error with --strict) naming file, line, language and what to do", async () => {
    const { dir, line } = await courseWithShortTitle(
      "Minimal course",
      "一门专门为测试而编写的最小规模示例课程名称",
    );
    const findings = await findingsOf(dir);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "framework/course.yaml",
      line,
      dataPath: "shortTitle.zh-CN",
      severity: "error",
    });
    // Without --strict the course still builds: the header cuts the title on phones.
    await expect(loadCourse(dir)).resolves.toBeDefined();
    expect(findings[0]!.message).toContain("`zh-CN` is too long for the phone header");
    expect(findings[0]!.hint).toMatch(/^Shorten it/);
  });
});
