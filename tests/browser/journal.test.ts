import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { recordRequests, type TestBrowser } from "../helpers/browser.ts";
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
  await page.goto(`${site.url}en/reflection/`);
});
afterEach(() => closePage({ context, requests }, site));

const prompts = () => model.reflection!.prompts;
const field = (id: string) => page.locator(`textarea[data-journal="${id}"]`);
const storeKey = () => page.getAttribute("body", "data-store-key") as Promise<string>;
const stored = async () => page.evaluate((key) => localStorage.getItem(key), await storeKey());

async function download(action: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`[data-action="${action}"]`),
  ]);
  return readFile((await file.path())!, "utf8");
}

describe("the reflection journal", () => {
  it("saves an entry as it is typed; it survives a reload and closing the tab", async () => {
    const id = prompts()[0]!.id;
    await field(id).fill("I felt proud when a patient thanked me.");
    await expect.poll(() => page.locator("[data-journal-status]").textContent()).toContain("Saved");
    await page.reload();
    expect(await field(id).inputValue()).toBe("I felt proud when a patient thanked me.");
    await page.close();
    page = await context.newPage();
    requests = recordRequests(page);
    await page.goto(`${site.url}zh-CN/reflection/`);
    expect(await field(id).inputValue()).toBe("I felt proud when a patient thanked me.");
  });

  it("exports a readable, dated Markdown file with the prompts and answers", async () => {
    const [first, second] = prompts();
    await field(first!.id).fill("Answer one.");
    await field(second!.id).fill("Answer two,\non two lines.");
    const text = await download("export-md");
    const today = new Date().toISOString().slice(0, 10);
    expect(text).toContain(`# My reflection journal: ${model.settings.title.en}`);
    expect(text).toContain(`Exported on ${today}.`);
    expect(text).toContain(`> ${first!.text.en}`);
    expect(text).toContain("Answer one.");
    expect(text).toContain("Answer two,\non two lines.");
    expect(text).toContain(`_Last edited: ${today}_`);
    expect(text).not.toContain(prompts()[5]!.text.en);
  });

  it("exports JSON that imports on a clean device", async () => {
    const id = prompts()[2]!.id;
    await field(id).fill("Kept in a backup.");
    await expect.poll(stored).toContain("Kept in a backup.");
    const backup = await download("export-json");
    const file = join(await tempDir("journal-"), "backup.json");
    await writeFile(file, backup);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    expect(await field(id).inputValue()).toBe("");
    await page.setInputFiles("#journal-import", file);
    await expect.poll(() => field(id).inputValue()).toBe("Kept in a backup.");
    expect(await page.locator("[data-journal-status]").textContent()).toBe(
      "Entries restored from the backup: 1.",
    );
    await page.reload();
    expect(await field(id).inputValue()).toBe("Kept in a backup.");
  });

  it("refuses a corrupt or foreign import with a message and changes nothing", async () => {
    const id = prompts()[0]!.id;
    await field(id).fill("Still here.");
    await expect.poll(stored).toContain("Still here.");
    const before = await stored();
    const dir = await tempDir("journal-");
    for (const [name, content] of [
      ["broken.json", "{ this is not json"],
      ["foreign.json", JSON.stringify({ format: "something-else", data: {} })],
      [
        "other-course.json",
        JSON.stringify({
          format: "onion-course-backup",
          course: "another",
          data: { version: 2, journal: {}, assessments: [] },
        }),
      ],
    ] as const) {
      await writeFile(join(dir, name), content);
      await page.setInputFiles("#journal-import", join(dir, name));
      await expect
        .poll(() => page.locator("[data-journal-status]").textContent())
        .toContain("not a journal backup");
      expect(await stored()).toBe(before);
      expect(await field(id).inputValue()).toBe("Still here.");
      await page.evaluate(
        () => (document.querySelector("[data-journal-status]")!.textContent = ""),
      );
    }
  });

  it("deletes everything only after a confirmation", async () => {
    const id = prompts()[0]!.id;
    await field(id).fill("To be deleted.");
    await expect.poll(stored).toContain("To be deleted.");
    page.once("dialog", (d) => void d.dismiss());
    await page.click('[data-action="delete-all"]');
    expect(await stored()).toContain("To be deleted.");
    page.once("dialog", (d) => void d.accept());
    await page.click('[data-action="delete-all"]');
    await expect.poll(stored).toBeNull();
    expect(await field(id).inputValue()).toBe("");
  });

  it("migrates entries saved in the earlier storage format", async () => {
    const id = prompts()[1]!.id;
    const key = await storeKey();
    await page.evaluate(
      ([k, i]) =>
        localStorage.setItem(
          k!,
          JSON.stringify({ version: 1, journal: { [i!]: "From the old site." } }),
        ),
      [key, id],
    );
    await page.reload();
    expect(await field(id).inputValue()).toBe("From the old site.");
    await field(id).fill("From the old site, edited.");
    await expect.poll(async () => JSON.parse((await stored())!).version).toBe(2);
  });

  it("leaves unreadable stored data untouched and says so", async () => {
    const key = await storeKey();
    await page.evaluate((k) => localStorage.setItem(k, "{corrupt"), key);
    await page.reload();
    expect(await page.locator("[data-journal-status]").textContent()).toContain(
      "could not be read",
    );
    await field(prompts()[0]!.id).fill("typing");
    await page.waitForTimeout(500);
    expect(await stored()).toBe("{corrupt");
  });

  it("prints the learner's answers when JavaScript is on", async () => {
    const id = prompts()[0]!.id;
    await field(id).fill("Printed answer.");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(`#${id} [data-answer-print]`).isVisible()).toBe(true);
    expect(await page.locator(`#${id} [data-answer-print]`).textContent()).toBe("Printed answer.");
    expect(await field(id).isVisible()).toBe(false);
    expect(await page.locator(".site-nav").isVisible()).toBe(false);
  });
});

describe("without JavaScript", () => {
  it("is a printable worksheet with every prompt and space to write", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    for (const locale of model.locales) {
      await p.goto(`${site.url}${locale}/reflection/`);
      const texts = await p.locator(".prompt__text").allTextContents();
      expect(texts).toEqual(prompts().map((x) => expect.stringContaining(x.text[locale]!)));
      expect(await p.locator(".write-space:visible").count()).toBe(prompts().length);
      expect(await p.locator("textarea:visible").count()).toBe(0);
      expect(await p.locator("[data-journal-tools]").count()).toBe(1);
      expect(await p.locator("[data-journal-tools]").isHidden()).toBe(true);
    }
    await noJs.close();
  });
});
