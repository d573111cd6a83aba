import type { Page } from "playwright-core";
import type { PageRecord } from "../../src/course/model.ts";
import { axeViolations, recordRequests, type TestBrowser } from "./browser.ts";
import { headerProblems, phonePageProblems } from "./phone-layout.ts";

/** What one pass over a course found, by check; each line names the page. */
export interface SweepFindings {
  /** At 360 px: sideways scrolling, small tap targets, a long page without contents. */
  phone: string[];
  /** At 390 px: the header's height and parts. */
  header: string[];
  /**
   * On a desktop window, of the audited pages: axe-core and `audit`; of every page: `lang` and the
   * requests outside the site.
   */
  desktop: string[];
  /** The pages axe-core ran on. */
  audited: string[];
}

export interface SweepOptions {
  /** The header parts the course has. */
  header: { search: boolean; languages: boolean };
  /** The pages also checked on a desktop window (1280 × 720); every page when left out. */
  audited?: (p: PageRecord) => boolean;
  /** More checks of a page at 390 px (e.g. the footer's title). */
  narrow?: (page: Page, p: PageRecord) => Promise<string[]>;
  /** More checks of an audited page on the desktop window, after axe-core. */
  audit?: (page: Page, p: PageRecord) => Promise<string[]>;
}

/**
 * Every page of a served course, each opened once in one tab (which keeps its renderer, with
 * axe-core compiled already): at 360 px for what a phone shows, widened to 390 px for the header,
 * and for the audited pages widened to 1280 × 720 for axe-core; `lang` and the requests each page
 * made are checked on all. Service workers are blocked: otherwise the first visit would install
 * the offline worker and download the whole site.
 */
export async function sweepCourse(
  browser: TestBrowser,
  siteUrl: string,
  pages: readonly PageRecord[],
  options: SweepOptions,
): Promise<SweepFindings> {
  const found: SweepFindings = { phone: [], header: [], desktop: [], audited: [] };
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    serviceWorkers: "block",
  });
  try {
    const page = await context.newPage();
    const requests = recordRequests(page);
    for (const p of pages) {
      requests.length = 0;
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(siteUrl + p.url.slice(1));
      await page.waitForLoadState("load");
      for (const x of await phonePageProblems(page)) found.phone.push(`${p.url} at 360 px: ${x}`);
      await page.setViewportSize({ width: 390, height: 844 });
      for (const x of await headerProblems(page, options.header))
        found.header.push(`${p.url} at 390 px: ${x}`);
      for (const x of (await options.narrow?.(page, p)) ?? []) found.header.push(`${p.url}: ${x}`);
      if (!options.audited || options.audited(p)) {
        await page.setViewportSize({ width: 1280, height: 720 });
        for (const v of await axeViolations(page)) found.desktop.push(`${p.url}: ${v}`);
        found.audited.push(p.url);
        for (const x of (await options.audit?.(page, p)) ?? [])
          found.desktop.push(`${p.url}: ${x}`);
      }
      // Of every page, audited or not.
      if ((await page.getAttribute("html", "lang")) !== p.locale)
        found.desktop.push(`${p.url}: lang is not ${p.locale}`);
      for (const r of requests)
        if (!r.startsWith(siteUrl)) found.desktop.push(`${p.url}: request to ${r}`);
    }
  } finally {
    await context.close();
  }
  return found;
}

/** The first page of each type in each locale: what a check of every page type visits. */
export function firstOfEachType(pages: readonly PageRecord[]): (p: PageRecord) => boolean {
  const first = new Set<PageRecord>();
  const seen = new Set<string>();
  for (const p of pages) {
    const key = `${p.locale} ${p.type}`;
    if (!seen.has(key)) first.add(p);
    seen.add(key);
  }
  return (p) => first.has(p);
}
