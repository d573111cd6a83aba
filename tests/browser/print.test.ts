import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { renderPdfs } from "../../src/print/render-pdfs.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { buildInTemp } from "../helpers/build.ts";

let out: string;
let model: CourseModel;
let browser: Browser;
let pdfs: string[];

beforeAll(async () => {
  ({ out, model } = await buildInTemp());
  browser = await launchBrowser();
  pdfs = (await renderPdfs({ siteDir: out, log: () => {} })).files;
});
afterAll(async () => {
  await browser?.close();
});

const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
const first = () => model.modules[0]!.competencyId;

describe("facilitator guides in print", () => {
  it("print media hides navigation and chrome on guides and the handbook", async () => {
    const page = await browser.newPage();
    const chrome = [".site-nav", ".lang-switch", ".skip-link", ".site-footer"];
    for (const [path, selectors] of [
      [`en/facilitators/${first()}/index.html`, [...chrome, ".breadcrumb"]],
      ["zh-CN/facilitators/handbook/index.html", chrome],
    ] as const) {
      await page.goto(`file://${join(out, path)}`);
      await page.emulateMedia({ media: "print" });
      for (const selector of selectors) {
        // Present on the page (so the check is not vacuous), and hidden in print.
        expect(await page.locator(selector).count(), `${path} ${selector}`).toBe(1);
        expect(await page.locator(selector).isVisible(), `${path} ${selector}`).toBe(false);
      }
      expect(await page.locator("h1").isVisible()).toBe(true);
    }
    await page.close();
  });

  it("renders a PDF per guide and a handbook per locale, beside their pages", () => {
    expect(pdfs).toHaveLength(model.locales.length * (model.modules.length + 1));
    for (const locale of model.locales)
      expect(
        existsSync(join(out, locale, "facilitators", "handbook", `handbook-${locale}.pdf`)),
      ).toBe(true);
  });

  it("the English guide PDF has pages, the session plan, the answer key and page numbers", () => {
    const file = join(out, "en", "facilitators", first(), `guide-${first()}-en.pdf`);
    expect(pdfPages(file)).toBeGreaterThan(0);
    const text = pdfText(file);
    expect(text).toContain("Session plan");
    expect(text).toContain("Answer key for the knowledge check");
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain(model.modules[0]!.versions.en!.title);
  });

  it("the Chinese handbook PDF has Chinese text, every guide, and page numbers", () => {
    const file = join(out, "zh-CN", "facilitators", "handbook", "handbook-zh-CN.pdf");
    expect(pdfPages(file)).toBeGreaterThan(model.modules.length);
    const text = pdfText(file);
    expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(text).toContain("课程安排");
    for (const m of model.modules) expect(text).toContain(m.versions["zh-CN"]!.title.slice(0, 6));
    expect(text).toMatch(/第 1 页 \/ 共 \d+ 页/);
  });

  it("links the guide pages and the hub to their PDFs once they exist", async () => {
    const guide = await readFile(join(out, "en", "facilitators", first(), "index.html"), "utf8");
    expect(guide).toContain(`<a href="guide-${first()}-en.pdf" data-pdf-link>`);
    const hub = await readFile(join(out, "zh-CN", "facilitators", "index.html"), "utf8");
    expect(hub).toContain(`<a href="handbook/handbook-zh-CN.pdf" data-pdf-link>`);
    expect(hub).not.toMatch(/hidden data-pdf-link/);
  });

  it("fails with a clear message when Chromium is missing, and when there is no built site", async () => {
    await expect(
      renderPdfs({ siteDir: out, chromiumPath: "/nonexistent/chromium", log: () => {} }),
    ).rejects.toThrow(/Chromium was not found at \/nonexistent\/chromium\. Install it/);
    await expect(renderPdfs({ siteDir: join(out, "nothing-here"), log: () => {} })).rejects.toThrow(
      /There is no built site/,
    );
  });
});

describe("a machine without a CJK font", () => {
  it("is refused before printing Chinese guides, with the package to install", async () => {
    // Without fontconfig's fc-list on the PATH no font can be found, as on a machine with no CJK font.
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(renderPdfs({ siteDir: out, log: () => {} })).rejects.toThrow(
        /No Chinese, Japanese or Korean font is installed.*fonts-noto-cjk/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});

describe("running the PDF command again", () => {
  it("prints the same guides again over the previous PDFs", async () => {
    const again = await renderPdfs({ siteDir: out, log: () => {} });
    expect(again.files.sort()).toEqual([...pdfs].sort());
  });
});
