// SCORM packages in a real SCORM runtime: scorm-again (1.2 and 2004) plays the LMS in a harness page
// and the unzipped package runs in an iframe, as an LMS player shows it.
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageCourse } from "../../src/export/package-course.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { launchBrowser, recordRequests, type TestBrowser } from "../helpers/browser.ts";
import { buildInTemp } from "../helpers/build.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { copyCourse, editFile } from "../helpers/courses.ts";
import { fixture, REPO_DIR, tempDir } from "../helpers/paths.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";

type Version = "1.2" | "2004";
const MODULE = "information-literacy";

let browser: TestBrowser;
let server: StaticSite;
let model: CourseModel;
let root: string;

const HARNESS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title>
<script src="scorm12.js"></script><script src="scorm2004.js"></script>
<script src="harness.js"></script></head><body><h1>LMS harness</h1></body></html>`;

// Installs a fresh scorm-again API (with stored data, if any) and opens the package in an iframe.
const HARNESS_JS = `window.startLms = function (version, launch, stored, broken) {
  // A broken LMS: its server refuses every commit (the harness serves no /lms-commit).
  var settings = broken ? { logLevel: 5, lmsCommitUrl: "/lms-commit" } : { logLevel: 5 };
  var api = version === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (stored) api.loadFromJSON(stored);
  window.calls = 0;
  ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish", "Initialize", "GetValue", "SetValue", "Commit", "Terminate"].forEach(function (name) {
    if (typeof api[name] !== "function") return;
    var original = api[name].bind(api);
    api[name] = function () { window.calls++; return original.apply(null, arguments); };
  });
  window[version === "1.2" ? "API" : "API_1484_11"] = api;
  window.lms = api;
  var frame = document.createElement("iframe");
  frame.title = "Module";
  frame.width = "900";
  frame.height = "700";
  frame.src = launch;
  document.body.appendChild(frame);
};`;

async function unzipInto(zipFile: string, dir: string): Promise<void> {
  const files = unzipSync(await readFile(zipFile));
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), data);
  }
}

/** Builds and packages a course, unzipping its module's packages into `<root>/<prefix>12|2004/`. */
async function preparePackages(courseDir: string, prefix: string): Promise<CourseModel> {
  // The default course's build is the run's shared one; other courses are built here.
  const shared = courseDir === REPO_DIR;
  const built = shared ? await sharedBuild("default") : await buildInTemp(courseDir);
  const dist = join(await tempDir("scorm-browser-dist-"), "dist");
  await packageCourse({ courseDir, siteDir: built.out, outDir: dist, log: () => {} });
  await unzipInto(join(dist, `${MODULE}-scorm12.zip`), join(root, `${prefix}12`));
  await unzipInto(join(dist, `${MODULE}-scorm2004.zip`), join(root, `${prefix}2004`));
  if (!shared) await rm(join(built.out, ".."), { recursive: true, force: true });
  await rm(join(dist, ".."), { recursive: true, force: true });
  return built.model;
}

beforeAll(async () => {
  root = await tempDir("scorm-harness-");
  // scorm-again's browser bundles (classic scripts defining Scorm12API and Scorm2004API).
  const require = createRequire(import.meta.url);
  for (const name of ["scorm12", "scorm2004"])
    await copyFile(require.resolve(`scorm-again/${name}`), join(root, `${name}.js`));
  await writeFile(join(root, "index.html"), HARNESS);
  await writeFile(join(root, "harness.js"), HARNESS_JS);
  await writeFile(join(root, "404.html"), "<!doctype html><title>Not found</title>");
  model = await preparePackages(REPO_DIR, "pkg");
  const strict = await copyCourse(fixture("module-base"));
  await editFile(
    strict,
    "framework/course.yaml",
    (t) => `${t}\nlms:\n  completion: passed\n  masteryScore: 100\n`,
  );
  await preparePackages(strict, "passed");
  await rm(strict, { recursive: true, force: true });
  server = await serveSite(root);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const folder = (prefix: string, v: Version) => `${prefix}${v === "1.2" ? "12" : "2004"}`;

async function launch(
  page: Page,
  v: Version,
  options: { prefix?: string; stored?: unknown; broken?: boolean; locale?: string } = {},
): Promise<Frame> {
  await page.goto(`${server.url}index.html`);
  // The manifest launches the package's launch page, which shows the module page in a frame.
  const launchPath = `${folder(options.prefix ?? "pkg", v)}/launch/${MODULE}.html`;
  await page.evaluate(
    ([v, launchPath, stored, broken]) =>
      (window as unknown as { startLms: (...a: unknown[]) => void }).startLms(
        v,
        launchPath,
        stored,
        broken,
      ),
    [v, launchPath, options.stored ?? null, options.broken ?? false] as const,
  );
  // The launch page opens the module in the language the learner last chose (kept with the answers).
  return moduleFrame(page, options.locale ?? "en");
}

/** The frame showing the module page in `locale`, loaded. */
async function moduleFrame(page: Page, locale: string): Promise<Frame> {
  const pattern = `/${locale}/modules/${MODULE}/index.html`;
  await expect
    .poll(() => page.frames().some((f) => f.url().endsWith(pattern)), { timeout: 5000 })
    .toBe(true);
  const frame = page.frames().find((f) => f.url().endsWith(pattern))!;
  await frame.waitForFunction(() => document.readyState === "complete");
  return frame;
}

/** Closes the module as an LMS player does when the learner leaves; waits for the finish call. */
async function leave(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.querySelector("iframe")!.src = "about:blank";
  });
  await page.waitForFunction(() =>
    (window as unknown as { lms: { isTerminated(): boolean } }).lms.isTerminated(),
  );
}

type Cmi = Record<string, any>;
/** What the LMS would store: scorm-again's commit object. */
async function dataModel(page: Page): Promise<Cmi> {
  return page.evaluate(
    () =>
      (
        window as unknown as { lms: { renderCommitCMI(t: boolean): { cmi: Cmi } } }
      ).lms.renderCommitCMI(true).cmi,
  );
}

/** Chooses the options of a check (right ones, or one wrong one) and presses "Check my answer". */
async function answer(frame: Frame, checkId: string, right: boolean): Promise<string[]> {
  const options = frame.locator(`#${checkId} .check__option`);
  const chosen: string[] = [];
  const count = await options.count();
  let wrongChosen = false;
  for (let i = 0; i < count; i++) {
    const option = options.nth(i);
    const correct = (await option.getAttribute("data-correct")) === "true";
    const pick = right ? correct : !correct && !wrongChosen;
    if (!pick) continue;
    if (!right) wrongChosen = true;
    await option.locator("input").check();
    chosen.push(`o${Number(await option.locator("input").getAttribute("value")) + 1}`);
  }
  await frame.locator(`#${checkId} [data-action="check"]`).click();
  return chosen;
}

