import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../tests/helpers/browser.ts";
import { serveSite } from "../tests/helpers/static-server.ts";
const dir = process.argv[2]!;
function walk(d: string, out: string[] = []) {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) { if (f !== "pagefind") walk(p, out); }
    else if (f.endsWith(".html")) out.push(p.slice(dir.length + 1));
  }
  return out;
}
const site = await serveSite(dir);
const b = await launchBrowser();
const page = await b.newPage({ viewport: { width: 360, height: 740 } });
for (const path of walk(dir).filter((p) => p.includes("/"))) {
  await page.goto(site.url + path);
  const r = await page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - innerWidth;
    const wide = [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest(".table-wrap")).slice(0, 3).map((e) => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right));
    const small = [...document.querySelectorAll("a[href], button, input, select, summary, textarea")].filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.height < 24 || r.width < 24) && getComputedStyle(e).display !== "inline"; }).slice(0, 4).map((e) => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().width) + "x" + Math.round(e.getBoundingClientRect().height));
    return { overflow, wide, small };
  });
  if (r.overflow > 0 || r.small.length) console.log(path, JSON.stringify(r));
}
await b.close(); await site.close();
