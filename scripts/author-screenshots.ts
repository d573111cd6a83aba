/**
 * Screenshots of the course editor for the README (docs/author-*.png): the module editor with its
 * preview and the framework form, at 1280 and 768 px, on a scratch copy of the default course.
 * Run: npx tsx scripts/author-screenshots.ts [--out docs] [--course <dir>]
 */
import { cp, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium, chromiumPath } from "../src/browser/chromium.ts";
import { startAuthorServer } from "../src/author/server.ts";

const { values } = parseArgs({
  options: { out: { type: "string", default: "docs" }, course: { type: "string", default: "." } },
});
const scratch = await mkdtemp(join(tmpdir(), "author-shots-"));
for (const entry of ["framework", "modules", "pages", "i18n", "package.json"])
  if (await stat(join(values.course, entry)).catch(() => undefined))
    await cp(join(values.course, entry), join(scratch, entry), { recursive: true });
const server = await startAuthorServer({ courseDir: scratch });
const browser = await launchChromium(chromiumPath(), true);
await mkdir(values.out, { recursive: true });
try {
  for (const width of [1280, 768]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const module = "modules/digital-skills/en.md";
    await page.goto(`${server.url}&file=${encodeURIComponent(module)}`);
    await page.locator(".preview iframe[src^='/preview/']").waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: resolve(values.out, `author-module-${width}.png`) });
    await page.goto(`${server.url}&file=${encodeURIComponent("framework/framework.yaml")}`);
    await page.locator(".preview iframe[src^='/preview/']").waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: resolve(values.out, `author-framework-${width}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(scratch, { recursive: true, force: true });
}
console.log(`Wrote author-module-*.png and author-framework-*.png into ${values.out}/`);
