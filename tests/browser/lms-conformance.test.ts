// The packages in the project's own LMS (tests/helpers/lms): the real built package pages in
// Chromium, the LMS's API in the parent frame or the opener window, and what the LMS keeps after each
// launch (status, success, score, resume data, interactions) and what the learner sees.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageCourse } from "../../src/export/package-course.ts";
import { launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { buildInTemp } from "../helpers/build.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { copyCourse, editFile } from "../helpers/courses.ts";
import {
  interactionsOf,
  launchSco,
  writePlayer,
  type LaunchMode,
  type LmsRecord,
  type ScormVersion,
} from "../helpers/lms/lms.ts";
import { fixture, REPO_DIR, tempDir } from "../helpers/paths.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";

const MODULE = "information-literacy";
let browser: TestBrowser;
let server: StaticSite;
let root: string;

async function unzipInto(zipFile: string, dir: string): Promise<void> {
  for (const [name, data] of Object.entries(unzipSync(await readFile(zipFile)))) {
    if (name.endsWith("/")) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), data);
  }
}

/** Builds and packs a course; unzips the given packages into `<root>/<prefix>-<zip name>/`. */
async function pack(courseDir: string, prefix: string, zips: string[]): Promise<void> {
  // The default course's build is the run's shared one; other courses are built here.
  const shared = courseDir === REPO_DIR;
  const built = shared ? await sharedBuild("default") : await buildInTemp(courseDir);
  const dist = join(await tempDir("lms-dist-"), "dist");
  await packageCourse({ courseDir, siteDir: built.out, outDir: dist, log: () => {} });
  for (const zip of zips)
    await unzipInto(join(dist, zip), join(root, `${prefix}-${zip.replace(/\.zip$/, "")}`));
  if (!shared) await rm(join(built.out, ".."), { recursive: true, force: true });
  await rm(join(dist, ".."), { recursive: true, force: true });
}

/** A copy of module-base with `extra` more checks in each locale and the given `lms:` settings. */
async function courseWithChecks(extra: number, lms: string): Promise<string> {
  const dir = await copyCourse(fixture("module-base"));
  await editFile(dir, "framework/course.yaml", (t) => `${t}\nlms:\n${lms}\n`);
  // Options of the same width, the right one first or second in turn (no answer cue to report).
  for (const [locale, question, wrong, right, why] of [
    ["en", "Which guideline is current?", "The 2019 one.", "The 2024 one.", "Check the date."],
    ["zh-CN", "哪份指南是现行的？", "2019 年的版本。", "2024 年的版本。", "请核对日期。"],
  ] as const) {
    const check = (n: number) => {
      const options = [`- [ ] ${wrong}\n  > ${why}`, `- [x] ${right}\n  > ${why}`];
      if (n % 2) options.reverse();
      return `::: check\n${question} (${n})\n\n${options.join("\n")}\n:::\n\n`;
    };
    const checks = Array.from({ length: extra }, (_, i) => check(i + 2)).join("");
    await editFile(dir, `modules/${MODULE}/${locale}.md`, (t) =>
      t.replace("::: keypoints", `${checks}::: keypoints`),
    );
  }
  return dir;
}

