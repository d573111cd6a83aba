import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyCourse, editFile } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";
import { listSiteFiles } from "../helpers/site-files.ts";
import { runCli, STACK_LINE } from "../helpers/run-command.ts";
import { CURRENT_FORMAT, ENGINE_VERSION } from "../../src/course/course-format.ts";

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
async function course(name: string): Promise<string> {
  const dir = await copyCourse(fixture(name));
  made.push(dir);
  return dir;
}

const FILES = [
  "framework/course.yaml",
  "modules/information-literacy/en.md",
  "modules/information-literacy/zh-CN.md",
];
const readAll = (dir: string) => Promise.all(FILES.map((f) => readFile(join(dir, f), "utf8")));

describe("course format and migrate", () => {
  it("a format 1 course gets one finding naming migrate; migrate converts it, keeps comments, and it validates and builds; a second run changes nothing", async () => {
    const dir = await course("format-1");
    const before = await readAll(dir);

    const refused = await runCli("validate", "--course", dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/1 error, 0 warnings/);
    expect(refused.stderr).toMatch(/course format 1; this engine .* reads format 2/);
    expect(refused.stderr).toContain(`\`npm run migrate -- --course ${dir}\``);
    expect(refused.stderr).toContain("`npx onion-course migrate`");

    const migrated = await runCli("migrate", "--course", dir);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain(
      'line 35: materials="Printed case; pens" → materials="printed-case pens"',
    );
    expect(migrated.stdout).toContain('materials="打印的案例; 笔" → materials="printed-case pens"');
    expect(migrated.stdout).toContain("line 29: case platform=douyin → setting=douyin");
    expect(migrated.stdout).toContain(`format: 1 → ${CURRENT_FORMAT}`);

    const after = await readAll(dir);
    const [courseYaml, en, zh] = after;
    expect(courseYaml).toMatch(new RegExp(`^format: ${CURRENT_FORMAT}$`, "m"));
    expect(en).toContain('  - { id: printed-case, name: "Printed case" }');
    expect(zh).toContain('  - { id: printed-case, name: "打印的案例" }');
    expect(zh).toContain('  - { id: pens, name: "笔" }');
    // Every line of the old files is still there but the converted ones: comments included.
    for (const [i, old] of before.entries()) {
      const kept = new Set(after[i]!.split("\n"));
      const lost = old.split("\n").filter((l) => !kept.has(l));
      expect(
        lost.every((l) => /materials=|case platform=/.test(l)),
        lost.join("\n"),
      ).toBe(true);
    }
    expect(en).toContain("# what the session is called in English");
    expect(en).toContain("<!-- the case comes from a real video, anonymised -->");
    expect(courseYaml).toContain("# A course in format 1 (before formats were numbered)");

    const valid = await runCli("validate", "--course", dir, "--strict");
    expect(valid.code, valid.stderr).toBe(0);
    const site = join(dir, "site");
    const built = await runCli(
      "build",
      "--course",
      dir,
      "--out",
      site,
      "--no-offline",
      "--no-search",
    );
    expect(built.code, built.stderr).toBe(0);
    expect(await listSiteFiles(site)).toContain("en/modules/information-literacy/index.html");

    const again = await runCli("migrate", "--course", dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already in course format 2; nothing to change");
    expect(await readAll(dir)).toEqual(after);
  }, 240_000);

  it("keeps CRLF line endings and a byte-order mark", async () => {
    const dir = await course("format-1");
    const file = "modules/information-literacy/en.md";
    await editFile(dir, file, (t) => `\uFEFF${t.replace(/\n/g, "\r\n")}`);
    await editFile(dir, "framework/course.yaml", (t) => t.replace(/\n/g, "\r\n"));
    expect((await runCli("migrate", "--course", dir)).code).toBe(0);
    const text = await readFile(join(dir, file), "utf8");
    expect(text.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const yaml = await readFile(join(dir, "framework/course.yaml"), "utf8");
    expect(yaml.replace(/\r\n/g, "")).not.toContain("\n");
    expect((await runCli("validate", "--course", dir)).code).toBe(0);
  }, 120_000);

  it("a course in a newer format is refused with the engine version its package.json asks for", async () => {
    const dir = await course("module-base");
    await editFile(dir, "framework/course.yaml", (t) => t.replace(/^format: \d+$/m, "format: 99"));
    const bare = await runCli("validate", "--course", dir);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain(
      `course format 99, newer than this engine (onion-course ${ENGINE_VERSION})`,
    );
    expect(bare.stderr).toContain(`needs a newer onion-course than ${ENGINE_VERSION}`);
    await writeFile(
      join(dir, "package.json"),
      JSON.stringify({ dependencies: { "onion-course": "^7.1.0" } }),
    );
    for (const command of ["validate", "build", "migrate"]) {
      const run = await runCli(command, "--course", dir, "--out", join(dir, "site"));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("asks for onion-course ^7.1.0: run `npm install`");
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  }, 120_000);
});
