import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseModel, PageRecord } from "../../src/course/model.ts";
import { LONG_PAGE_TYPES } from "../../src/pages/page-contents.ts";
import { launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { onionLabelProblems } from "../helpers/onion.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
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

const path = (p: PageRecord) => p.url.slice(1);

describe("the menu", () => {
  it("opens and closes with the keyboard, and its links are reachable", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}en/modules/`);
    const nav = page.locator(".site-nav");
    expect(await page.locator(".site-menu summary").count()).toBe(1);
    expect(await nav.isVisible()).toBe(false);
    await page.focus(".site-menu summary");
    await page.keyboard.press("Enter");
    await expect.poll(() => nav.isVisible()).toBe(true);
    expect(await page.locator(".site-menu").getAttribute("open")).not.toBeNull();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      () => document.activeElement?.closest(".site-nav") !== null,
    );
    expect(focused).toBe(true);
    await page.focus(".site-menu summary");
    await page.keyboard.press("Space");
    await expect.poll(() => nav.isVisible()).toBe(false);
    await page.close();
  });

  it("works without JavaScript", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${site.url}zh-CN/`);
    await page.click(".site-menu summary");
    const links = page.locator(".site-nav a");
    expect(await links.count()).toBeGreaterThan(3);
    expect(await links.first().isVisible()).toBe(true);
    await page.click(`.site-nav a[href$="modules/index.html"]`);
    await page.waitForURL(/\/zh-CN\/modules\/index\.html$/);
    expect(new URL(page.url()).pathname).toBe("/zh-CN/modules/index.html");
    await context.close();
  });
});

describe("On this page", () => {
  it("is on every long page, and each of its links leads to a heading on that page", async () => {
    const long = model.pages.filter((p) => (LONG_PAGE_TYPES as readonly string[]).includes(p.type));
    expect(long.length).toBeGreaterThanOrEqual(4 * model.locales.length);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const p of long) {
      await page.goto(site.url + path(p));
      expect(await page.locator(".page-contents").count(), p.url).toBe(1);
      const hrefs = await page
        .locator(".page-contents a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      expect(hrefs.length, p.url).toBeGreaterThanOrEqual(3);
      // Each link's target, counted on the page: exactly one element with its id.
      const targets = await page.evaluate(
        (links) =>
          links.map((href) => {
            const id = decodeURIComponent(href.slice(1));
            return `${href} ${document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length}`;
          }),
        hrefs,
      );
      expect(targets, p.url).toEqual(hrefs.map((href) => `${href} 1`));
      // Desktop: open, in the right-hand column, on screen beside a section half-way down, marked.
      expect(await page.locator(".page-contents a").first().isVisible(), p.url).toBe(true);
      const last = hrefs[Math.floor(hrefs.length / 2)]!;
      await page.click(`.page-contents a[href="${last}"]`);
      const box = await page.locator(".page-contents").boundingBox();
      expect(box!.x, p.url).toBeGreaterThan(640);
      expect(box!.y, p.url).toBeGreaterThanOrEqual(0);
      // The mark follows the scroll a frame later: poll, do not read once.
      await expect
        .poll(() => page.locator(`.page-contents a[href="${last}"]`).getAttribute("aria-current"), {
          message: p.url,
        })
        .toBe("location");
    }
    await page.close();
  }, 120_000);

  it("is a closed disclosure at the top on a phone", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}zh-CN/modules/${model.modules[0]!.competencyId}/`);
    const details = page.locator(".page-contents details");
    expect(await details.count()).toBe(1);
    expect(await details.getAttribute("open")).toBeNull();
    expect((await page.locator(".page-contents summary").boundingBox())!.y).toBeLessThan(200);
    await page.click(".page-contents summary");
    expect(await page.locator(".page-contents a").first().isVisible()).toBe(true);
    await page.close();
  });
});

describe("knowledge checks", () => {
  it("read the verdict and the explanation in the live region, focus following reading order", async () => {
    const page = await browser.newPage();
    const m = model.modules[0]!;
    await page.goto(`${site.url}en/modules/${m.competencyId}/`);
    const check = page.locator("[data-check]").first();
    await expect.poll(() => check.locator(".check__actions").isVisible()).toBe(true);
    const options = check.locator(".check__option");
    let wrong = 0;
    while ((await options.nth(wrong).getAttribute("data-correct")) === "true") wrong++;
    // The explanation: the option's feedback after its toggle and its verdict.
    const explanation = (
      await options
        .nth(wrong)
        .locator(".check__feedback > :not(summary)")
        .evaluateAll((parts) => parts.slice(1).map((p) => p.textContent))
    )
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    expect(explanation.length).toBeGreaterThan(10);
    await options.nth(wrong).locator("input").check();
    await check.locator('[data-action="check"]').click();
    const result = check.locator("[data-result]");
    expect(await result.getAttribute("aria-live")).toBe("polite");
    const said = await result.textContent();
    expect(said).toContain(model.ui.en!["checkResult.wrong"]);
    expect(said).toContain(explanation);
    // Focus is on the result, which comes after the options; the next stop is "Try again".
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-result"))).toBe(
      true,
    );
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe(
      "retry",
    );
    // The chosen answer stands out and its "show the answer" toggle is gone.
    expect(await options.nth(wrong).getAttribute("class")).toContain("is-chosen");
    expect(await options.nth(wrong).locator("summary").isVisible()).toBe(false);
    expect(await options.nth(wrong).locator(".check__feedback > p").last().isVisible()).toBe(true);
    const weight = await options
      .nth(wrong)
      .locator("label")
      .evaluate((l) => Number(getComputedStyle(l).fontWeight));
    expect(weight).toBeGreaterThanOrEqual(600);
    await page.close();
  });
});

describe("the onion diagram", () => {
  it("draws every competency inside its ring, each label whole, in every locale and at 360 px", async () => {
    const pages = model.pages.filter((p) => p.type === "home" || p.type === "framework");
    const competencies = model.framework.layers.flatMap((l) => l.competencies);
    const failures: string[] = [];
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(site.url + path(p));
        const onion = page.locator("svg.onion");
        // What a screen reader announces: the link's text, or its title where the label is shortened.
        const names = await onion
          .locator("a.onion-competency")
          .evaluateAll((links) =>
            links.map((a) => a.querySelector("title")?.textContent ?? a.textContent),
          );
        expect(names.sort()).toEqual(competencies.map((c) => c.title[p.locale]).sort());
        const { measured, problems } = await onionLabelProblems(page);
        expect(measured).toBeGreaterThan(competencies.length);
        failures.push(...problems.map((x) => `${p.url} at ${width} px: ${x}`));
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  });

  it("fills each ring with its layer's colour, which also marks the layer's pages", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    const fills: string[] = [];
    await page.goto(`${site.url}en/framework/index.html`);
    for (const ring of await page.locator("svg.onion a.onion-ring circle").all())
      fills.push((await ring.getAttribute("fill"))!);
    // Distinct per layer; the outermost ring is drawn first.
    expect(new Set(fills).size).toBe(model.framework.layers.length);
    for (const [index, layer] of model.framework.layers.entries()) {
      const competency = layer.competencies[0]!;
      await page.goto(`${site.url}en/framework/${layer.id}/${competency.id}/index.html`);
      const band = await page
        .locator(".site-header")
        .evaluate((el) => getComputedStyle(el).borderBottomColor);
      const ring = fills[fills.length - 1 - index]!;
      // The header band is the layer's colour; the ring is a tint of the same colour.
      expect(band).not.toBe("rgba(0, 0, 0, 0)");
      const [r, g, b] = band.match(/\d+/g)!.map(Number);
      const tintOf = (c: number) => Math.round(c * 0.2 + 255 * 0.8);
      const hex = `#${[r!, g!, b!].map((c) => tintOf(c).toString(16).padStart(2, "0")).join("")}`;
      expect(hex).toBe(ring);
    }
    await context.close();
  });
});

