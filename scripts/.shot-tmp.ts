import { launchBrowser } from "../tests/helpers/browser.ts";
import { serveSite } from "../tests/helpers/static-server.ts";
const [dir, out, ...specs] = process.argv.slice(2);
const site = await serveSite(dir!);
const b = await launchBrowser();
for (const spec of specs) {
  const [path, w, full, h] = spec.split(",");
  const page = await b.newPage({ viewport: { width: Number(w), height: Number(h ?? 800) } });
  await page.goto(site.url + path);
  const name = `${out}/${path.replace(/[\/.?=#]/g, "_")}-${w}.png`;
  await page.screenshot({ path: name, fullPage: full === "full" });
  const info = await page.evaluate(() => ({
    header: document.querySelector(".site-header")?.getBoundingClientRect().height,
    overflow: document.documentElement.scrollWidth - innerWidth,
  }));
  console.log(name, JSON.stringify(info));
  await page.close();
}
await b.close();
await site.close();
