import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";
import { axeViolations, launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { tempDir } from "../helpers/paths.ts";

// The helper every page sweep relies on: it must find what axe-core finds, in the page and in its
// frames, however often it runs on the same page or in the same tab.

let browser: TestBrowser;
let site: StaticSite;

const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>axe check</title></head>`;

beforeAll(async () => {
  const dir = await tempDir("axe-helper-");
  await writeFile(
    join(dir, "clean.html"),
    `${head}<body><main><h1>Clean</h1><p>Text.</p></main></body></html>`,
  );
  await writeFile(
    join(dir, "frame.html"),
    `${head}<body><main><h1>Frame</h1><button id="unnamed"></button></main></body></html>`,
  );
  await writeFile(
    join(dir, "faulty.html"),
    `${head}<body><main><h1>Faulty</h1>
      <img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <p id="faint" style="color:#aaa;background:#fff">Faint text</p>
      <iframe id="inner" title="Inner page" src="frame.html"></iframe>
    </main></body></html>`,
  );
  site = await serveSite(dir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("axeViolations", () => {
  it("reports each violated rule with its elements, inside a frame too, and nothing on a clean page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}faulty.html`);
    await page.frameLocator("#inner").locator("#unnamed").waitFor({ state: "attached" });
    const faulty = await axeViolations(page);
    expect(faulty.map((v) => v.split(":")[0]).sort()).toEqual([
      "button-name",
      "color-contrast",
      "image-alt",
    ]);
    expect(faulty.find((v) => v.startsWith("image-alt"))).toContain("#no-alt");
    expect(faulty.find((v) => v.startsWith("color-contrast"))).toContain("#faint");
    expect(faulty.find((v) => v.startsWith("button-name"))).toContain("#inner #unnamed");
    // Run again on the same page (axe already injected), then on another page in the same tab.
    expect(await axeViolations(page)).toEqual(faulty);
    await page.goto(`${site.url}clean.html`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
