import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { writeStarterCourse } from "../../src/course/new-course.ts";
import { cfPackage } from "../../src/export/cfpackage/case-schema.ts";
import { CASE_FILE, MOODLE_FILE } from "../../src/export/write-framework-exports.ts";
import { launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { firstOfEachType, sweepCourse, type SweepFindings } from "../helpers/course-sweep.ts";
import { onionLabelProblems } from "../helpers/onion.ts";
import { brokenSiteLinks, listSiteFiles } from "../helpers/site-links.ts";
import { slideReadabilityProblems } from "../helpers/slides.ts";
import { EXAMPLE_DIR, REPO_DIR, tempDir } from "../helpers/paths.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { serveSite } from "../../src/preview/static-server.ts";

/** Words of the default course that must never appear in another course's site. */
const DEFAULT_COURSE_WORDS =
  /Douyin|Weibo|WeChat|social media|社交媒体|社交媒體|\bKong\b|抖音|微博|微信/i;

const EXAMPLES_DIR = join(REPO_DIR, "examples");
/** Every course in examples/ (each folder with framework/course.yaml), plus a fresh new-course scaffold. */
const examples = existsSync(EXAMPLES_DIR)
  ? (await readdir(EXAMPLES_DIR, { withFileTypes: true }))
      .filter(
        (e) =>
          e.isDirectory() && existsSync(join(EXAMPLES_DIR, e.name, "framework", "course.yaml")),
      )
      .map((e) => ({ name: `examples/${e.name}`, dir: join(EXAMPLES_DIR, e.name), strict: true }))
  : [];

const cleanup: string[] = [];
let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true })));
});

async function scaffoldCourse() {
  const root = await tempDir("scaffold-");
  cleanup.push(root);
  const dir = join(root, "handover");
  await writeStarterCourse(dir, "en,fr", false, "2026-11-15");
  return { name: "a new-course scaffold (en, fr)", dir, strict: false };
}

describe.each([{ name: "a new-course scaffold (en, fr)", dir: "", strict: false }, ...examples])(
  "$name, built and tested like the default course",
  (course) => {
    let out: string;
    let model: CourseModel;
    beforeAll(async () => {
      if (course.dir === EXAMPLE_DIR) {
        // The example course is built once per run and shared with the build tests.
        ({ out, model } = await sharedBuild("example"));
        return;
      }
      const dir = course.dir || (await scaffoldCourse()).dir;
      out = join(await tempDir("other-site-"), "site");
      cleanup.push(out);
      ({ model } = await buildSite({
        courseDir: dir,
        outputDir: out,
        strict: course.strict,
        search: false,
      }));
    }, 300_000);

    it("holds no word of the default course", async () => {
      const files = (await listSiteFiles(out)).filter((f) =>
        /\.(html|js|css|json|svg|txt)$/.test(f),
      );
      expect(files.length).toBeGreaterThan(10);
      const hits: string[] = [];
      for (const f of files) {
        const m = DEFAULT_COURSE_WORDS.exec(await readFile(join(out, f), "utf8"));
        if (m) hits.push(`${f}: ${m[0]}`);
      }
      expect(hits).toEqual([]);
    });

    it("every internal link and anchor resolves", async () => {
      expect(await brokenSiteLinks(out)).toEqual([]);
    });

    it("cites its framework on the About page: the published source, or itself", async () => {
      const about = await readFile(join(out, model.defaultLocale, "about", "index.html"), "utf8");
      const cite = /<cite class="citation">([\s\S]*?)<\/cite>/.exec(about)?.[1] ?? "";
      if (model.settings.source) expect(cite).toContain(`doi.org/${model.settings.source.doi}`);
      else {
        expect(cite).not.toMatch(/doi/i);
        expect(cite).toContain(model.settings.organisation[model.defaultLocale]!);
        expect(cite).toContain(model.settings.version!);
        expect(cite).toContain(model.settings.published!);
      }
    });

    it("exports its framework as CASE 1.1 and Moodle CSV, and works offline after one visit", async () => {
      for (const locale of model.locales) {
        const pkg = JSON.parse(await readFile(join(out, locale, CASE_FILE), "utf8"));
        expect(cfPackage.safeParse(pkg).error?.issues ?? []).toEqual([]);
        expect(pkg.CFDocument.creator).toBe(model.settings.organisation[locale]);
        const csv = await readFile(join(out, locale, MOODLE_FILE), "utf8");
        expect(csv).toMatch(/^"Parent id number","Id number",Shortname,Description,/);
        for (const e of model.competencies)
          expect(csv.split("\n").filter((l) => l.includes(`,${e.competency.id},`))).toHaveLength(1);
        const manifest = JSON.parse(
          await readFile(join(out, locale, "manifest.webmanifest"), "utf8"),
        );
        expect(manifest.name).toBe(model.settings.title[locale]);
      }
      const site = await serveSite(out, "/intranet/course/");
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${site.url}${model.defaultLocale}/`);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
          timeout: 90_000,
        });
        await site.close();
        await context.setOffline(true);
        for (const locale of model.locales) {
          const m = model.modules[0]!;
          await page.goto(`${site.url}${locale}/modules/${m.competencyId}/`);
          expect(await page.locator("h1").textContent()).toBe(m.versions[locale]!.title);
        }
      } finally {
        await context.close();
        await site.close();
      }
    }, 300_000);

    /** Every page, opened once: phone and header checks, and axe-core on one page of each type. */
    let sweep: Promise<SweepFindings> | undefined;
    function sweepPages(): Promise<SweepFindings> {
      sweep ??= (async () => {
        const site = await serveSite(out);
        try {
          return await sweepCourse(browser, site.url, model.pages, {
            header: { search: false, languages: model.locales.length > 1 },
            audited: firstOfEachType(model.pages),
            audit: async (page) =>
              (await onionLabelProblems(page)).problems.map((x) => `onion label ${x}`),
          });
        } finally {
          await site.close();
        }
      })();
      return sweep;
    }

    it("every page fits a 360 px phone (24 px targets, contents on long pages) and keeps its header within 96 px at 390 px", async () => {
      const { phone, header } = await sweepPages();
      expect(phone).toEqual([]);
      expect(header).toEqual([]);
    }, 600_000);

    it("every projector slide of every module is readable from the back of a room", async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const problems: string[] = [];
      for (const p of model.pagesByType.slides ?? []) {
        await page.goto(`file://${join(out, p.url)}index.html`);
        const found = await slideReadabilityProblems(page);
        expect(found.slides, p.url).toBeGreaterThan(1);
        problems.push(...found.problems.map((problem) => `${p.url} ${problem}`));
      }
      expect(problems).toEqual([]);
      expect(model.pagesByType.slides?.length).toBe(model.modules.length * model.locales.length);
      await page.close();
    });

    it("every page type in every locale: axe-core clean; every page: lang set, nothing requested outside the site", async () => {
      const types = new Set(model.pages.map((p) => `${p.locale} ${p.type}`));
      expect(types.size).toBeGreaterThanOrEqual(model.locales.length * 10);
      const { desktop, audited } = await sweepPages();
      expect(audited).toHaveLength(types.size);
      expect(desktop).toEqual([]);
    }, 600_000);
  },
);
