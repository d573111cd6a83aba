import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import type { TestBrowser } from "../helpers/browser.ts";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { tempDir } from "../helpers/paths.ts";
import {
  closePage,
  openPage,
  startServedCourse,
  stopServedCourse,
} from "../helpers/served-course.ts";
import type { StaticSite } from "../../src/preview/static-server.ts";

let browser: TestBrowser;
let site: StaticSite;
let model: CourseModel;
let context: BrowserContext;
let page: Page;
let requests: string[];

beforeAll(async () => {
  ({ browser, site, model } = await startServedCourse());
});
afterAll(() => stopServedCourse({ browser, site }));
beforeEach(async () => {
  ({ context, page, requests } = await openPage(browser));
});
afterEach(() => closePage({ context, requests }, site));

const assessed = () => model.competencies.filter((e) => e.layer.assessed);
const levels = () => model.framework.scale.levels.map((l) => l.id);

/** Present on the page, and hidden: a missing element must not pass as a hidden one. */
async function expectHidden(locator: Locator) {
  expect(await locator.count()).toBe(1);
  expect(await locator.isHidden()).toBe(true);
}

async function assess(choice: (index: number) => string) {
  for (const [i, e] of assessed().entries())
    await page.check(`input[name="${e.competency.id}"][value="${choice(i)}"]`);
  await page.click(".assess-actions button[type=submit]");
}

