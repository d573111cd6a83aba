import { existsSync } from "node:fs";
import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { OUTPUT_MARKER } from "../../src/output/safe-output.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { uiFor } from "../../src/framework/ui-strings.ts";
import { launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { editFile, replaceOnce } from "../helpers/courses.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";

/** The site lives in an intranet sub-folder, as many hospital sites do. */
const PREFIX = "/training/onion/";
const NEW_SUBTITLE = "A newly published version of this course";

let course: string;
let out: string;
let model: CourseModel;
let site: StaticSite;
let port: number;
let browser: TestBrowser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

async function publish(): Promise<void> {
  ({ model } = await buildSite({ courseDir: course, outputDir: out, strict: true, search: true }));
}

beforeAll(async () => {
  course = await tempDir("offline-course-");
  for (const folder of ["framework", "modules", "pages"])
    await cp(join(REPO_DIR, folder), join(course, folder), { recursive: true });
  out = join(await tempDir("offline-site-"), "site");
  await publish();
  site = await serveSite(out, PREFIX);
  port = Number(new URL(site.url).port);
  browser = await launchBrowser();
  context = await browser.newContext();
  // Context-wide, so the service worker's own requests are recorded too.
  context.on("request", (request) => requests.push(request.url()));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const journalField = () => page.locator("textarea[data-journal]").first();
const heading = () => page.locator("h1").textContent();

async function searchFor(locale: string, query: string): Promise<string[]> {
  // From the header's search link, as a learner would, then the search page's own box.
  await page.goto(`${site.url}${locale}/`);
  await page.click(".header-search");
  await page.fill("#search-q", query);
  await page.press("#search-q", "Enter");
  await expect
    .poll(() => page.locator("[data-search-results] a").count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  return page
    .locator("[data-search-results] a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
}

describe("the site offline, after one visit", () => {
  it("registers its worker on the first visit and takes control of the page", async () => {
    await page.goto(`${site.url}en/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 90_000,
    });
    // The worker claims the page while it activates; activation itself finishes just after.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
        timeout: 30_000,
      })
      .toBe("activated");
    // The worker precaches the site, its search index and its exports, but not the build marker.
    const worker = await readFile(join(out, "sw.js"), "utf8");
    for (const file of ["en/index.html", "pagefind/pagefind.js", "zh-CN/framework.case.json"])
      expect(worker, file).toContain(`"${file}"`);
    expect(existsSync(join(out, OUTPUT_MARKER))).toBe(true);
    expect(worker).not.toContain(OUTPUT_MARKER);
  });

  it("with the server gone and the browser offline, serves every module page, the journal and search", async () => {
    await site.close();
    await context.setOffline(true);

    for (const locale of model.locales)
      for (const m of model.modules) {
        await page.goto(`${site.url}${locale}/modules/${m.competencyId}/`);
        expect(await heading()).toBe(m.versions[locale]!.title);
      }
    // Links inside the site name index.html; those addresses work too.
    await page.goto(`${site.url}zh-CN/framework/index.html`);
    expect(await page.locator("main a").count()).toBeGreaterThan(0);
    expect(await heading()).toBe("能力框架");

    await page.goto(`${site.url}en/reflection/`);
    expect(await page.locator("textarea[data-journal]").count()).toBeGreaterThan(0);
    await journalField().fill("Written on the ward, with no signal.");
    await expect.poll(() => page.locator("[data-journal-status]").textContent()).toContain("Saved");
    await page.reload();
    expect(await journalField().inputValue()).toBe("Written on the ward, with no signal.");

    await page.goto(`${site.url}en/assess/`);
    const assessed = model.competencies.filter((e) => e.layer.assessed);
    const lowest = model.framework.scale.levels[0]!.id;
    for (const e of assessed)
      await page.check(`input[name="${e.competency.id}"][value="${lowest}"]`);
    await page.click(".assess-actions button[type=submit]");
    await expect
      .poll(() => page.locator("[data-assess-status]").textContent())
      .toContain("Assessment saved");
    await page.reload();
    expect(await page.locator("[data-assess-table] tbody tr").count()).toBe(assessed.length);

    const english = await searchFor("en", "debunking");
    expect(
      // Results link to the section that matched (…/index.html#section).
      english.some((h) =>
        h.split("#")[0]!.endsWith("/en/modules/communication-proficiency/index.html"),
      ),
    ).toBe(true);
    const chinese = await searchFor("zh-CN", "辟谣");
    expect(
      chinese.some((h) =>
        h.split("#")[0]!.endsWith("/zh-CN/modules/communication-proficiency/index.html"),
      ),
    ).toBe(true);
  });

  it("still offline, an address it has not kept gets the offline page in the visitor's language, linking to what is kept", async () => {
    const title = (locale: string) => uiFor(model.ui, locale)("offline.pageTitle");
    const cases = [
      // A mistyped address, a printable guide (never precached) and an address outside any locale.
      ...model.locales.map((l) => [`${l}/modulse/`, l] as const),
      [`zh-CN/facilitators/${model.modules[0]!.competencyId}/guide.pdf`, "zh-CN"] as const,
      ["no-such-folder/page.html", model.defaultLocale] as const,
    ];
    for (const [address, locale] of cases) {
      await page.goto(`${site.url}${address}`);
      expect(await heading(), address).toBe(title(locale));
      expect(await page.getAttribute("html", "lang"), address).toBe(locale);
      // Under the site's path prefix, not at the root of the host.
      expect(new URL(page.url()).pathname, address).toBe(`${PREFIX}${locale}/offline/index.html`);
    }
    // Every kept page it lists opens, offline.
    await page.goto(`${site.url}zh-CN/modulse/`);
    const links = await page
      .locator("main .offline-pages a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(model.modules.length);
    for (const link of links) {
      await page.goto(link);
      expect(await heading(), link).not.toBe(title("zh-CN"));
    }
    const module = model.modules[0]!;
    await page.goto(`${site.url}zh-CN/modulse/`);
    await page.click(`main a[href$="modules/${module.competencyId}/index.html"]`);
    expect(await heading()).toBe(module.versions["zh-CN"]!.title);
  });

  it("announces a newly published version, reloads into it on request, and keeps the journal", async () => {
    await context.setOffline(false);
    await editFile(
      course,
      "framework/course.yaml",
      replaceOnce(
        "  en: A competency-based course",
        `  en: ${NEW_SUBTITLE}, a competency-based course`,
      ),
    );
    await publish();
    site = await serveSite(out, PREFIX, port);

    await page.goto(`${site.url}en/reflection/`);
    const notice = page.locator("[data-update-notice]");
    expect(await notice.count()).toBe(1);
    await expect.poll(() => notice.isVisible(), { timeout: 90_000 }).toBe(true);
    expect(await notice.textContent()).toContain(
      "A new version of this course has been published.",
    );
    // Until the learner says so, the page is still the version they were reading.
    expect(await page.getAttribute('meta[name="description"]', "content")).not.toContain(
      NEW_SUBTITLE,
    );

    await page.click("[data-update-reload]");
    await expect
      .poll(() => page.getAttribute('meta[name="description"]', "content").catch(() => ""), {
        timeout: 30_000,
      })
      .toContain(NEW_SUBTITLE);
    expect(await notice.isVisible()).toBe(false);
    // The journal's script fills the field from storage once the new page has loaded.
    await expect
      .poll(() => journalField().inputValue())
      .toBe("Written on the ward, with no signal.");
  });

  it("never requested anything outside the site", () => {
    expect(requests.length).toBeGreaterThan(0);
    const origin = `http://127.0.0.1:${port}${PREFIX}`;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith("blob:"))).toEqual([]);
  });
});
