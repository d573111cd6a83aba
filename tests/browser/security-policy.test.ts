import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { TestBrowser } from "../helpers/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import {
  closePage,
  openPage,
  startServedCourse,
  stopServedCourse,
} from "../helpers/served-course.ts";
import type { StaticSite } from "../../src/preview/static-server.ts";
import { watchViolations } from "../helpers/csp-violations.ts";

let browser: TestBrowser;
let site: StaticSite;
let model: CourseModel;
let out: string;

beforeAll(async () => {
  ({ browser, site, model, out } = await startServedCourse());
}, 180_000);
afterAll(() => stopServedCourse({ browser, site }));

describe("the Content Security Policy", () => {
  it("is in the head of every page of the built site, before any script or style", async () => {
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(40);
    for (const file of pages) {
      const html = await readFile(join(out, file), "utf8");
      const head = html.slice(0, html.indexOf("</head>"));
      const meta = head.indexOf('<meta http-equiv="Content-Security-Policy"');
      expect(meta, file).toBeGreaterThan(0);
      const firstScriptOrStyle = head.search(/<script|<style|<link rel="stylesheet"/);
      if (firstScriptOrStyle !== -1) expect(meta, file).toBeLessThan(firstScriptOrStyle);
      expect(head, file).toMatch(
        /default-src 'self'; script-src 'self'( 'wasm-unsafe-eval')?; object-src 'none'; base-uri 'none'; form-action 'self'/,
      );
      expect(html, file).not.toMatch(/\son[a-z]+=/i);
      expect(html, file).not.toMatch(
        /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/,
      );
      expect(html, file).not.toMatch(/\sstyle="/);
    }
  });

  // Every page of the course, in both locales, over HTTP (a search run on the search pages), is
  // checked for violations by the site test's sweep (tests/browser/site.test.ts), with this watcher.
  it("is watched on every page by the site test's sweep, and the watcher reports a violation", async () => {
    expect(model.locales).toEqual(["en", "zh-CN"]);
    const open = await openPage(browser);
    const seen = await watchViolations(open.page);
    try {
      await open.page.goto(site.url, { waitUntil: "load" });
      await open.page.waitForURL(/\/en\/index\.html$/);
      await open.page.waitForLoadState("load");
      expect(seen).toEqual([]);
      // A style attribute added by a script is refused and reported.
      await open.page.evaluate(() => document.body.setAttribute("style", "color: red"));
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]).toMatch(/style-src/);
    } finally {
      await closePage(open, site);
    }
  });

  it("lets the scripts run when the site is opened from a folder (file://)", async () => {
    const open = await openPage(browser);
    const seen = await watchViolations(open.page);
    try {
      for (const locale of model.locales) {
        const module = model.pagesByType.module.find((p) => p.locale === locale)!;
        await open.page.goto(pathToFileURL(join(out, module.url, "index.html")).href);
        // check.js shows the check buttons it enhances; they are hidden without JavaScript.
        const buttons = open.page.locator("[data-check] [data-enhance]");
        expect(await buttons.count()).toBeGreaterThan(0);
        await expect.poll(() => buttons.first().isVisible()).toBe(true);
        await open.page.goto(pathToFileURL(join(out, locale, "assess", "index.html")).href);
        // assess.js (with store.js and radar.js) shows its save and export controls.
        const controls = open.page.locator("form [data-enhance], [data-enhance]");
        expect(await controls.count()).toBeGreaterThan(0);
        await expect.poll(() => controls.first().isVisible()).toBe(true);
      }
      expect(seen).toEqual([]);
    } finally {
      await open.context.close();
    }
  }, 120_000);
});
