import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { pageRuns, renderSite } from "../../src/build/build-site.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("a large course is rendered in several Eleventy runs", () => {
  it("splits the pages into runs of at most the given size, each page once", async () => {
    const model = await loadCourse(join(REPO_DIR, "examples/breaking-bad-news"));
    const all = Object.values(model.pagesByType).flat();
    const runs = pageRuns(model.pagesByType, 7);
    expect(runs.length).toBe(Math.ceil(all.length / 7));
    for (const run of runs) expect(Object.values(run).flat().length).toBeLessThanOrEqual(7);
    expect(runs.flatMap((run) => Object.values(run).flat())).toEqual(expect.arrayContaining(all));
    expect(runs.flatMap((run) => Object.values(run).flat()).length).toBe(all.length);
  });

  it("writes the same files, byte for byte, in several runs as in one", async () => {
    const model = await loadCourse(join(REPO_DIR, "examples/breaking-bad-news"));
    const one = await tempDir("render-one-");
    const several = await tempDir("render-several-");
    const written = await renderSite(model, one);
    expect(await renderSite(model, several, true, 7)).toBe(written);
    const names = await files(one);
    expect(await files(several)).toEqual(names);
    for (const name of names)
      expect(await readFile(join(several, name)), name).toEqual(await readFile(join(one, name)));
  });
});
