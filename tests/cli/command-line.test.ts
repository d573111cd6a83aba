import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editFile, fixtureCopies, lineOf, replaceOnce } from "../helpers/courses.ts";
import { tempDir } from "../helpers/paths.ts";
import { runCli, runCommand, type Run } from "../helpers/run-command.ts";

const run = runCommand;
const cli = runCli;

/** A fresh copy of the module-base fixture, removed after this file. */
const course = fixtureCopies();
/** The output folders the builds below write, removed after this file. */
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe("the command line prints findings a trainer can act on", () => {
  it("a misspelt key: exit code 1, file:line:column, data path, message and hint, no stack trace", async () => {
    const dir = await course();
    const text = await editFile(dir, "framework/framework.yaml", (t) =>
      t.replace(/^(\s+)summary:/m, "$1sumary:"),
    );
    const line = lineOf(text, "sumary:");
    const column = text.split("\n")[line - 1]!.indexOf("sumary") + 1;
    const { code, stderr } = await cli("validate", "--course", dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `error framework/framework\\.yaml:${line}:${column} at [\\w.\\[\\]]*sumary\\n  Unknown key \`sumary\`\\n  → Did you mean \`summary\`\\?`,
      ),
    );
    expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it("a YAML syntax error, then (once fixed) a module mistake, each printed at its line", async () => {
    const dir = await course();
    const course_ = await editFile(dir, "framework/course.yaml", (t) => `${t}\nbroken: a: b\n`);
    const en = await editFile(
      dir,
      "modules/information-literacy/en.md",
      replaceOnce("- [x] The one that cites", "- [ ] The one that cites"),
    );
    const { code, stderr } = await cli("validate", "--course", dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `error framework/course\\.yaml:${lineOf(course_, "broken: a: b")}:\\d+\\n  YAML syntax`,
      ),
    );
    // With course.yaml unreadable the modules are not checked; fix it and the module finding appears.
    await editFile(dir, "framework/course.yaml", (t) => t.replace("\nbroken: a: b\n", "\n"));
    const second = await cli("validate", "--course", dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `error modules/information-literacy/en\\.md:${lineOf(en, "::: check")}:\\d+\\n  .*correct`,
      ),
    );
    expect(second.stderr).toMatch(/\d+ errors?, \d+ warnings?\. Nothing was written/);
  });

  it("warnings are printed and the command succeeds; --strict makes them fail", async () => {
    const dir = await course();
    const text = await editFile(
      dir,
      "modules/information-literacy/en.md",
      replaceOnce("Each pair reports", "TODO Each pair reports"),
    );
    const loose = await cli("validate", "--course", dir);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain(
      `warning modules/information-literacy/en.md:${lineOf(text, "TODO Each")}:1`,
    );
    expect(loose.stdout).toMatch(/The course is valid/);
    const strict = await cli("validate", "--strict", "--course", dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      `error modules/information-literacy/en.md:${lineOf(text, "TODO Each")}:1`,
    );
  });
});

/** `npm run build` of a fresh copy of the fixture course into a fresh folder, with `extra` options. */
async function npmBuild(...extra: string[]): Promise<Run & { out: string }> {
  const dir = await course();
  const out = join(await tempDir("cli-build-"), "site");
  made.push(join(out, ".."));
  const result = await run("npm", [
    "run",
    "--silent",
    "build",
    "--",
    "--course",
    dir,
    "--out",
    out,
    ...extra,
  ]);
  return { ...result, out };
}

describe("npm run build, as a user runs it", () => {
  it("builds the site with its search index", async () => {
    const { code, stdout, out } = await npmBuild();
    expect(code).toBe(0);
    expect(stdout).toMatch(/Built \d+ pages in en, zh-CN/);
    expect(await exists(join(out, "en", "index.html"))).toBe(true);
    expect(await exists(join(out, "pagefind", "pagefind-entry.json"))).toBe(true);
    expect((await readdir(join(out, "pagefind", "index"))).length).toBeGreaterThan(0);
  });

  it("--no-search builds the site without a search index", async () => {
    const { code, out } = await npmBuild("--no-search");
    expect(code).toBe(0);
    expect(await exists(join(out, "en", "index.html"))).toBe(true);
    expect(await exists(join(out, "pagefind"))).toBe(false);
  });
});
