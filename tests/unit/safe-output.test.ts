import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  assertPreviousOutput,
  assertSafeOutputTarget,
  createStaging,
  OUTPUT_MARKER,
  replaceOutput,
} from "../../src/output/safe-output.ts";
import { CourseError } from "../../src/errors.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";

/** A throwaway course folder (the checks only look at paths) and a folder beside it. */
async function setup() {
  const root = await tempDir("safe-output-");
  const course = join(root, "course");
  await mkdir(join(course, "framework"), { recursive: true });
  await mkdir(join(course, "modules"), { recursive: true });
  return { root, course };
}

function refusal(target: string, courseDir: string): string {
  try {
    assertSafeOutputTarget(target, { courseDir });
  } catch (error) {
    expect(error).toBeInstanceOf(CourseError);
    return (error as Error).message;
  }
  throw new Error(`Expected ${target} to be refused`);
}

describe("output folders that are refused before anything is written", () => {
  it("refuses the course folder and any folder that contains it", async () => {
    const { root, course } = await setup();
    expect(refusal(course, course)).toMatch(/it is the course folder/);
    expect(refusal(root, course)).toMatch(/it contains the course folder/);
  });

  it("refuses the project, the current folder, the home folder and /", async () => {
    const { course } = await setup();
    expect(refusal(REPO_DIR, course)).toMatch(/project folder|current folder/);
    expect(refusal(process.cwd(), course)).toMatch(/is (the current folder|the onion-course)/);
    expect(refusal(".", course)).toMatch(/Refusing to write the output into \.:/);
    expect(refusal(homedir(), course)).toMatch(/home folder|contains/);
    expect(refusal("/", course)).toMatch(/root of the file system|contains/);
  });

  it("refuses a folder inside the course's framework/ or modules/", async () => {
    const { course } = await setup();
    expect(refusal(join(course, "modules", "site"), course)).toMatch(
      /inside the course's modules\//,
    );
    expect(refusal(join(course, "framework"), course)).toMatch(/course's framework\//);
  });

  it("refuses a folder with someone's file in it, and a file", async () => {
    const { root, course } = await setup();
    const notes = join(root, "notes");
    await mkdir(notes);
    await writeFile(join(notes, "minutes.txt"), "keep me");
    expect(refusal(notes, course)).toMatch(
      /not empty and is not a previous output.*\.onion-course-output/,
    );
    expect(refusal(join(notes, "minutes.txt"), course)).toMatch(/it is a file/);
    expect(await readFile(join(notes, "minutes.txt"), "utf8")).toBe("keep me");
  });

  it("refuses a symbolic link that points at the course folder", async () => {
    const { root, course } = await setup();
    const link = join(root, "looks-harmless");
    await symlink(course, link);
    expect(refusal(link, course)).toMatch(/is the course folder/);
  });

  it("accepts a missing folder under missing parents, an empty folder and a previous output", async () => {
    const { root, course } = await setup();
    expect(() =>
      assertSafeOutputTarget(join(root, "a", "b", "site"), { courseDir: course }),
    ).not.toThrow();
    await mkdir(join(root, "empty"));
    expect(() => assertSafeOutputTarget(join(root, "empty"), { courseDir: course })).not.toThrow();
    await mkdir(join(root, "old"));
    await writeFile(join(root, "old", OUTPUT_MARKER), "");
    await writeFile(join(root, "old", "index.html"), "old");
    expect(() => assertSafeOutputTarget(join(root, "old"), { courseDir: course })).not.toThrow();
    expect(() => assertSafeOutputTarget(join(course, "site"), { courseDir: course })).not.toThrow();
  });

  it("accepts a site built before the marker existed, but not the same with a file of someone's", async () => {
    const { root, course } = await setup();
    const old = join(root, "site");
    await mkdir(join(old, "assets"), { recursive: true });
    await mkdir(join(old, "en"));
    await writeFile(join(old, "index.html"), "");
    await writeFile(join(old, "assets", "site.css"), "");
    expect(() => assertSafeOutputTarget(old, { courseDir: course })).not.toThrow();
    await writeFile(join(old, "notes.txt"), "mine");
    expect(refusal(old, course)).toMatch(/not a previous output/);
  });
});

describe("replacing an output folder", () => {
  it("creates missing parents and writes the marker", async () => {
    const { root } = await setup();
    const target = join(root, "deep", "er", "site");
    const staging = await createStaging(target);
    await writeFile(join(staging, "index.html"), "new");
    await replaceOutput(staging, target);
    expect((await readdir(target)).sort()).toEqual([OUTPUT_MARKER, "index.html"]);
    expect(await readdir(join(root, "deep", "er"))).toEqual(["site"]);
  });

  it("replaces a previous output completely", async () => {
    const { root } = await setup();
    const target = join(root, "site");
    await mkdir(target);
    await writeFile(join(target, OUTPUT_MARKER), "");
    await writeFile(join(target, "stale.html"), "old");
    const staging = await createStaging(target);
    await writeFile(join(staging, "index.html"), "new");
    await replaceOutput(staging, target);
    expect((await readdir(target)).sort()).toEqual([OUTPUT_MARKER, "index.html"]);
    expect(await readdir(root)).toEqual(["course", "site"]);
  });

  it("still refuses a foreign folder that appeared after the check, leaving it unchanged", async () => {
    const { root } = await setup();
    const target = join(root, "site");
    const staging = await createStaging(target);
    await mkdir(target);
    await writeFile(join(target, "report.docx"), "mine");
    await expect(replaceOutput(staging, target)).rejects.toThrow(/Refusing to replace/);
    expect(await readdir(target)).toEqual(["report.docx"]);
  });

  it("turns a staging folder that cannot be created into a clear message", async () => {
    const { root } = await setup();
    await writeFile(join(root, "a-file"), "");
    await expect(createStaging(join(root, "a-file", "site"))).rejects.toThrow(
      /Could not create the folder .*a-file: part of that path is a file, not a folder/,
    );
  });

  it("lets pdf write only into a previous output", async () => {
    const { root } = await setup();
    await mkdir(join(root, "plain"));
    await writeFile(join(root, "plain", "index.html"), "");
    expect(() => assertPreviousOutput(join(root, "plain"))).toThrow(
      /not a site built by this tool/,
    );
  });
});