beforeAll(async () => {
  root = await tempDir("lms-conformance-");
  await writePlayer(root);
  await writeFile(join(root, "404.html"), "<!doctype html><title>Not found</title>");
  const zips = (id: string) => [`${id}-scorm12.zip`, `${id}-scorm2004.zip`];
  await pack(REPO_DIR, "default", [...zips(MODULE), ...zips("course")]);
  const passed = await courseWithChecks(3, "  completion: passed\n  masteryScore: 80");
  await pack(passed, "passed", zips(MODULE));
  const many = await courseWithChecks(199, "  completion: checks");
  await pack(many, "many", [`${MODULE}-scorm12.zip`]);
  await Promise.all([passed, many].map((d) => rm(d, { recursive: true, force: true })));
  server = await serveSite(root);
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const suffix = (v: ScormVersion) => (v === "1.2" ? "scorm12" : "scorm2004");

/** The launch page and mastery score of a SCO, read from the package's manifest. */
async function manifestOf(folder: string, sco: string) {
  const xml = await readFile(join(root, folder, "imsmanifest.xml"), "utf8");
  const href = new RegExp(`identifier="sco-${sco}"[^>]*href="([^"]+)"`).exec(xml)?.[1];
  const item = new RegExp(`identifierref="sco-${sco}">([\\s\\S]*?)</item>`).exec(xml)?.[1] ?? "";
  const mastery = /<adlcp:masteryscore>([^<]+)</.exec(item)?.[1];
  return { href: `${folder}/${decodeURI(href!)}`, masteryScore: mastery };
}

/** One learner, one SCO, launch after launch: what the LMS keeps between them. */
class Learner {
  record: LmsRecord | undefined;
  constructor(
    readonly page: Page,
    readonly v: ScormVersion,
    readonly folder: string,
    readonly sco = MODULE,
  ) {}
  async launch(mode: LaunchMode = "normal", display: "frame" | "window" = "frame") {
    const { href, masteryScore } = await manifestOf(this.folder, this.sco);
    const session = await launchSco(this.page, server.url, this.v, href, this.record, {
      mode,
      masteryScore,
      display,
    });
    return {
      ...session,
      leave: async () => {
        this.record = await session.leave();
        return this.record;
      },
    };
  }
}

const el = (v: ScormVersion) =>
  v === "1.2"
    ? {
        status: "cmi.core.lesson_status",
        raw: "cmi.core.score.raw",
        exit: "cmi.core.exit",
        location: "cmi.core.lesson_location",
      }
    : {
        status: "cmi.completion_status",
        raw: "cmi.score.raw",
        exit: "cmi.exit",
        location: "cmi.location",
      };

async function checkIds(frame: Frame): Promise<string[]> {
  return frame.$$eval("[data-check]", (s) => s.map((e) => e.id));
}

/** Chooses the right options of a check (or one wrong one) and presses "Check my answer". */
async function answer(frame: Frame, checkId: string, right: boolean): Promise<void> {
  const options = frame.locator(`#${checkId} .check__option`);
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    const correct = (await options.nth(i).getAttribute("data-correct")) === "true";
    if (correct === right) {
      await options.nth(i).locator("input").check();
      if (!right) break;
    }
  }
  await frame.locator(`#${checkId} [data-action="check"]`).click();
}

/** What the learner sees of the checks: which are shown answered, right or wrong. */
async function shownAnswers(frame: Frame): Promise<Record<string, string>> {
  return frame.$$eval("[data-check]", (sections) =>
    Object.fromEntries(
      sections.map((s) => [
        s.id,
        s.classList.contains("is-right")
          ? "right"
          : s.classList.contains("is-wrong")
            ? "wrong"
            : "",
      ]),
    ),
  );
}

async function headingIds(frame: Frame): Promise<string[]> {
  return frame.$$eval("main h2[id]", (hs) => hs.map((h) => h.id));
}

/** Scrolls the module so that heading `index` is at the top, as a reader does. */
async function scrollToHeading(frame: Frame, index: number): Promise<void> {
  await frame.evaluate((i) => {
    const h = document.querySelectorAll("main h2[id]")[i]!;
    window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 10);
  }, index);
  await frame.waitForTimeout(150);
}

/** Where the page shows heading `index`: its distance from the top of the frame. */
async function topOfHeading(frame: Frame, index: number): Promise<number> {
  return frame.evaluate(
    (i) => document.querySelectorAll("main h2[id]")[i]!.getBoundingClientRect().top,
    index,
  );
}

async function switchLanguage(frame: Frame, locale: string): Promise<void> {
  await frame.locator(`a[hreflang="${locale}"]`).click();
}

const setCalls = (calls: string[][]) => calls.filter((c) => /SetValue$/.test(c[0]!));
const count = (calls: string[][], fn: RegExp) => calls.filter((c) => fn.test(c[0]!)).length;

