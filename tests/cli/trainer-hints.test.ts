import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { editFile, fixtureCopies, replaceOnce } from "../helpers/courses.ts";
import { runCli, STACK_LINE } from "../helpers/run-command.ts";

/** A fresh copy of the module-base fixture, removed after this file. */
const course = fixtureCopies();

/** The course with French added to its languages (French is not an engine language). */
async function withFrench(dir: string): Promise<void> {
  await editFile(dir, "framework/course.yaml", replaceOnce("  - zh-CN\n", "  - zh-CN\n  - fr\n"));
}

/** The commands that a printed text tells the trainer to run. */
const commandsIn = (text: string) => [...text.matchAll(/`(npm run [^`]+)`/g)].map((m) => m[1]!);

describe("what a trainer reads from the command line (issue 33, item 6)", () => {
  it("new-locale writes a valid text direction, with a comment naming the other one", async () => {
    const dir = await course();
    const { code } = await runCli("new-locale", "fr", "--course", dir);
    expect(code).toBe(0);
    const text = await readFile(join(dir, "i18n", "fr.yaml"), "utf8");
    expect(text).not.toMatch(/direction: TODO/);
    expect(text).toMatch(/^ {2}direction: ltr # .*rtl/m);
    expect((parse(text) as { meta: { direction: string } }).meta.direction).toBe("ltr");
  });

  it("validate, which writes nothing, does not speak of a previous site; build does, naming its folder", async () => {
    const dir = await course();
    await editFile(dir, "framework/framework.yaml", (t) =>
      t.replace(/^(\s+)summary:/m, "$1sumary:"),
    );
    const validated = await runCli("validate", "--course", dir);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toMatch(/\d+ errors?, \d+ warnings?\. Nothing was written\.\n/);
    expect(validated.stderr).not.toMatch(/site\/|unchanged/);
    const out = join(dir, "..", "never-built");
    const built = await runCli("build", "--course", dir, "--out", out);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(`Nothing was written; the previous ${out}/ is unchanged.`);
  });

  it("a hint for a course in another folder names that course, and following it changes that course", async () => {
    const dir = await course();
    await withFrench(dir);
    const { code, stderr } = await runCli("validate", "--course", dir);
    expect(code).toBe(1);
    const commands = commandsIn(stderr);
    expect(commands).toContain(`npm run new-locale -- fr --course ${dir}`);
    for (const command of commands) expect(command).toContain(`--course ${dir}`);
    // Following the hint, word for word, writes the file into the course the hint was about.
    const hint = commands.find((c) => c.startsWith("npm run new-locale"))!;
    const followed = await runCli(
      ...hint
        .split(" ")
        .slice(2)
        .filter((a) => a !== "--"),
    );
    expect(followed.code).toBe(0);
    await expect(readFile(join(dir, "i18n", "fr.yaml"), "utf8")).resolves.toContain("meta:");
  });

  it("a hint for the course in the current folder stays as it was (no --course)", async () => {
    const { stderr } = await runCli("new-locale");
    expect(stderr).toContain("`npm run new-locale -- fr`");
    expect(stderr).not.toContain("--course");
    expect(stderr).not.toMatch(STACK_LINE);
  });
});

describe("npm run new-locale -- <code> --check", () => {
  it("lists the texts still to translate by page type, and the keys no page uses; writes nothing", async () => {
    const dir = await course();
    await withFrench(dir);
    await runCli("new-locale", "fr", "--course", dir);
    // Translate everything but the search page's button; add a misspelt key.
    await editFile(dir, "i18n/fr.yaml", (t) =>
      t
        .replace(/: (["']?)TODO /g, ": $1")
        .replace(/^(search:\n(?: {2}.*\n)*? {2}submit: )/m, "$1TODO ")
        .replace(/^search:\n/m, "search:\n  submitt: Chercher\n"),
    );
    const before = await readFile(join(dir, "i18n", "fr.yaml"), "utf8");
    const { code, stdout, stderr } = await runCli("new-locale", "fr", "--check", "--course", dir);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /Interface text in `fr`: \d+ of \d+ keys translated, 1 to translate, 1 unused\./,
    );
    expect(stdout).toMatch(/^ {2}search \(1\): search\.submit$/m);
    expect(stdout).toMatch(/Unused: .*search\.submitt/);
    expect(await readFile(join(dir, "i18n", "fr.yaml"), "utf8")).toBe(before);
  });

  it("an engine language needs nothing: exit code 0", async () => {
    const dir = await course();
    const { code, stdout } = await runCli("new-locale", "zh-CN", "--check", "--course", dir);
    expect(stdout).toMatch(/`zh-CN`: \d+ of \d+ keys translated, 0 to translate, 0 unused\./);
    expect(code).toBe(0);
  });

  it("a language with no text at all is told how to start", async () => {
    const dir = await course();
    const { code, stderr } = await runCli("new-locale", "es", "--check", "--course", dir);
    expect(code).toBe(1);
    expect(stderr).toContain(`\`npm run new-locale -- es --course ${dir}\``);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});