describe("self-assessment", () => {
  it("saves an assessment; after a reload the chart and the table show it, with next steps", async () => {
    await page.goto(`${site.url}en/assess/`);
    await expectHidden(page.locator("[data-assess-results]"));
    await assess(() => levels()[0]!);
    await expect
      .poll(() => page.locator("[data-assess-status]").textContent())
      .toContain("Assessment saved");
    await page.reload();
    expect(await page.locator("svg.radar polygon.radar__current").count()).toBe(1);
    const rows = page.locator("[data-assess-table] tbody tr");
    expect(await rows.count()).toBe(assessed().length);
    const lowest = model.framework.scale.levels[0]!.title.en!;
    expect(await rows.first().locator("td").first().textContent()).toBe(lowest);
    const firstModule = model.modules[0]!;
    await page.click(
      `[data-assess-table] a[href$="modules/${firstModule.competencyId}/index.html"]`,
    );
    expect(page.url()).toBe(`${site.url}en/modules/${firstModule.competencyId}/index.html`);
  });

  it("compares two assessments: before and after, overlaid", async () => {
    await page.goto(`${site.url}zh-CN/assess/`);
    await assess(() => levels()[0]!);
    await page.waitForTimeout(20);
    await assess(() => levels()[levels().length - 1]!);
    expect(await page.locator("[data-assess-compare] option").count()).toBe(2);
    expect(await page.locator("svg.radar polygon").count()).toBe(2);
    const row = page.locator("[data-assess-table] tbody tr").first();
    const [latest, earlier, next] = await row.locator("td").allTextContents();
    expect(latest).toBe(model.framework.scale.levels.at(-1)!.title["zh-CN"]);
    expect(earlier).toBe(model.framework.scale.levels[0]!.title["zh-CN"]);
    expect(next).toBe("已达到或超过目标级别");
    await page.selectOption("[data-assess-compare]", "");
    expect(await page.locator("svg.radar polygon").count()).toBe(1);
  });

  it("exports and imports assessments; deletes them after a confirmation", async () => {
    await page.goto(`${site.url}en/assess/`);
    await assess(() => levels()[1]!);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-assess-tools] [data-action="export-json"]'),
    ]);
    const backup = join(await tempDir("assess-"), "backup.json");
    await file.saveAs(backup);
    page.once("dialog", (d) => void d.accept());
    await page.click('[data-action="delete-assessments"]');
    await expect.poll(() => page.locator("[data-assess-results]").isHidden()).toBe(true);
    await expectHidden(page.locator("[data-assess-results]"));
    await page.setInputFiles("#assess-import", backup);
    await expect.poll(() => page.locator("svg.radar polygon").count()).toBe(1);
    await page.reload();
    expect(
      await page
        .locator(`input[name="${assessed()[0]!.competency.id}"][value="${levels()[1]}"]`)
        .isChecked(),
    ).toBe(true);
    const bad = join(await tempDir("assess-"), "bad.json");
    await writeFile(bad, "[1,2,3]");
    await page.setInputFiles("#assess-import", bad);
    await expect
      .poll(() => page.locator("[data-assess-status]").textContent())
      .toContain("not a journal backup");
  });

  it("tells a learner below the target what to take next, and one at or above it that they are there", async () => {
    const target = levels().indexOf(model.framework.scale.target);
    expect(target).toBeGreaterThan(0);
    expect(target).toBeLessThan(levels().length - 1);
    // Competency i is assessed below, at, then above the target, in turn.
    const offsets = [-1, 0, 1];
    await page.goto(`${site.url}en/assess/`);
    await assess((i) => levels()[target + offsets[i % 3]!]!);
    const rows = page.locator("[data-assess-table] tbody tr");
    expect(await rows.count()).toBe(assessed().length);
    expect(assessed().length).toBeGreaterThanOrEqual(3);
    for (const [i, e] of assessed().entries()) {
      const row = rows.nth(i);
      const next = (await row.locator("td").last().textContent()) ?? "";
      const where = `${e.competency.id} at offset ${offsets[i % 3]}`;
      if (offsets[i % 3]! < 0) {
        expect(next, where).toMatch(/^(Take the module|Reflect on|Read about)/);
        expect(await row.locator("td").last().locator("a").count(), where).toBe(1);
      } else {
        expect(next, where).toBe("At or above the target level");
        expect(await row.locator("td").last().locator("a").count(), where).toBe(0);
      }
    }
  });

  it("without JavaScript is a printable rubric", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${site.url}zh-CN/assess/`);
    expect(await p.locator("fieldset.rubric").count()).toBe(assessed().length);
    expect(await p.locator("fieldset.rubric input[type=radio]").count()).toBe(
      assessed().length * levels().length,
    );
    await expectHidden(p.locator(".assess-actions"));
    expect(await p.locator(".no-js-only").isVisible()).toBe(true);
    await noJs.close();
  });
});

describe("search", () => {
  async function searchFor(locale: string, query: string) {
    await page.goto(`${site.url}${locale}/`);
    await page.click(".header-search");
    await page.fill("#search-q", query);
    await page.press("#search-q", "Enter");
    await expect
      .poll(() => page.locator("[data-search-results] a").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    return page
      .locator("[data-search-results] a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("#")[0]!));
  }

  it("finds an English term and lands on its module", async () => {
    const hrefs = await searchFor("en", "debunking");
    const target = hrefs.find((h) =>
      h.endsWith("/en/modules/communication-proficiency/index.html"),
    );
    expect(target).toBeDefined();
    await page.click(`[data-search-results] a[href^="${target}"]`);
    await page.waitForURL(/\/en\/modules\/communication-proficiency\/index\.html/);
    expect(await page.locator("h1").textContent()).toBe(
      model.modules.find((m) => m.competencyId === "communication-proficiency")!.versions.en!.title,
    );
  });

  it.each([
    ["辟谣", "communication-proficiency"],
    ["利益冲突", "information-literacy"],
    ["隐私", "digital-skills"],
  ])("finds the two-to-four-character Chinese term %s in its module", async (query, moduleId) => {
    const hrefs = await searchFor("zh-CN", query);
    expect(hrefs.some((h) => h.endsWith(`/zh-CN/modules/${moduleId}/index.html`))).toBe(true);
    expect(hrefs.every((h) => h.includes("/zh-CN/"))).toBe(true);
  });

  it("never returns facilitator pages or the trainers' page (course editing, not learning)", async () => {
    // Terms those pages use a lot, and learner pages use too.
    for (const term of ["session", "module"]) {
      const hrefs = await searchFor("en", term);
      expect(hrefs.filter((h) => /\/(facilitators|trainers)\//.test(h))).toEqual([]);
    }
  });

  /** Key terms per locale and the module that teaches each (its section heading names the term). */
  const KEY_TERMS: [string, string, string][] = [
    ["en", "privacy", "digital-skills"],
    ["en", "harassment", "communication-proficiency"],
    ["en", "appraising", "information-literacy"],
    ["en", "plain language", "communication-proficiency"],
    ["en", "verification", "digital-skills"],
    ["zh-CN", "隐私", "digital-skills"],
    ["zh-CN", "骚扰", "communication-proficiency"],
    ["zh-CN", "误导", "information-literacy"],
    ["zh-CN", "通俗", "communication-proficiency"],
    ["zh-CN", "认证", "digital-skills"],
  ];

  it.each(KEY_TERMS)(
    "%s: the first result for %s is the module that teaches it, linked to a section",
    async (locale, query, moduleId) => {
      await page.goto(`${site.url}${locale}/search/?q=${encodeURIComponent(query)}`);
      const first = page.locator("[data-search-results] > li h2 a").first();
      await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
      const href = new URL((await first.getAttribute("href"))!);
      expect(href.pathname).toBe(`/${locale}/modules/${moduleId}/index.html`);
      expect(href.hash.length).toBeGreaterThan(1);
      const id = decodeURIComponent(href.hash.slice(1));
      await first.click();
      expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
      expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    },
  );

  it("no result excerpt contains the knowledge checks' interface text", async () => {
    for (const [locale, query] of [
      ["en", "answer"],
      ["en", "correct"],
      ["zh-CN", "答案"],
      ["zh-CN", "正确"],
    ] as const) {
      await page.goto(`${site.url}${locale}/search/?q=${encodeURIComponent(query)}`);
      await expect
        .poll(() => page.locator("[data-search-status]").textContent(), { timeout: 15_000 })
        .not.toBe(model.ui[locale]!["search.searching"]);
      const excerpts = await page.locator("[data-search-results] p").allTextContents();
      const ui = model.ui[locale]!;
      const quizText = ["check.showFeedback", "check.options", "check.submit", "check.retry"].map(
        (k) => ui[k]!,
      );
      for (const excerpt of excerpts)
        for (const text of quizText) expect(excerpt, `${locale} ${query}`).not.toContain(text);
    }
  });

  it("has one search box, filled with the query, and the language switch keeps it", async () => {
    await page.goto(`${site.url}en/search/?q=privacy`);
    expect(await page.locator("input[type=search]").count()).toBe(1);
    // The search script fills the box from the address after the page loads: poll, do not read once.
    await expect.poll(() => page.inputValue("input[type=search]")).toBe("privacy");
    await page.click('.lang-switch a[hreflang="zh-CN"]');
    await page.waitForURL(/\/zh-CN\/search\//);
    expect(new URL(page.url()).searchParams.get("q")).toBe("privacy");
    await expect.poll(() => page.inputValue("input[type=search]")).toBe("privacy");
  });
});
