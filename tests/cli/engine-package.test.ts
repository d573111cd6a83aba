import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listSiteFiles } from "../helpers/site-files.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";
import { runCli, runCommand, STACK_LINE, type Run } from "../helpers/run-command.ts";
import { ENGINE_VERSION } from "../../src/course/course-format.ts";

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

const ok = (run: Run, what: string) =>
  expect(run.code, `${what} failed:\n${run.stdout}\n${run.stderr}`).toBe(0);

/** Runs a command inside the course folder, as a trainer does there. */
const inCourse = (dir: string, command: string, args: string[]) =>
  runCommand("sh", ["-c", `cd "$1" && shift && exec "$@"`, "sh", dir, command, ...args]);

describe("the engine as a package in a course repository of its own", () => {
  it("npm pack, new-course, npm install --prefer-offline, then validate, build and package there; the site equals the in-repo build", async () => {
    const work = await tempDir("engine-package-");
    made.push(work);
    const packed = await runCommand("npm", ["pack", "--silent", "--pack-destination", work]);
    ok(packed, "npm pack");
    const tarball = join(work, packed.stdout.trim().split("\n").pop()!);
    const course = join(work, "handover");
    ok(await runCli("new-course", course, "--engine", `file:${tarball}`), "new-course");

    const pkg = JSON.parse(await readFile(join(course, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies["onion-course"]).toBe(`file:${tarball}`);
    expect(pkg.scripts.build).toBe("onion-course build");
    const ci = await readFile(join(course, ".github/workflows/course.yml"), "utf8");
    for (const step of [
      "npm run validate",
      "npm run build",
      "npm run package",
      "path: site/",
      "path: dist/",
    ])
      expect(ci).toContain(step);

    ok(
      await inCourse(course, "npm", [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--silent",
      ]),
      "npm install",
    );

    ok(await inCourse(course, "npm", ["run", "-s", "validate"]), "validate");
    ok(await inCourse(course, "npx", ["onion-course", "build", "--no-offline"]), "build");
    ok(await inCourse(course, "npm", ["run", "-s", "package"]), "package");
    const dist = await listSiteFiles(join(course, "dist"));
    expect(dist.filter((f) => f.endsWith("-scorm12.zip")).length).toBeGreaterThan(0);
    expect(dist).toContain("website.zip");

    const inRepo = join(work, "in-repo-site");
    ok(await runCli("build", "--course", course, "--out", inRepo, "--no-offline"), "in-repo build");
    const installed = await listSiteFiles(join(course, "site"));
    expect(installed).toEqual(await listSiteFiles(inRepo));
    const differ: string[] = [];
    for (const file of installed) {
      const [a, b] = await Promise.all([
        readFile(join(course, "site", file)),
        readFile(join(inRepo, file)),
      ]);
      if (!a.equals(b)) differ.push(file);
    }
    expect(differ).toEqual([]);
  }, 600_000);

  it("new-course's package.json asks for the engine version that wrote it", async () => {
    const work = await tempDir("engine-package-");
    made.push(work);
    ok(await runCli("new-course", join(work, "c")), "new-course");
    const pkg = JSON.parse(await readFile(join(work, "c", "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies["onion-course"]).toBe(`^${ENGINE_VERSION}`);
    expect(ENGINE_VERSION).toBe(
      (JSON.parse(await readFile(join(REPO_DIR, "package.json"), "utf8")) as { version: string })
        .version,
    );
    const run = await runCli("validate", "--course", join(work, "c"));
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
