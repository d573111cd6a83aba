// `npm run package --site <dir>` packs the course that <dir> was built from, whatever course sits in
// the current folder: the build records its course (id, LMS settings, modules) in the site.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COURSE_RECORD_FILE } from "../../src/export/scorm/course-record.ts";
import { packageCourse } from "../../src/export/package-course.ts";
import type { PackageInfo } from "../../src/export/scorm/package-scorm.ts";
import { buildInTemp } from "../helpers/build.ts";
import { copyCourse, editFile } from "../helpers/courses.ts";
import { fixture, REPO_DIR, tempDir } from "../helpers/paths.ts";

const cleanup: string[] = [];
let site: string;
let infos: PackageInfo[];
let dist: string;

beforeAll(async () => {
  const other = await copyCourse(fixture("module-base"));
  cleanup.push(other);
  await editFile(
    other,
    "framework/course.yaml",
    (t) => `${t}\nlms:\n  completion: passed\n  masteryScore: 70\n`,
  );
  const built = await buildInTemp(other);
  site = built.out;
  cleanup.push(join(site, ".."));
  dist = join(await tempDir("scorm-record-dist-"), "dist");
  cleanup.push(join(dist, ".."));
  // The current folder's course (REPO_DIR) is another course with other modules and settings.
  infos = await packageCourse({ courseDir: REPO_DIR, siteDir: site, outDir: dist, log: () => {} });
});
afterAll(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

describe("npm run package --site <dir>", () => {
  it("packs the modules and LMS settings of the course the site was built from", async () => {
    expect(infos.map((i) => i.file).sort()).toEqual(
      [
        "course-scorm12.zip",
        "course-scorm2004.zip",
        "information-literacy-scorm12.zip",
        "information-literacy-scorm2004.zip",
      ].sort(),
    );
    const zip = unzipSync(await readFile(join(dist, "information-literacy-scorm12.zip")));
    expect(strFromU8(zip["imsmanifest.xml"]!)).toContain(
      "<adlcp:masteryscore>70</adlcp:masteryscore>",
    );
    const settings = Object.entries(zip)
      .filter(([name]) => name.endsWith("/index.html"))
      .map(([, data]) => /id="lms-settings">([^<]*)</.exec(strFromU8(data))?.[1])
      .filter((json): json is string => json !== undefined)
      .map((json) => JSON.parse(json) as { completion: string; masteryScore: number });
    expect(settings.length).toBeGreaterThan(0);
    for (const s of settings) expect(s).toMatchObject({ completion: "passed", masteryScore: 70 });
  });

  it("a site built by an older version (no course record) gets a message naming the command to run", async () => {
    const old = await copyCourse(site);
    cleanup.push(old);
    await rm(join(old, COURSE_RECORD_FILE));
    const attempt = packageCourse({
      courseDir: REPO_DIR,
      siteDir: old,
      outDir: join(await tempDir("scorm-old-"), "dist"),
      log: () => {},
    });
    await expect(attempt).rejects.toThrow(/built by an older version.*`npm run build`/s);
  });
});
