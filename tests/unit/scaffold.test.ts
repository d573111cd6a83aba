import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { scaffoldModule } from "../../src/modules/scaffold.ts";
import { copyCourse, editFile, findingsOf, replaceOnce } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

/** The minimal fixture with `information-literacy` made trainable (it has no module yet). */
async function courseNeedingModule() {
  const dir = await copyCourse(fixture("minimal"));
  await editFile(dir, "framework/course.yaml", (text) =>
    text.replace(/^programme:\n(?: {2}- .*\n)+/m, ""),
  );
  await editFile(dir, "framework/framework.yaml", (text) => {
    const at = text.indexOf("- id: information-literacy");
    return text.slice(0, at) + replaceOnce("trainable: false", "trainable: true")(text.slice(at));
  });
  return dir;
}

describe("new-module scaffold", () => {
  it("writes every locale; the result is valid apart from its placeholders", async () => {
    const dir = await courseNeedingModule();
    await expect(findingsOf(dir, false)).resolves.toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: expect.stringMatching(/no module in `en`/) }),
      ]),
    );
    const written = await scaffoldModule(dir, "information-literacy");
    expect(written).toEqual([
      "modules/information-literacy/en.md",
      "modules/information-literacy/zh-CN.md",
    ]);
    const zh = await readFile(join(dir, written[1]!), "utf8");
    expect(zh).toContain("TODO");
    expect(zh).toMatch(/[\u4e00-\u9fff]/);

    const model = await loadCourse(dir, { strict: false });
    expect(model.modules.map((m) => m.competencyId)).toContain("information-literacy");
    expect(model.warnings.length).toBeGreaterThan(0);
    expect(model.warnings.every((w) => w.message === "Unfinished placeholder (TODO)")).toBe(true);

    const strict = await findingsOf(dir, true);
    expect(
      strict.every((f) => f.severity === "error" && f.message === "Unfinished placeholder (TODO)"),
    ).toBe(true);
  });

  it.each([
    [
      undefined,
      /Name the competency: `npm run new-module -- <competency-id>`\. Trainable competencies: digital-skills/,
    ],
    [
      "informaton-literacy",
      /not a competency of framework\/framework\.yaml\. Did you mean `information-literacy`\?/,
    ],
    ["information-literacy", /is not trainable\. Set `trainable: true`/],
    ["digital-skills", /already has a file for every locale; nothing was changed/],
  ])("refuses %s with a clear message", async (id, message) => {
    await expect(scaffoldModule(await copyCourse(fixture("minimal")), id)).rejects.toThrow(message);
  });
});
