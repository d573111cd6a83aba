import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CourseError } from "../../src/errors.ts";
import { OUTPUT_MARKER } from "../../src/output/safe-output.ts";
import { listReferences } from "../../src/export/scorm/package-page.ts";
import { packageCourse } from "../../src/export/package-course.ts";
import type { PackageInfo } from "../../src/export/scorm/package-scorm.ts";
import { WEBSITE_ZIP } from "../../src/export/website-zip.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";
import { validateManifest } from "../helpers/scorm-schemas.ts";

let model: CourseModel;
let site: string;
let dist: string;
let infos: PackageInfo[];
const logged: string[] = [];
const cleanup: string[] = [];

beforeAll(async () => {
  // With the service worker, so the packages can be checked to leave it (and the manifest) out.
  ({ model, out: site } = await sharedBuild("default-offline"));
  dist = join(await tempDir("scorm-dist-"), "dist");
  cleanup.push(join(dist, ".."));
  infos = await packageCourse({
    courseDir: REPO_DIR,
    siteDir: site,
    outDir: dist,
    log: (line) => logged.push(line),
  });
});
afterAll(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

function unzip(file: string): Promise<Record<string, Uint8Array>> {
  return readFile(join(dist, file)).then((bytes) => unzipSync(bytes));
}

/** The `href`s of every <file> and the launch page of every SCO in a manifest. */
function manifestFiles(xml: string): { files: string[]; launches: string[] } {
  const files = [...xml.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURI(m[1]!));
  const launches = [...xml.matchAll(/<resource [^>]*scorm[tT]ype="sco" href="([^"]+)"/g)].map((m) =>
    decodeURI(m[1]!),
  );
  return { files, launches };
}