async function correctIds(frame: Frame, checkId: string): Promise<string[]> {
  return frame.$$eval(`#${checkId} .check__option[data-correct="true"] input`, (inputs) =>
    inputs.map((i) => `o${Number((i as HTMLInputElement).value) + 1}`),
  );
}

const status = (v: Version, cmi: Cmi) =>
  v === "1.2"
    ? { lesson: cmi.core.lesson_status }
    : { completion: cmi.completion_status, success: cmi.success_status };

describe.each(["1.2", "2004"] as const)("SCORM %s package in scorm-again", (v) => {
  it.each(["en", "zh-CN"])(
    "%s: checks (one wrong, then right), scroll to the end, leave; relaunch restores place and answers",
    async (locale) => {
      const page = await browser.newPage();
      const requests = recordRequests(page);
      let frame = await launch(page, v);
      if (locale !== "en") {
        await frame.locator(`a[hreflang="${locale}"]`).click();
        frame = await moduleFrame(page, locale);
      }
      expect(await frame.locator("html").getAttribute("lang")).toBe(locale);
      const checkIds = await frame.$$eval("[data-check]", (s) => s.map((e) => e.id));
      expect(checkIds.length).toBeGreaterThan(1);
      const first = checkIds[0]!;
      const wrong = await answer(frame, first, false);
      await frame.locator(`#${first} [data-action="retry"]`).click();
      await answer(frame, first, true);
      for (const id of checkIds.slice(1)) await answer(frame, id, true);
      await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction((v) => {
        const lms = (window as unknown as { lms: { cmi: Cmi } }).lms;
        return JSON.parse((v === "1.2" ? lms.cmi.core : lms.cmi).suspend_data || "{}").e === 1;
      }, v);
      const headings = await frame.$$eval("main h2[id]", (hs) => hs.map((h) => h.id));
      const firstCorrect = await correctIds(frame, first);
      await leave(page);

      const cmi = await dataModel(page);
      const n = checkIds.length;
      const percent = Math.round((1000 * (n - 1)) / n) / 10;
      const passed = percent >= model.settings.lms.masteryScore;
      const score = v === "1.2" ? cmi.core.score : cmi.score;
      expect({ raw: Number(score.raw), min: score.min, max: score.max }).toEqual({
        raw: percent,
        min: "0",
        max: "100",
      });
      if (v === "1.2") expect(status(v, cmi)).toEqual({ lesson: "completed" });
      else {
        expect(status(v, cmi)).toEqual({
          completion: "completed",
          success: passed ? "passed" : "failed",
        });
        expect(Number(cmi.score.scaled)).toBeCloseTo(percent / 100, 3);
      }
      const interactions = Object.values(cmi.interactions as Record<string, Cmi>);
      expect(interactions).toHaveLength(n + 1);
      const response = v === "1.2" ? "student_response" : "learner_response";
      const sep = v === "1.2" ? "," : "[,]";
      // 1.2 names options by one character (a, b, c …), 2004 by their ids (o1, o2 …).
      const named = (ids: string[]) =>
        v === "1.2" ? ids.map((id) => "abcdefghij".charAt(Number(id.slice(1)) - 1)) : ids;
      expect(interactions[0]).toMatchObject({
        id: `${MODULE}-${first}`,
        type: "choice",
        [response]: named(wrong).join(sep),
        result: v === "1.2" ? "wrong" : "incorrect",
      });
      expect(interactions[0]!.correct_responses["0"].pattern).toBe(named(firstCorrect).join(sep));
      expect(interactions.slice(1).map((i) => i.result)).toEqual(Array(n).fill("correct"));
      if (v === "2004") expect(interactions[0]!.description.length).toBeGreaterThan(10);
      const location = v === "1.2" ? cmi.core.lesson_location : cmi.location;
      expect(headings).toContain(location);
      expect(headings.indexOf(location)).toBeGreaterThan(headings.length / 2);
      const suspend = v === "1.2" ? cmi.suspend_data : cmi.suspend_data;
      expect(suspend.length).toBeLessThanOrEqual(v === "1.2" ? 4096 : 64000);
      expect(Object.keys(JSON.parse(suspend).c).sort()).toEqual([...checkIds].sort());
      expect(v === "1.2" ? cmi.core.session_time : cmi.session_time).toMatch(
        v === "1.2" ? /^\d{2,4}:\d{2}:\d{2}$/ : /^PT\d+H\d+M\d+S$/,
      );

      // Relaunch with what the LMS stored.
      const stored =
        v === "1.2"
          ? {
              suspend_data: suspend,
              core: {
                lesson_location: location,
                lesson_status: cmi.core.lesson_status,
                entry: "resume",
              },
            }
          : {
              suspend_data: suspend,
              location,
              completion_status: cmi.completion_status,
              entry: "resume",
            };
      frame = await launch(page, v, { stored, locale });
      await frame.waitForFunction(
        () => document.querySelectorAll("[data-check].is-right").length > 0,
      );
      expect(await frame.locator("[data-check].is-right").count()).toBe(n);
      for (const id of checkIds) {
        const chosen = await frame.$$eval(`#${id} input:checked`, (inputs) =>
          inputs.map((i) => `o${Number((i as HTMLInputElement).value) + 1}`),
        );
        expect(chosen, id).toEqual(await correctIds(frame, id));
      }
      const top = await frame.evaluate(
        (loc) => document.getElementById(loc)!.getBoundingClientRect().top,
        location,
      );
      expect(top).toBeGreaterThanOrEqual(-5);
      expect(top).toBeLessThan(350);
      expect(await frame.locator(".lms-notice").count()).toBe(0);
      // Restoring answers sends no new interactions.
      expect(Object.keys((await dataModel(page)).interactions)).toHaveLength(0);
      await leave(page);

      const outside = requests.filter(
        (url) =>
          !url.startsWith(`${server.url}${folder("pkg", v)}/`) &&
          !/\/(index\.html|scorm(12|2004)\.js|harness\.js)$/.test(url) &&
          url !== "about:blank",
      );
      expect(outside).toEqual([]);
      await page.close();
    },
  );

  it("with completion `passed` and a pass mark of 100: a wrong answer fails, a right one passes", async () => {
    const page = await browser.newPage();
    let frame = await launch(page, v, { prefix: "passed" });
    const checkId = await frame.$eval("[data-check]", (s) => s.id);
    await answer(frame, checkId, false);
    await leave(page);
    let cmi = await dataModel(page);
    expect(status(v, cmi)).toEqual(
      v === "1.2" ? { lesson: "failed" } : { completion: "incomplete", success: "failed" },
    );

    frame = await launch(page, v, { prefix: "passed" });
    await answer(frame, checkId, true);
    await leave(page);
    cmi = await dataModel(page);
    expect(status(v, cmi)).toEqual(
      v === "1.2" ? { lesson: "passed" } : { completion: "completed", success: "passed" },
    );
    expect(Number((v === "1.2" ? cmi.core.score : cmi.score).raw)).toBe(100);
    await page.close();
  });

  it("an LMS whose server refuses the data: one short notice, the page keeps working, no retries", async () => {
    const page = await browser.newPage();
    const frame = await launch(page, v, { broken: true });
    const notice = frame.locator(".lms-notice");
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(model.ui.en!["lms.notice"]);
    const callsAtNotice = await page.evaluate(() => (window as unknown as { calls: number }).calls);
    const checkId = await frame.$eval("[data-check]", (s) => s.id);
    await answer(frame, checkId, true);
    expect(await frame.locator(`#${checkId}`).getAttribute("class")).toContain("is-right");
    await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.evaluate(() => {
      document.querySelector("iframe")!.src = "about:blank";
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { calls: number }).calls)).toBe(
      callsAtNotice,
    );
    expect(callsAtNotice).toBeLessThan(20);
    await page.close();
  });
});

describe("without an LMS", () => {
  it.each(["1.2", "2004"] as const)(
    "the %s package's module page works as on the website",
    async (v) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const requests = recordRequests(page);
      await page.goto(`${server.url}${folder("pkg", v)}/en/modules/${MODULE}/index.html`);
      const checkId = await page.$eval("[data-check]", (s) => s.id);
      expect(await page.locator(`#${checkId} [data-action="check"]`).isVisible()).toBe(true);
      await answer(page.mainFrame(), checkId, false);
      const said = await page.locator(`#${checkId} [data-result]`).textContent();
      expect(said).toContain(model.ui.en!["checkResult.wrong"]);
      expect(said).toContain(model.ui.en!["checkResult.tryAgain"]);
      await page.locator('a[hreflang="zh-CN"]').click();
      await page.waitForURL(`**/zh-CN/modules/${MODULE}/index.html`);
      expect(await page.locator(".lms-notice").count()).toBe(0);
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(`${server.url}${folder("pkg", v)}/`))).toEqual(
        [],
      );
      await page.close();
    },
  );
});
