import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { OUTPUT_MARKER } from "../../src/output/safe-output.ts";
import { copyCourse } from "../helpers/courses.ts";
import { fixture, REPO_DIR, tempDir } from "../helpers/paths.ts";
import { runCli, STACK_LINE } from "../helpers/run-command.ts";

/** `npm run package`'s command, run as a process from the project folder as a user runs it. */
const packageCli = (...args: string[]) => runCli("package", ...args);
const ZIPS = [
  "course-scorm12.zip",
  "course-scorm2004.zip",
  "information-literacy-scorm12.zip",
  "information-literacy-scorm2004.zip",
  // The whole website, for USB sticks and intranet copies.
  "website.zip",
];

let root: string;
let course: string;
let site: string;

/** Every file under `dir` with its bytes, to show a refused command changed nothing. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path, (await readFile(path)).toString("base64"));
    }
  return files;
}

beforeAll(async () => {
  root = await tempDir("cli-package-");
  course = await copyCourse(fixture("module-base"));
  site = join(root, "site");
  await buildSite({ courseDir: course, outputDir: site, strict: true, search: false });
}, 120_000);
afterAll(() => Promise.all([root, course].map((d) => rm(d, { recursive: true, force: true }))));

describe("npm run package writes its zips only where it may", () => {
  it("creates missing parent folders and marks the folder as its output", async () => {
    const out = join(root, "new", "parents", "dist");
    const { code, stdout, stderr } = await packageCli(
      "--course",
      course,
      "--site",
      site,
      "--out",
      out,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Wrote 4 packages/);
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, ...ZIPS].sort());
    // No staging folder is left beside it.
    expect(await readdir(join(root, "new", "parents"))).toEqual(["dist"]);
  });

  it("replaces a previous output of its own, and fills an empty folder", async () => {
    const previous = join(root, "previous");
    await mkdir(previous);
    await writeFile(join(previous, OUTPUT_MARKER), "");
    await writeFile(join(previous, "old-module-scorm12.zip"), "old");
    const empty = join(root, "empty");
    await mkdir(empty);
    for (const out of [previous, empty]) {
      const { code, stderr } = await packageCli("--course", course, "--site", site, "--out", out);
      expect(stderr, out).toBe("");
      expect(code, out).toBe(0);
      expect((await readdir(out)).sort(), out).toEqual([OUTPUT_MARKER, ...ZIPS].sort());
    }
  });

  it("refuses a folder with a file of someone's in it, and changes nothing", async () => {
    const notes = join(root, "notes");
    await mkdir(notes);
    await writeFile(join(notes, "minutes.txt"), "my notes");
    const before = await snapshot(notes);
    const { code, stderr } = await packageCli("--course", course, "--site", site, "--out", notes);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Refusing to replace .*notes: the folder is not empty/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(await snapshot(notes)).toEqual(before);
  });

  it("refuses the course folder, the project, the current folder and its src/, and changes nothing", async () => {
    const before = await snapshot(course);
    for (const [out, reason] of [
      [course, /it is the course folder/],
      [".", /it is (the current folder|the onion-course project folder)/],
      [join(REPO_DIR, "src"), /Refusing to replace .*src: the folder is not empty/],
    ] as const) {
      const { code, stderr } = await packageCli("--course", course, "--site", site, "--out", out);
      expect(code, out).toBe(1);
      expect(stderr, out).toMatch(reason);
      expect(stderr, out).not.toMatch(STACK_LINE);
    }
    expect(await snapshot(course)).toEqual(before);
    expect(existsSync(join(REPO_DIR, "src", "cli", "main.ts"))).toBe(true);
    expect(existsSync(join(REPO_DIR, "package.json"))).toBe(true);
  });

  it("refuses the built site it reads, and a folder inside it", async () => {
    const before = await snapshot(site);
    for (const out of [site, join(site, "dist")]) {
      const { code, stderr } = await packageCli("--course", course, "--site", site, "--out", out);
      expect(code, out).toBe(1);
      expect(stderr, out).toMatch(/the built site .* that they are made from/);
    }
    expect(await snapshot(site)).toEqual(before);
  });
});
