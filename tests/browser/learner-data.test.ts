import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { recordRequests, type TestBrowser } from "../helpers/browser.ts";
import {
  closePage,
  openPage,
  startServedCourse,
  stopServedCourse,
  type OpenPage,
} from "../helpers/served-course.ts";
import type { StaticSite } from "../../src/preview/static-server.ts";

let browser: TestBrowser;
let site: StaticSite;
let model: CourseModel;
let open: OpenPage;

beforeAll(async () => {
  ({ browser, site, model } = await startServedCourse());
}, 180_000);
afterAll(() => stopServedCourse({ browser, site }));
beforeEach(async () => {
  open = await openPage(browser);
});
afterEach(() => closePage(open, site));

const FULL = /storage for the site is full\. Everything saved before is kept/;
const TOO_LARGE = /too large to be a backup of this course/;

const promptIds = () => model.reflection!.prompts.map((p) => p.id);
const assessed = () => model.competencies.filter((e) => e.layer.assessed);
const levels = () => model.framework.scale.levels.map((l) => l.id);
const field = (page: Page, id: string) => page.locator(`textarea[data-journal="${id}"]`);
const storeKey = (page: Page) => page.getAttribute("body", "data-store-key") as Promise<string>;
async function stored(
  page: Page,
): Promise<{ journal: Record<string, { text: string }>; assessments: unknown[] } | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), await storeKey(page));
  return text === null ? null : JSON.parse(text);
}

/** A second tab of the same browser profile (same storage), recording its requests too. */
async function secondTab(url: string): Promise<Page> {
  const page = await open.context.newPage();
  open.requests.push(...recordRequests(page));
  await page.goto(url);
  return page;
}

/** Fills the site's real localStorage quota with another key until the browser refuses more. */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    let filler = "";
    while (chunk.length > 0) {
      try {
        localStorage.setItem("filler", filler + chunk);
        filler += chunk;
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
    return filler.length;
  });
}

async function assess(page: Page, level: string) {
  for (const e of assessed())
    await page.check(`input[name="${e.competency.id}"][value="${level}"]`);
  await page.click(".assess-actions button[type=submit]");
}

/** A file over the import limit, with content that would otherwise be a valid backup start. */
const oversized = () => ({
  name: "backup.json",
  mimeType: "application/json",
  buffer: Buffer.from(`{"format":"onion-course-backup","pad":"${"x".repeat(1_100_000)}"}`),
});

describe("the journal keeps what was saved", () => {
  it("says so when the storage is full, and keeps the earlier entry", async () => {
    const { page } = open;
    await page.goto(`${site.url}en/reflection/`);
    const [first, second] = promptIds();
    await field(page, first!).fill("Saved before the storage filled up.");
    await expect
      .poll(async () => (await stored(page))?.journal[first!]?.text)
      .toBe("Saved before the storage filled up.");
    expect(await fillStorage(page)).toBeGreaterThan(1_000_000);
    await field(page, second!).fill("This does not fit any more.");
    await expect.poll(() => page.locator("[data-journal-status]").textContent()).toMatch(FULL);
    const after = await stored(page);
    expect(after!.journal[first!]!.text).toBe("Saved before the storage filled up.");
    expect(after!.journal[second!]).toBeUndefined();
    expect(await field(page, second!).inputValue()).toBe("This does not fit any more.");
    await page.evaluate(() => localStorage.removeItem("filler"));
  });

  it("never lets an older tab overwrite newer text, nor another page's assessments", async () => {
    const a = open.page;
    await a.goto(`${site.url}en/reflection/`);
    const b = await secondTab(`${site.url}en/reflection/`);
    const c = await secondTab(`${site.url}en/assess/`);
    const [first, second] = promptIds();
    await field(a, first!).fill("Old text, typed in tab A.");
    await expect.poll(() => field(b, first!).inputValue()).toBe("Old text, typed in tab A.");
    await field(b, first!).fill("Newer text, typed in tab B.");
    await expect.poll(() => field(a, first!).inputValue()).toBe("Newer text, typed in tab B.");
    await assess(c, levels()[0]!);
    await expect.poll(async () => (await stored(c))?.assessments.length).toBe(1);
    // Tab A saves again, for another prompt: B's newer text and C's assessment stay.
    await field(a, second!).fill("Another answer, from tab A.");
    await expect
      .poll(async () => (await stored(a))?.journal[second!]?.text)
      .toBe("Another answer, from tab A.");
    const data = await stored(a);
    expect(data!.journal[first!]!.text).toBe("Newer text, typed in tab B.");
    expect(data!.assessments).toHaveLength(1);
    expect(await field(b, second!).inputValue()).toBe("Another answer, from tab A.");
  });

  it("refuses an import over the size limit with a message and changes nothing", async () => {
    const { page } = open;
    await page.goto(`${site.url}zh-CN/reflection/`);
    const [first] = promptIds();
    await field(page, first!).fill("仍然保留。");
    await expect.poll(async () => (await stored(page))?.journal[first!]?.text).toBe("仍然保留。");
    const before = await stored(page);
    await page.setInputFiles("#journal-import", oversized());
    await expect
      .poll(() => page.locator("[data-journal-status]").textContent())
      .toContain("该文件过大");
    expect(await stored(page)).toEqual(before);
  });
});

describe("the self-assessment keeps what was saved", () => {
  it("says so when the storage is full, and keeps the earlier assessment", async () => {
    const { page } = open;
    await page.goto(`${site.url}en/assess/`);
    await assess(page, levels()[0]!);
    await expect.poll(async () => (await stored(page))?.assessments.length).toBe(1);
    const before = await stored(page);
    await fillStorage(page);
    await assess(page, levels()[1]!);
    await expect.poll(() => page.locator("[data-assess-status]").textContent()).toMatch(FULL);
    expect(await stored(page)).toEqual(before);
    await page.evaluate(() => localStorage.removeItem("filler"));
  });

  it("keeps the assessments of two tabs, saved one after the other", async () => {
    const a = open.page;
    await a.goto(`${site.url}en/assess/`);
    const b = await secondTab(`${site.url}zh-CN/assess/`);
    // The learner works in the tab in front: Chromium pauses animation frames in a tab behind
    // another, and clicking there waits for them.
    await a.bringToFront();
    await assess(a, levels()[0]!);
    await expect.poll(async () => (await stored(a))?.assessments.length).toBe(1);
    await b.bringToFront();
    await assess(b, levels()[1]!);
    await expect.poll(async () => (await stored(b))?.assessments.length).toBe(2);
    // Tab A learns of B's assessment and can compare with it.
    await expect.poll(() => a.locator("[data-assess-compare] option").count()).toBe(2);
  });

  it("refuses an import over the size limit with a message and changes nothing", async () => {
    const { page } = open;
    await page.goto(`${site.url}en/assess/`);
    await assess(page, levels()[0]!);
    await expect.poll(async () => (await stored(page))?.assessments.length).toBe(1);
    const before = await stored(page);
    await page.setInputFiles("#assess-import", oversized());
    await expect.poll(() => page.locator("[data-assess-status]").textContent()).toMatch(TOO_LARGE);
    expect(await stored(page)).toEqual(before);
  });
});
