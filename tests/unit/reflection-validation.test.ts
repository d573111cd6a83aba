import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { copyCourse, describeFindings, findingsOf } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

const FILE = "framework/reflection.yaml";

/** A small valid prompts file for the minimal fixture, using ids its framework has. */
const VALID = `model:
  id: gibbs
  title: { en: Gibbs' cycle, zh-CN: Gibbs反思循环 }
  summary: { en: Six stages., zh-CN: 六个阶段。 }
  citation: "Gibbs G. Learning by Doing. Oxford: Further Education Unit; 1988."
  stages:
    - id: description
      title: { en: Description, zh-CN: 描述 }
      hint: { en: What happened?, zh-CN: 发生了什么？ }
    - id: feelings
      title: { en: Feelings, zh-CN: 感受 }
      hint: { en: What did you feel?, zh-CN: 你有什么感受？ }
showSupportWith:
  - intrinsic-motivation
prompts:
  - id: first-post
    about: intrinsic-motivation
    stage: description
    modules: [digital-skills]
    provenance: course
    text: { en: Recall your first post., zh-CN: 回想你的第一条科普内容。 }
  - id: first-feelings
    about: patient-privacy
    stage: feelings
    provenance: course
    text: { en: How did it feel?, zh-CN: 当时感觉如何？ }
`;

async function courseWith(prompts: string) {
  const dir = await copyCourse(fixture("minimal"));
  await writeFile(join(dir, FILE), prompts);
  return dir;
}

describe("reflection prompts", () => {
  it("a valid file loads, and its prompts reach the model", async () => {
    const model = await loadCourse(await courseWith(VALID), { strict: false });
    expect(model.reflection?.prompts.map((p) => p.id)).toEqual(["first-post", "first-feelings"]);
    expect(model.pagesByType.reflection).toHaveLength(model.locales.length);
  });

  it.each([
    {
      rule: "unknown stage",
      from: "stage: feelings",
      to: "stage: feeling",
      message: /`feeling` is not a stage of the model `gibbs`/,
      hint: /Did you mean `feelings`/,
    },
    {
      rule: "unknown framework item",
      from: "about: patient-privacy",
      to: "about: patient-privcy",
      message: /`patient-privcy` is not a layer, competency or category/,
      hint: /Did you mean `patient-privacy`/,
    },
    {
      rule: "unknown module",
      from: "modules: [digital-skills]",
      to: "modules: [digital-skill]",
      message: /`digital-skill` is not a module of this course/,
      hint: /Did you mean `digital-skills`/,
    },
    {
      rule: "duplicate prompt id",
      from: "id: first-feelings",
      to: "id: first-post",
      message: /Duplicate prompt id `first-post`/,
      hint: /journal entries are saved under the id/,
    },
    {
      rule: "missing locale text",
      from: "text: { en: How did it feel?, zh-CN: 当时感觉如何？ }",
      to: "text: { en: How did it feel? }",
      message: /The text in locale `zh-CN` is missing/,
      hint: /zh-CN: …/,
    },
    {
      rule: "unknown support item",
      from: "  - intrinsic-motivation\nprompts:",
      to: "  - burnout\nprompts:",
      message: /`burnout` is not a layer, competency or category/,
      hint: /Use one of/,
    },
    {
      rule: "unknown key",
      from: "    provenance: course\n    text: { en: How",
      to: "    provenance: course\n    stge: x\n    text: { en: How",
      message: /Unknown key `stge`/,
      hint: /Did you mean `stage`/,
    },
  ])("$rule", async ({ from, to, message, hint }) => {
    const broken = VALID.replace(from, to);
    expect(broken).not.toBe(VALID);
    const findings = await findingsOf(await courseWith(broken));
    const mine = findings.filter((f) => f.file === FILE);
    expect(mine, describeFindings(findings)).toHaveLength(1);
    expect(mine[0]!.message).toMatch(message);
    expect(mine[0]!.hint).toMatch(hint);
    // The finding points at the changed line.
    const before = VALID.split("\n");
    const expected = broken.split("\n").findIndex((line, i) => line !== before[i]) + 1;
    expect(mine[0]!.line).toBe(expected);
  });

  it("warns when the course has prompts but no `support` setting, and strict mode makes it an error", async () => {
    // The minimal fixture has no `support:` setting.
    const dir = await courseWith(VALID);
    expect(await readFile(join(dir, "framework/course.yaml"), "utf8")).not.toMatch(/^support:/m);
    const model = await loadCourse(dir, { strict: false });
    expect(model.warnings.map((w) => w.message)).toContain(
      "The course has reflection prompts but no `support` setting",
    );
    const findings = await findingsOf(dir, true);
    expect(findings.find((f) => f.dataPath === "support")?.severity).toBe("error");
  });
});