describe("npm run package", () => {
  it("writes a 1.2 and a 2004 package per module and for the whole course, logging each", async () => {
    const ids = model.modules.map((m) => m.competencyId);
    const expected = ["scorm12", "scorm2004"].flatMap((v) => [
      ...ids.map((id) => `${id}-${v}.zip`),
      `course-${v}.zip`,
    ]);
    expect((await readdir(dist)).sort()).toEqual([OUTPUT_MARKER, WEBSITE_ZIP, ...expected].sort());
    expect(infos.map((i) => i.file).sort()).toEqual(expected.sort());
    for (const info of infos) {
      const line = logged.find((l) => l.includes(info.file));
      expect(line, info.file).toMatch(/\d+\.\d (KB|MB)$/);
    }
    expect(logged.filter((l) => /^Wrote 10 packages \(\d+\.\d (KB|MB)\)/.test(l))).toHaveLength(1);
    expect(logged.find((l) => l.includes(WEBSITE_ZIP))).toMatch(/whole website +\d+\.\d (KB|MB)$/);
  });

  it.each(["scorm12", "scorm2004"])(
    "%s: every manifest is valid against the ADL schemas, with default-locale titles",
    async (suffix) => {
      const version = suffix === "scorm12" ? "1.2" : "2004";
      for (const info of infos.filter((i) => i.file.endsWith(`-${suffix}.zip`))) {
        const xml = strFromU8((await unzip(info.file))["imsmanifest.xml"]!);
        expect(await validateManifest(xml, version), info.file).toEqual([]);
        const titles = [...xml.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1]);
        for (const id of info.modules) {
          const title = model.modules.find((m) => m.competencyId === id)!.versions.en!.title;
          expect(titles).toContain(title.replace(/&/g, "&amp;").replace(/'/g, "&apos;"));
        }
      }
    },
  );

  it("a manifest with a mistake fails the schema check (the check can fail)", async () => {
    const xml = strFromU8((await unzip("course-scorm2004.zip"))["imsmanifest.xml"]!);
    expect(
      await validateManifest(xml.replace('scormType="sco"', 'scormType="page"'), "2004"),
    ).not.toEqual([]);
    const xml12 = strFromU8((await unzip("course-scorm12.zip"))["imsmanifest.xml"]!);
    expect(
      await validateManifest(
        xml12
          .replace("<organizations", "<organisations")
          .replace("</organizations", "</organisations"),
        "1.2",
      ),
    ).not.toEqual([]);
  });

  it("zips hold the manifest at the root, every listed file, nothing unlisted, no reference outside", async () => {
    for (const info of infos) {
      const zip = await unzip(info.file);
      const names = Object.keys(zip).filter((n) => !n.endsWith("/"));
      expect(names, info.file).toContain("imsmanifest.xml");
      const { files, launches } = manifestFiles(strFromU8(zip["imsmanifest.xml"]!));
      expect(
        files.filter((f) => !zip[f]),
        info.file,
      ).toEqual([]);
      expect(
        names.filter((n) => n !== "imsmanifest.xml" && !files.includes(n)).sort(),
        info.file,
      ).toEqual([]);
      // Each SCO launches its launch page, which holds the LMS session and frames the module page.
      expect(launches, info.file).toEqual(info.modules.map((id) => `launch/${id}.html`));
      for (const id of info.modules) {
        const launch = strFromU8(zip[`launch/${id}.html`]!);
        expect(launch, info.file).toContain(`src="../en/modules/${id}/index.html"`);
        expect(launch).toContain('<script src="../assets/scorm-launch.js"></script>');
      }
      // With completion `checks` (this course) no manifest carries a mastery score.
      expect(strFromU8(zip["imsmanifest.xml"]!), info.file).not.toContain("masteryscore");
      for (const page of names.filter((n) => n.endsWith(".html"))) {
        const html = strFromU8(zip[page]!);
        const outside = listReferences(html, page).filter((ref) => !zip[ref]);
        expect(outside, `${info.file} ${page}`).toEqual([]);
        expect(html, page).not.toMatch(/\ssrc="(?:https?:)?\/\//);
        expect(html).not.toMatch(/<script>|\son\w+="|\sstyle="/);
      }
    }
  });

  it("no package holds or registers the website's service worker or web app manifest", async () => {
    expect(existsSync(join(site, "sw.js"))).toBe(true);
    expect(existsSync(join(site, "en", "manifest.webmanifest"))).toBe(true);
    for (const info of infos) {
      const zip = await unzip(info.file);
      const names = Object.keys(zip);
      expect(names.length, info.file).toBeGreaterThan(3);
      expect(
        names.filter((n) => /(?:^|\/)(?:sw\.js|manifest\.webmanifest|offline\.js)$/.test(n)),
        info.file,
      ).toEqual([]);
      const pages = names.filter((n) => n.endsWith(".html"));
      expect(pages.length, info.file).toBeGreaterThan(0);
      for (const page of pages)
        expect(strFromU8(zip[page]!), `${info.file} ${page}`).not.toMatch(
          /rel="manifest"|offline\.js|sw\.js|data-update-notice|serviceWorker/,
        );
    }
  });

  it("website.zip holds every file of the built site under website/, service worker included", async () => {
    const zip = await unzip(WEBSITE_ZIP);
    const names = Object.keys(zip).filter((n) => !n.endsWith("/"));
    const siteFiles = (await readdir(site, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(site, join(e.parentPath, e.name)).split(sep).join("/"))
      .filter((f) => f !== OUTPUT_MARKER);
    expect(siteFiles.length).toBeGreaterThan(50);
    expect(names.sort()).toEqual(siteFiles.map((f) => `website/${f}`).sort());
    for (const file of ["website/index.html", "website/sw.js", "website/en/framework.case.json"])
      expect(names).toContain(file);
    expect(
      Buffer.compare(zip["website/index.html"]!, await readFile(join(site, "index.html"))),
    ).toBe(0);
  });

  it("each module can be taken in every locale: its pages in each, linked by the language switch", async () => {
    const zip = await unzip(`${model.modules[0]!.competencyId}-scorm12.zip`);
    const id = model.modules[0]!.competencyId;
    for (const locale of model.locales) {
      const html = strFromU8(zip[`${locale}/modules/${id}/index.html`]!);
      expect(html).toContain(`<html lang="${locale}"`);
      const others = model.locales.filter((l) => l !== locale);
      for (const other of others) expect(html).toContain(`hreflang="${other}"`);
      expect(html).toContain('id="lms-settings"');
      expect(html).toContain('class="lms-privacy"');
      expect(html).not.toMatch(/class="(?:site-nav|site-search|breadcrumb|pager)"/);
    }
  });

  it("the site's About page and the package say the same thing about what the LMS receives", async () => {
    const about = await readFile(join(site, "en/about/index.html"), "utf8");
    const statement = model.ui.en!["lms.privacy"]!;
    expect(statement).toMatch(/journal, reflection answers and self-assessments are never sent/);
    const escaped = statement.replace(/'/g, "&#39;");
    expect(about.includes(statement) || about.includes(escaped)).toBe(true);
    const zh = await readFile(join(site, "zh-CN/about/index.html"), "utf8");
    expect(zh).toContain(model.ui["zh-CN"]!["lms.privacy"]!);
  });

  it("zips are the same bytes when packed twice (fixed file dates)", async () => {
    const again = join(await tempDir("scorm-again-"), "dist");
    cleanup.push(join(again, ".."));
    await packageCourse({ courseDir: REPO_DIR, siteDir: site, outDir: again, log: () => {} });
    for (const file of ["course-scorm2004.zip", WEBSITE_ZIP]) {
      const a = await readFile(join(dist, file));
      const b = await readFile(join(again, file));
      expect(Buffer.compare(a, b), file).toBe(0);
    }
  });
});

describe("npm run package refuses what it must not do", () => {
  it("without a built site it says to build first", async () => {
    const missing = join(await tempDir("scorm-nosite-"), "site");
    await expect(
      packageCourse({ courseDir: REPO_DIR, siteDir: missing, outDir: join(missing, "..", "dist") }),
    ).rejects.toThrow(/There is no built site in .*Run `npm run build` first/);
  });

  it("does not replace a folder it did not write, nor the course folder", async () => {
    const foreign = await tempDir("scorm-foreign-");
    cleanup.push(foreign);
    await writeFile(join(foreign, "notes.txt"), "mine");
    const attempt = packageCourse({
      courseDir: REPO_DIR,
      siteDir: site,
      outDir: foreign,
      log: () => {},
    });
    await expect(attempt).rejects.toBeInstanceOf(CourseError);
    await expect(attempt).rejects.toThrow(/not a previous output of this tool/);
    expect(await readFile(join(foreign, "notes.txt"), "utf8")).toBe("mine");
    await expect(
      packageCourse({ courseDir: REPO_DIR, siteDir: site, outDir: REPO_DIR, log: () => {} }),
    ).rejects.toThrow(/it is the (current|onion-course project|course) folder/);
    expect(existsSync(join(REPO_DIR, "package.json"))).toBe(true);
  });

  it("replaces its own earlier output", async () => {
    const out = join(await tempDir("scorm-replace-"), "dist");
    cleanup.push(join(out, ".."));
    await mkdir(out);
    await writeFile(join(out, OUTPUT_MARKER), "");
    await writeFile(join(out, "old-scorm12.zip"), "old");
    await packageCourse({ courseDir: REPO_DIR, siteDir: site, outDir: out, log: () => {} });
    expect(existsSync(join(out, "old-scorm12.zip"))).toBe(false);
    expect(existsSync(join(out, "course-scorm12.zip"))).toBe(true);
  });
});
