import { launchBrowser } from "./helpers/browser.ts";
import { serveSite } from "./helpers/static-server.ts";
const site = await serveSite("/tmp/harness");
const browser = await launchBrowser();
const page = await browser.newPage();
page.on("console", (m) => console.log("console:", m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
for (const v of ["1.2", "2004"]) {
  await page.goto(site.url + "index.html");
  await page.evaluate((v) => {
    const w = window as any;
    const api = v === "1.2" ? new w.Scorm12API({ logLevel: 5 }) : new w.Scorm2004API({ logLevel: 5 });
    w[v === "1.2" ? "API" : "API_1484_11"] = api;
    w.lmsApi = api;
    const f = document.createElement("iframe");
    f.src = (v === "1.2" ? "pkg12/" : "pkg2004/") + "en/modules/information-literacy/index.html";
    f.width = "800"; f.height = "600";
    document.body.append(f);
  }, v);
  const frame = page.frameLocator("iframe");
  await frame.locator("#check-1-o1").check();
  await frame.locator('#check-1 [data-action="check"]').click();
  await frame.locator('#check-1 [data-action="retry"]').click();
  await frame.locator("#check-1-o2").check();
  await frame.locator('#check-1 [data-action="check"]').click();
  const f = page.frames()[1]!;
  await f.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(300);
  await page.evaluate(() => { (document.querySelector("iframe") as HTMLIFrameElement).src = "about:blank"; });
  await page.waitForTimeout(300);
  console.log(v, JSON.stringify(await page.evaluate(() => (window as any).lmsApi.renderCommitCMI(true)), null, 1).slice(0, 4000));
  console.log(await page.evaluate(() => [(window as any).lmsApi.currentState, (window as any).lmsApi.lastErrorCode]));
}
await browser.close(); await site.close();
