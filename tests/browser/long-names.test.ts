import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseModel, PageRecord } from "../../src/course/model.ts";
import { launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { buildInTemp } from "../helpers/build.ts";
import { onionLabelProblems } from "../helpers/onion.ts";
import { fixture } from "../helpers/paths.ts";
import { firstOfEachType, sweepCourse, type SweepFindings } from "../helpers/course-sweep.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";

// A course the other tests never see (issue 33): five layers, en, fr and zh-CN, layer names too long
// for one line of their ring, competencies in the core, a 90-character title and no shortTitle.
let browser: TestBrowser;
let site: StaticSite;
let model: CourseModel;

beforeAll(async () => {
  const built = await buildInTemp(fixture("long-names"));
  model = built.model;
  site = await serveSite(built.out);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const url = (p: PageRecord) => site.url + p.url.slice(1);

describe("the long-names fixture", () => {
  it("has what the tests below need: five layers, long names, competencies in the core, 90-character titles", () => {
    expect(model.framework.layers).toHaveLength(5);
    expect(model.framework.layers[0]!.competencies.length).toBeGreaterThanOrEqual(3);
    expect(model.settings.shortTitle).toBeUndefined();
    for (const locale of model.locales) expect([...model.settings.title[locale]!]).toHaveLength(90);
  });
});

describe("the onion of a course with long layer names", () => {
  it("names and links every layer and competency, core included, labels inside their arcs, at 360 px and on a desktop", async () => {
    const pages = model.pages.filter((p) => p.type === "home" || p.type === "framework");
    expect(pages).toHaveLength(2 * model.locales.length);
    const failures: string[] = [];
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(url(p));
        const onion = page.locator("svg.onion");
        const where = `${p.url} at ${width} px`;
        // Every name in full as the link's accessible name (its text, or its <title> when cut),
        // linked to the layer's or the competency's page.
        for (const layer of model.framework.layers) {
          const base = `/${p.locale}/framework/${layer.id}/`;
          const names = [[layer.title[p.locale]!, base]].concat(
            layer.competencies.map((c) => [c.title[p.locale]!, `${base}${c.id}/`]),
          );
          for (const [name, path] of names) {
            const link = onion.getByRole("link", { name: name!, exact: true });
            if ((await link.count()) !== 1) {
              failures.push(`${where}: no link named "${name}"`);
              continue;
            }
            const target = new URL((await link.getAttribute("href"))!, page.url()).pathname;
            if (target !== `${path}index.html`)
              failures.push(`${where}: "${name}" leads to ${target}`);
          }
        }
        const { measured, problems } = await onionLabelProblems(page);
        // Every layer's and competency's label drawn (a crowded ring would leave its competencies out).
        const labels = model.competencies.length + model.framework.layers.length;
        if (measured < labels)
          failures.push(`${where}: ${measured} labels measured, not ${labels}`);
        failures.push(...problems.map((x) => `${where}: ${x}`));
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe("every page of a course with a 90-character title and no shortTitle", () => {
  /** Every page, opened once: phone, header and footer checks, and axe-core on one page of each type. */
  let sweep: Promise<SweepFindings> | undefined;
  const sweepPages = () =>
    (sweep ??= sweepCourse(browser, site.url, model.pages, {
      header: { search: false, languages: true },
      audited: firstOfEachType(model.pages),
      narrow: async (page, p) => {
        const footer = await page.locator(".site-footer__course").textContent();
        return footer === model.settings.title[p.locale] ? [] : [`footer title "${footer}"`];
      },
    }));

  it("fits a 360 px phone (24 px targets, no sideways scroll, contents on long pages) and keeps its header within 96 px at 390 px, the full title in the footer", async () => {
    const { phone, header } = await sweepPages();
    expect([...phone, ...header]).toEqual([]);
  }, 300_000);

  it("every page type in every locale is axe-core clean", async () => {
    const types = new Set(model.pages.map((p) => `${p.locale} ${p.type}`));
    expect(types.size).toBeGreaterThan(model.locales.length * 10);
    const { desktop, audited } = await sweepPages();
    expect(audited).toHaveLength(types.size);
    expect(desktop).toEqual([]);
  }, 300_000);
});
