import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseModel, PageRecord } from "../../src/course/model.ts";
import {
  axeViolations,
  launchBrowser,
  recordRequests,
  type TestBrowser,
} from "../helpers/browser.ts";
import { buildInTemp } from "../helpers/build.ts";
import { watchViolations } from "../helpers/csp-violations.ts";
import { headerProblems, phonePageProblems } from "../helpers/phone-layout.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";

let browser: TestBrowser;
let site: StaticSite;
let model: CourseModel;
let out: string;

beforeAll(async () => {
  ({ out, model } = await sharedBuild("default"));
  site = await serveSite(out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** One page of every type in every locale: what the accessibility and privacy checks visit. */
function samplePages(): PageRecord[] {
  return Object.values(model.pagesByType).flatMap((pages) =>
    model.locales.map((l) => pages.find((p) => p.locale === l)!).filter(Boolean),
  );
}
const path = (p: PageRecord) => p.url.slice(1);

/**
 * The pages the accessibility and privacy sweep visits, known when the tests are collected so that
 * each page type of each locale is a test of its own (the same course the build below renders).
 */
const planned = await loadCourse(REPO_DIR, { strict: true });
const sweep = planned.locales.flatMap((locale) =>
  [...new Set(planned.pages.filter((p) => p.locale === locale).map((p) => p.type))].map((type) => ({
    locale,
    type,
  })),
);

/** The window the sweep opens pages in (Playwright's default), before it narrows it to a phone's. */
const DESKTOP = { width: 1280, height: 720 };

/**
 * The sweep's one tab, opened by its first group: a page of the same site opened in the same tab
 * keeps its renderer, which has axe-core compiled already (the sweep takes about half the time it
 * takes with a new tab per page, with the same results).
 */
let sweepTab: Promise<{ page: Page; requests: string[]; violations: string[] }> | undefined;
function openSweepTab() {
  sweepTab ??= browser
    .newContext({ viewport: DESKTOP })
    .then((context) => context.newPage())
    .then(async (page) => ({
      page,
      requests: recordRequests(page),
      violations: await watchViolations(page),
    }));
  return sweepTab;
}

/**
 * axe-core, Content Security Policy violations (a search run on the search page), requests outside
 * the site and `lang`, for each page of one group on a desktop window; then, with `phone`, the same
 * page at 360 px (sideways scrolling, tap targets under 24 px, a long page without contents) and its
 * header at 390 px (at most 96 px tall, every part on the bar). Returns the failures.
 */
async function sweepPages(pagePaths: string[], phone = true): Promise<string[]> {
  const failures: string[] = [];
  const { page, requests, violations } = await openSweepTab();
  for (const pagePath of pagePaths) {
    requests.length = 0;
    violations.length = 0;
    await page.goto(site.url + pagePath);
    // The root page sends visitors on to the default locale at once.
    if (pagePath === "") await page.waitForURL(/\/index\.html$/);
    await page.waitForLoadState("load");
    if (pagePath.endsWith("/search/")) {
      // Pagefind's index and WebAssembly load on a search, under the same policy.
      await page.fill("#search-q, input[type=search]", "privacy");
      await page.keyboard.press("Enter");
      await page.waitForTimeout(800);
      await page.waitForLoadState("load");
    }
    for (const v of await axeViolations(page)) failures.push(`${pagePath}: ${v}`);
    // Read after axe, so that what the page's scripts do while axe runs is counted too.
    for (const v of violations) failures.push(`${pagePath}: Content Security Policy: ${v}`);
    for (const r of requests)
      if (!r.startsWith(site.url)) failures.push(`${pagePath}: request to ${r}`);
    const lang = await page.getAttribute("html", "lang");
    if (!lang) failures.push(`${pagePath}: no lang on <html>`);
    if (!phone) continue;
    // The same page as a phone shows it, then widened to 390 px for the header.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const x of await phonePageProblems(page)) failures.push(`${pagePath} at 360 px: ${x}`);
    await page.setViewportSize({ width: 390, height: 844 });
    const expected = { search: true, languages: model.locales.length > 1 };
    for (const x of await headerProblems(page, expected))
      failures.push(`${pagePath} at 390 px: ${x}`);
    await page.setViewportSize(DESKTOP);
  }
  return failures;
}

describe("every page: no axe-core or Content Security Policy violations, no request outside the site, lang set; fits a 360 px phone (nothing scrolls sideways, tap targets at least 24 px, a long page has its contents) with a header at most 96 px tall at 390 px, on one line with title, search, language and menu", () => {
  it("covers every page of the course", () => {
    expect(sweep.length).toBeGreaterThan(20);
    expect(planned.pages.map((p) => p.url)).toEqual(model.pages.map((p) => p.url));
  });

  it.each(sweep)(
    "$locale $type pages",
    async ({ locale, type }) => {
      const pages = model.pages.filter((p) => p.locale === locale && p.type === type);
      expect(pages.length).toBeGreaterThan(0);
      expect(await sweepPages(pages.map(path))).toEqual([]);
    },
    180_000,
  );

  it("the root page, the 404 page and a missing page", async () => {
    // The root page only sends visitors on; the 404 pages are a phone-checked page type already.
    expect(await sweepPages(["", "404.html", "no-such-page/"], false)).toEqual([]);
  }, 60_000);
});

describe("every page type in every locale", () => {
  it("the language switch leads to the same page in the other locale", async () => {
    const page = await browser.newPage();
    for (const p of samplePages().filter((x) => x.type !== "notFound")) {
      // The page the last switch led to is often the next one to test (the same page type in the
      // next locale): it is tested where it is, without loading it again.
      if (page.url() !== site.url + path(p).replace(/(^|\/)$/, "$1index.html"))
        await page.goto(site.url + path(p));
      const others = model.locales.filter((l) => l !== p.locale);
      for (const other of others) {
        await page
          .click(`.lang-switch a[hreflang="${other}"]`, { timeout: 5000 })
          .catch((e: Error) => {
            throw new Error(`${p.url}: ${e.message}`);
          });
        expect(new URL(page.url()).pathname).toBe(
          `/${other}/${p.key}${p.key === "" || p.key.endsWith("/") ? "index.html" : ""}`,
        );
        expect(await page.getAttribute("html", "lang")).toBe(other);
        // Back to the page for the next language (with two locales there is none).
        if (other !== others.at(-1)) await page.goBack();
      }
    }
    await page.close();
  });

  it("reads without JavaScript: content, navigation and the onion diagram", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}zh-CN/`);
    // One link per ring and one per competency inside it.
    const competencies = model.framework.layers.flatMap((l) => l.competencies).length;
    expect(await page.locator("svg.onion a.onion-ring").count()).toBe(
      model.framework.layers.length,
    );
    expect(await page.locator("svg.onion a.onion-competency").count()).toBe(competencies);
    await page.click(".site-menu summary");
    await page.click(`nav.site-nav a[href$="framework/index.html"]`);
    await page.waitForURL(/\/zh-CN\/framework\/index\.html$/);
    expect(await page.locator("h1").textContent()).toBe(model.ui["zh-CN"]!["framework.title"]);
    await context.close();
  });

  it("keyboard: the skip link is the first stop and moves focus to main", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}en/framework/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#main");
    await page.close();
  });
});

describe("under a path prefix", () => {
  it("serves every page with its styles and working links", async () => {
    // The same course with `pathPrefix` set, which only the 404 page needs (other links are relative).
    const course = await tempDir("prefixed-course-");
    await cp(join(REPO_DIR, "framework"), join(course, "framework"), { recursive: true });
    await cp(join(REPO_DIR, "modules"), join(course, "modules"), { recursive: true });
    const settings = join(course, "framework", "course.yaml");
    await writeFile(
      settings,
      (await readFile(settings, "utf8")).replace(
        /^pathPrefix: .*$/m,
        "pathPrefix: /intranet/training/onion/",
      ),
    );
    const built = await buildInTemp(course);
    const prefixed = await serveSite(built.out, "/intranet/training/onion/");
    const page = await browser.newPage();
    const requests = recordRequests(page);
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(r.url());
    });
    await page.goto(prefixed.url);
    await page.waitForURL(/\/en\/index\.html$/);
    const links = await page.$$eval("a[href]", (as) =>
      as.map((a) => new URL(a.getAttribute("href")!, location.href).href),
    );
    const targets = new Set(
      links.filter((l) => l.startsWith(prefixed.url)).map((l) => l.split("#")[0]!),
    );
    expect(targets.size).toBeGreaterThan(5);
    for (const link of targets) {
      const response = await page.goto(link);
      expect(response?.status(), link).toBe(200);
    }
    expect(failed).toEqual([]);
    expect(requests.every((r) => r.startsWith(prefixed.url))).toBe(true);
    const notFound = await page.goto(`${prefixed.url}en/missing/deep/page/`);
    expect(notFound?.status()).toBe(404);
    const css = await page.evaluate(() => getComputedStyle(document.body).margin);
    expect(css).toBe("0px");
    await page.close();
    await prefixed.close();
  });
});

describe("knowledge checks", () => {
  it("work without JavaScript: every option's feedback is reachable", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}en/modules/${model.modules[0]!.competencyId}/`);
    const check = page.locator("[data-check]").first();
    const details = check.locator("details");
    expect(await details.count()).toBeGreaterThanOrEqual(2);
    await details.first().locator("summary").click();
    await expect
      .poll(() => details.first().evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(true);
    expect(await check.locator(".check__actions").count()).toBe(1);
    expect(await check.locator(".check__actions").isHidden()).toBe(true);
    await context.close();
  });

  it("with JavaScript: choose, check, see feedback for the choice, retry", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}zh-CN/modules/${model.modules[0]!.competencyId}/`);
    const check = page.locator("[data-check]").first();
    await expect.poll(() => check.locator(".check__actions").isVisible()).toBe(true);
    expect(await check.locator("details:visible").count()).toBe(0);
    const options = check.locator(".check__option");
    const n = await options.count();
    let wrong = -1;
    let right = -1;
    for (let i = 0; i < n; i++) {
      if ((await options.nth(i).getAttribute("data-correct")) === "true") right = i;
      else wrong = i;
    }
    await check.locator('[data-action="check"]').click();
    expect(await check.locator("[data-result]").textContent()).toBe("请先选择一个答案。");
    await options.nth(wrong).locator("input").check();
    await check.locator('[data-action="check"]').click();
    expect(await check.getAttribute("class")).toContain("is-wrong");
    expect(await options.nth(wrong).locator("details").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-result"))).toBe(
      true,
    );
    await check.locator('[data-action="retry"]').click();
    await options.nth(right).locator("input").check();
    await check.locator('[data-action="check"]').click();
    expect(await check.getAttribute("class")).toContain("is-right");
    expect(await check.locator("[data-result]").textContent()).toContain("回答正确");
    await page.close();
  });
});