describe.each(["1.2", "2004"] as const)("SCORM %s in the project's LMS", (v) => {
  const e = el(v);

  it.each([
    ["single-SCO, en", "default-information-literacy", MODULE, "en"],
    ["multi-SCO, zh-CN", "default-course", MODULE, "zh-CN"],
  ])(
    "%s: complete → relaunch → relaunch in review mode keeps status, score and answers",
    async (_, pkg, sco, locale) => {
      const page = await browser.newPage();
      const learner = new Learner(page, v, `${pkg}-${suffix(v)}`, sco);
      let launch = await learner.launch();
      let frame = await launch.module();
      if (locale !== "en") {
        await switchLanguage(frame, locale);
        frame = await launch.module();
        await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe(locale);
      }
      const ids = await checkIds(frame);
      await answer(frame, ids[0]!, false);
      for (const id of ids.slice(1)) await answer(frame, id, true);
      await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await frame.waitForTimeout(150);
      const first = await launch.leave();
      const n = ids.length;
      const percent = String(Math.round((1000 * (n - 1)) / n) / 10);
      // The default course's pass mark is 80 %.
      const success = Number(percent) >= 80 ? "passed" : "failed";
      expect(first[e.status]).toBe("completed");
      if (v === "2004") expect(first["cmi.success_status"]).toBe(success);
      expect(first[e.raw]).toBe(percent);
      expect(first[e.exit]).toBe("suspend");
      expect(Object.keys(JSON.parse(first["cmi.suspend_data"]!).c).sort()).toEqual([...ids].sort());
      expect(interactionsOf(first).map((i) => i.id)).toEqual(ids.map((id) => `${sco}-${id}`));
      const expectedAnswers = Object.fromEntries(
        ids.map((id, i) => [id, i === 0 ? "wrong" : "right"]),
      );

      for (const mode of ["normal", "review"] as const) {
        launch = await learner.launch(mode);
        frame = await launch.module();
        await expect.poll(() => shownAnswers(frame)).toEqual(expectedAnswers);
        expect(await frame.evaluate(() => document.documentElement.lang)).toBe(locale);
        if (mode === "review") expect(await frame.locator(".lms-review").count()).toBe(1);
        const kept = await launch.leave();
        expect(kept[e.status], mode).toBe("completed");
        if (v === "2004") expect(kept["cmi.success_status"], mode).toBe(success);
        expect(kept[e.raw], mode).toBe(percent);
        expect(kept["cmi.suspend_data"], mode).toBe(first["cmi.suspend_data"]);
        // Showing answers again sends no interaction.
        expect(interactionsOf(kept), mode).toEqual(interactionsOf(first));
        if (mode === "review") {
          const written = setCalls(await launch.calls()).map((c) => c[1]);
          expect(written, "review mode writes nothing").toEqual([]);
        }
      }
      await page.close();
    },
  );

  it("leave half way → resume: place and answers come back, then complete", async () => {
    const page = await browser.newPage();
    const learner = new Learner(page, v, `default-information-literacy-${suffix(v)}`);
    let launch = await learner.launch();
    let frame = await launch.module();
    const ids = await checkIds(frame);
    await answer(frame, ids[0]!, true);
    const headings = await headingIds(frame);
    const place = Math.floor(headings.length / 2);
    await scrollToHeading(frame, place);
    const half = await launch.leave();
    expect(half[e.status]).toBe("incomplete");
    expect(half[e.exit]).toBe("suspend");
    expect(half[e.raw] ?? "").toBe("");
    expect(half[e.location]).toBe(headings[place]);
    expect(Object.keys(JSON.parse(half["cmi.suspend_data"]!).c)).toEqual([ids[0]]);

    launch = await learner.launch();
    frame = await launch.module();
    await expect.poll(() => shownAnswers(frame)).toMatchObject({ [ids[0]!]: "right" });
    const top = await topOfHeading(frame, place);
    expect(top).toBeGreaterThanOrEqual(-5);
    expect(top).toBeLessThan(300);
    for (const id of ids.slice(1)) await answer(frame, id, true);
    const done = await launch.leave();
    expect(done[e.status]).toBe("completed");
    expect(done[e.raw]).toBe("100");
    if (v === "2004") expect(done["cmi.success_status"]).toBe("passed");
    expect(interactionsOf(done).map((i) => i.id)).toEqual(ids.map((id) => `${MODULE}-${id}`));
    await page.close();
  });

  it("switch language half way (in a new window) → finish: one session, answers kept, interactions numbered on", async () => {
    const page = await browser.newPage();
    const learner = new Learner(page, v, `default-course-${suffix(v)}`);
    const launch = await learner.launch("normal", "window");
    let frame = await launch.module();
    const ids = await checkIds(frame);
    const half = Math.ceil(ids.length / 2);
    for (const id of ids.slice(0, half)) await answer(frame, id, true);
    await switchLanguage(frame, "zh-CN");
    await expect
      .poll(async () => (await launch.module()).evaluate(() => document.documentElement.lang))
      .toBe("zh-CN");
    frame = await launch.module();
    await expect
      .poll(() => shownAnswers(frame))
      .toMatchObject(Object.fromEntries(ids.slice(0, half).map((id) => [id, "right"])));
    for (const id of ids.slice(half)) await answer(frame, id, true);
    const kept = await launch.leave();
    const calls = await launch.calls();
    expect(count(calls, /Initialize$/)).toBe(1);
    expect(count(calls, /^(Terminate|LMSFinish)$/)).toBe(1);
    expect(kept[e.status]).toBe("completed");
    expect(kept[e.raw]).toBe("100");
    expect(interactionsOf(kept)).toEqual(
      ids.map((id) => ({ id: `${MODULE}-${id}`, result: "correct" })),
    );
    await page.close();
  });

  it.each([
    ["every check right", [true, true, true, true], "passed", "100"],
    ["one check wrong", [false, true, true, true], "failed", "75"],
    ["one check unanswered", [true, true, true, undefined], "unknown", ""],
  ] as const)(
    "completion `passed`, %s: pass or fail only once every check is answered",
    async (_, answers, success, raw) => {
      const page = await browser.newPage();
      const learner = new Learner(page, v, `passed-information-literacy-${suffix(v)}`);
      const { masteryScore } = await manifestOf(learner.folder, MODULE);
      expect(masteryScore).toBe(v === "1.2" ? "80" : undefined);
      const launch = await learner.launch();
      const frame = await launch.module();
      const ids = await checkIds(frame);
      expect(ids).toHaveLength(4);
      for (const [i, right] of answers.entries())
        if (right !== undefined) await answer(frame, ids[i]!, right);
      await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const kept = await launch.leave();
      expect(kept[e.raw] ?? "").toBe(raw);
      if (v === "1.2")
        expect(kept["cmi.core.lesson_status"]).toBe(success === "unknown" ? "incomplete" : success);
      else {
        expect(kept["cmi.success_status"]).toBe(success);
        expect(kept["cmi.completion_status"]).toBe(
          success === "passed" ? "completed" : "incomplete",
        );
      }
      await page.close();
    },
  );
});