describe("the radar chart on a 360 px phone", () => {
  it("has labels at least 12 px tall as rendered, a legend, a key and controls of 24 px", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.url}en/assess/`);
    const groups = page.locator("fieldset.rubric");
    const n = await groups.count();
    expect(n).toBeGreaterThan(2);
    for (const round of [0, 1]) {
      for (let i = 0; i < n; i++)
        await groups
          .nth(i)
          .locator("input")
          .nth((i + round) % 2)
          .check();
      await page.click(".assess-actions button[type=submit]");
    }
    await expect.poll(() => page.locator(".radar text").count()).toBeGreaterThan(n);
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll(".radar text")].map((t) => {
        const size = parseFloat(getComputedStyle(t).fontSize);
        return size * (t as SVGGraphicsElement).getScreenCTM()!.a;
      }),
    );
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
    expect(await page.locator(".radar-legend li").count()).toBe(2);
    expect(await page.locator(".radar-key li").count()).toBe(n);
    const select = await page.locator("#assess-compare").boundingBox();
    expect(select!.width).toBeGreaterThanOrEqual(24);
    expect(select!.height).toBeGreaterThanOrEqual(24);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe("search opened from a folder", () => {
  it("shows its fallback links", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, "en", "search", "index.html")}?q=privacy`);
    const fallback = page.locator("[data-search-fallback] a");
    await expect.poll(() => fallback.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => fallback.first().isVisible()).toBe(true);
    expect(await page.locator("[data-search-status]").textContent()).toBe(
      model.ui.en!["search.unavailable"],
    );
    await page.close();
  });
});

describe("the favicon", () => {
  it("is linked from every page type and exists", async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(r.url());
    });
    await page.goto(`${site.url}en/`);
    const href = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(href).toMatch(/icons\/icon\.svg$/);
    const response = await page.goto(new URL(href!, page.url()).href);
    expect(response?.status()).toBe(200);
    expect(failed).toEqual([]);
    await page.close();
  });
});
