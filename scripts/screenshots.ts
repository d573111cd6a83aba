// npm run screenshots [-- --out <folder>]: builds the default course (or --course) into a temporary
// folder, serves it on loopback and writes phone (360 px) and desktop (1280 px) PNGs of one page of
// every page type in every locale, so anyone can review the design at a glance. Not part of npm test.
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../src/build/build-site.ts";
import { launchBrowser } from "../tests/helpers/browser.ts";
import { serveSite } from "../tests/helpers/static-server.ts";

const VIEWPORTS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

async function takeScreenshots(): Promise<void> {
  const { values } = parseArgs({
    options: {
      course: { type: "string", default: "." },
      out: { type: "string", default: "screenshots" },
      "full-page": { type: "boolean", default: false },
    },
  });
  const out = resolve(values.out);
  await mkdir(out, { recursive: true });
  const siteDir = join(await mkdtemp(join(tmpdir(), "screenshots-site-")), "site");
  const { model } = await buildSite({
    courseDir: resolve(values.course),
    outputDir: siteDir,
    strict: false,
    search: true,
  });
  const site = await serveSite(siteDir);
  const browser = await launchBrowser();
  let written = 0;
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
      });
      const page = await context.newPage();
      for (const pages of Object.values(model.pagesByType))
        for (const locale of model.locales) {
          const record = pages.find((p) => p.locale === locale);
          if (!record) continue;
          await page.goto(site.url + record.url.slice(1));
          await page.waitForLoadState("load");
          const file = join(out, `${record.type}-${locale}-${viewport.name}.png`);
          await page.screenshot({ path: file, fullPage: values["full-page"] });
          written++;
        }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`Wrote ${written} screenshots into ${out}/`);
}

await takeScreenshots();