describe("SCORM 1.2 resume data beyond 4,096 characters", () => {
  it("keeps the newest answers and drops the oldest; the record stays whole", async () => {
    const page = await browser.newPage();
    const learner = new Learner(page, "1.2", `many-information-literacy-scorm12`);
    let launch = await learner.launch();
    let frame = await launch.module();
    const ids = await checkIds(frame);
    expect(ids.length).toBe(200);
    // Answer in page order, quickly: choose the right option and press the button of each check.
    await frame.evaluate(() => {
      for (const section of document.querySelectorAll("[data-check]")) {
        for (const option of section.querySelectorAll(".check__option"))
          (option.querySelector("input") as HTMLInputElement).checked =
            option.getAttribute("data-correct") === "true";
        (section.querySelector('[data-action="check"]') as HTMLButtonElement).click();
      }
    });
    const kept = await launch.leave();
    const suspend = kept["cmi.suspend_data"]!;
    expect(suspend.length).toBeLessThanOrEqual(4096);
    const saved = Object.keys(JSON.parse(suspend).c);
    expect(saved.length).toBeGreaterThan(100);
    expect(saved.length).toBeLessThan(200);
    expect(saved).toEqual(ids.slice(ids.length - saved.length));
    expect(kept["cmi.core.lesson_status"]).toBe("completed");
    expect(kept["cmi.core.score.raw"]).toBe("100");

    launch = await learner.launch();
    frame = await launch.module();
    const shown = await shownAnswers(frame);
    expect(ids.filter((id) => shown[id] === "right")).toEqual(saved);
    // Fewer answers restored than given: the LMS's record still says completed, 100.
    const again = await launch.leave();
    expect(again["cmi.core.lesson_status"]).toBe("completed");
    expect(again["cmi.core.score.raw"]).toBe("100");
    await page.close();
  });
});
