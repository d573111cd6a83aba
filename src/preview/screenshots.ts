import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSite } from "../build/build-site.ts";
import { assertChromium, chromiumPath, launchChromium } from "../browser/chromium.ts";
import { serveSite } from "./static-server.ts";

const VIEWPORTS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

export interface ScreenshotOptions {
  courseDir: string;
  /** The folder the PNGs are written to (created if missing). */
  outDir: string;
  fullPage?: boolean;
}

/**
 * Builds the course into a temporary folder, serves it on loopback and writes phone (360 px) and
 * desktop (1280 px) PNGs of one page of every page type in every locale, so anyone can review the
 * design at a glance. Returns how many it wrote.
 */
export async function takeScreenshots(options: ScreenshotOptions): Promise<number> {
  const executablePath = chromiumPath();
  assertChromium(executablePath);
  const out = resolve(options.outDir);
  await mkdir(out, { recursive: true });
  const temp = await mkdtemp(join(tmpdir(), "screenshots-site-"));
  const siteDir = join(temp, "site");
  const { model } = await buildSite({
    courseDir: resolve(options.courseDir),
    outputDir: siteDir,
    strict: false,
    search: true,
  });
  const site = await serveSite(siteDir);
  const browser = await launchChromium(executablePath);
  let written = 0;
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        serviceWorkers: "block",
      });
      const page = await context.newPage();
      for (const pages of Object.values(model.pagesByType))
        for (const locale of model.locales) {
          const record = pages.find((p) => p.locale === locale);
          if (!record) continue;
          await page.goto(site.url + record.url.slice(1));
          await page.waitForLoadState("load");
          const file = join(out, `${record.type}-${locale}-${viewport.name}.png`);
          await page.screenshot({ path: file, fullPage: options.fullPage });
          written++;
        }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
    await rm(temp, { recursive: true, force: true });
  }
  return written;
}
