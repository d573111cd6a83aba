import { request as httpRequest } from "node:http";
import { existsSync } from "node:fs";
import { readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthorServer, type AuthorServer } from "../../src/author/server.ts";
import {
  axeViolations,
  launchBrowser,
  recordRequests,
  type TestBrowser,
} from "../helpers/browser.ts";
import { fixtureCopies, replaceOnce } from "../helpers/courses.ts";
import { REPO_DIR } from "../helpers/paths.ts";

const copy = fixtureCopies("minimal");
const MODULE = "modules/digital-skills/en.md";
const FRAMEWORK = "framework/framework.yaml";

let browser: TestBrowser;
let context: BrowserContext;
let server: AuthorServer;
let courseDir: string;
let page: Page;
let requests: string[];

beforeAll(async () => {
  courseDir = await copy();
  [browser, server] = await Promise.all([launchBrowser(), startAuthorServer({ courseDir })]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  requests = recordRequests(page);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const origin = () => `http://127.0.0.1:${server.port}`;
const openFile = async (name: string) => {
  await page.goto(`${server.url}&file=${encodeURIComponent(name)}`);
  await page.locator("main .editor-pane h2").first().waitFor();
};
/** The field of the form for a data path such as `layers[1].competencies[0].id`. */
const fieldAt = (path: string) => page.locator(`[data-path="${path}"]`);

/** The text of every element the locator finds, now (no waiting). */
const textOf = async (locator: Locator) => (await locator.allTextContents()).join(" ");

/**
 * axe-core on the editor once its preview has settled. The preview rebuilds 1.2 s after the last
 * change and then loads into its frame; axe (which looks into the frame) would wait for a frame
 * that navigated away and time out. Settled: the panel is not `aria-busy` (no change waiting, no
 * build running, its frame loaded) and the frame holds the page it was sent to, twice in a row.
 */
async function editorAxeViolations(): Promise<string[]> {
  const settled = () =>
    page.evaluate(() => {
      const panel = document.querySelector(".preview");
      // A view without a preview has nothing to wait for.
      if (!panel) return true;
      const frame = panel?.querySelector<HTMLIFrameElement>("iframe");
      const doc = frame?.contentDocument;
      return (
        panel.getAttribute("aria-busy") === "false" &&
        !!frame &&
        doc?.readyState === "complete" &&
        doc.URL === frame.src
      );
    });
  const deadline = Date.now() + 30_000;
  for (let inARow = 0; inARow < 2 && Date.now() < deadline;) {
    await page.waitForTimeout(50);
    inARow = (await settled()) ? inARow + 1 : 0;
  }
  return axeViolations(page);
}

/** A raw request with any Host header (fetch would not let a test set it). */
function rawGet(path: string, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: server.port, path, headers: { host } },
      (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      },
    );
    req.on("error", fail);
    req.end();
  });
}

describe("the course editor (npm run author)", () => {
  it("refuses every request without the session's token, and answers with it", async () => {
    const bare = await browser.newPage();
    expect((await bare.goto(`${origin()}/`))?.status()).toBe(403);
    expect((await bare.goto(`${origin()}/?token=wrong`))?.status()).toBe(403);
    expect((await bare.goto(`${origin()}/api/course`))?.status()).toBe(403);
    await bare.close();
    const answer = await page.goto(server.url);
    expect(answer?.status()).toBe(200);
    expect(answer?.headers()["content-security-policy"]).toContain("default-src 'none'");
    await expect.poll(() => page.locator("nav button").count()).toBeGreaterThan(2);
    // Another name for 127.0.0.1 (DNS rebinding) is refused even with the token.
    expect(await rawGet(`/?token=${server.token}`, `evil.example:${server.port}`)).toBe(403);
    expect(await rawGet(`/?token=${server.token}`, `localhost:${server.port}`)).toBe(200);
  });

  it("refuses paths outside the course, absolute paths, links out of it and other kinds of file", async () => {
    await page.goto(server.url);
    await symlink("/etc/hostname", join(courseDir, "framework", "outside.yaml"));
    const status = async (name: string) =>
      (await page.request.get(`${origin()}/api/file?name=${name}`)).status();
    for (const name of [
      "../package.json",
      "%2e%2e%2fpackage.json",
      "..%2F..%2Fetc%2Fpasswd",
      "%2Fetc%2Fpasswd",
      "framework%2F..%2F..%2Fpackage.json",
      "framework%2Foutside.yaml",
      "modules",
    ])
      expect([name, await status(name)]).toEqual([name, 403]);
    const raw = await page.request.get(`${origin()}/..%2f..%2fpackage.json`);
    expect(raw.status()).toBe(404);
    expect(await raw.text()).not.toContain("onion-course");
    const preview = await page.request.get(`${origin()}/preview/1/..%2f..%2f..%2fetc%2fpasswd`);
    expect(preview.status()).toBeGreaterThanOrEqual(400);
    expect((await page.request.get(`${origin()}/api/file?name=${FRAMEWORK}`)).status()).toBe(200);
  });

  it("changes a competency title in both languages: only that line changes, comments stay", async () => {
    const before = await readFile(join(courseDir, FRAMEWORK), "utf8");
    await openFile(FRAMEWORK);
    const title = "layers[1].competencies[0].title";
    await fieldAt(`${title}.en`).locator("input").fill("Digital skills for posting");
    await fieldAt(`${title}.zh-CN`).locator("input").fill("发帖的数字技能");
    await page.locator('[data-action="save"]').click();
    await expect
      .poll(() => textOf(page.locator(".save-bar .status")), { timeout: 15_000 })
      .toMatch(/^Saved/);
    const after = await readFile(join(courseDir, FRAMEWORK), "utf8");
    const a = before.split("\n");
    const b = after.split("\n");
    expect(b).toHaveLength(a.length);
    const changed = b.filter((line, i) => line !== a[i]);
    expect(changed).toEqual([
      "        title: { en: Digital skills for posting, zh-CN: 发帖的数字技能 }",
    ]);
    expect(after).toContain("# A minimal valid framework for the tests");
  });

  it("checks a new competency's id as it is typed, and shows the validator's finding at the field", async () => {
    await openFile(FRAMEWORK);
    const list = page.locator('[data-path="layers[1].competencies"]');
    await list.locator(':scope > [data-action="add"]').click();
    const at = "layers[1].competencies[2]";
    await fieldAt(`${at}.id`).locator("input").fill("search");
    await expect
      .poll(() => textOf(fieldAt(`${at}.id`).locator(".live-note")))
      .toContain("reserved");
    for (const key of ["title", "summary"])
      for (const locale of ["en", "zh-CN"])
        await fieldAt(`${at}.${key}.${locale}`).locator("input, textarea").fill(`New ${key}`);
    await expect
      .poll(() => textOf(fieldAt(`${at}.id`).locator(".field-finding")), { timeout: 15_000 })
      .toContain("The id `search` is reserved");
    // A clash with another id is caught as typed too.
    await fieldAt(`${at}.id`).locator("input").fill("digital-skills");
    await expect
      .poll(() => textOf(fieldAt(`${at}.id`).locator(".live-note")))
      .toContain("already used");
    expect(await editorAxeViolations()).toEqual([]);
  });

  it("marks missing translations, shows a layer colour's contrast, reorders layers and undoes", async () => {
    await openFile(FRAMEWORK);
    const zh = fieldAt("layers[0].title.zh-CN");
    expect(await zh.locator(".missing").isHidden()).toBe(true);
    await zh.locator("input").fill("");
    expect(await zh.locator(".missing").isVisible()).toBe(true);
    await page
      .locator('[data-path="layers[0]"] > [data-action="add-key"]', { hasText: "colour" })
      .click();
    const colour = fieldAt("layers[0].colour");
    await expect
      .poll(() => textOf(colour.locator(".live-note")))
      .toMatch(/Contrast with white: \d/);
    await colour.locator("input").fill("#eeeeee");
    await expect.poll(() => textOf(colour.locator(".live-note"))).toContain("too light");
    await page.locator('[aria-label^="Move down: layers 1"]').click();
    await expect
      .poll(() => fieldAt("layers[1].id").locator("input").inputValue())
      .toBe("motivation");
    for (let i = 0; i < 4; i++) await page.locator('[data-action="undo"]').click();
    expect(await fieldAt("layers[0].id").locator("input").inputValue()).toBe("motivation");
    expect(await fieldAt("layers[0].title.zh-CN").locator("input").inputValue()).toBe("动机层");
    expect(await fieldAt("layers[0].colour").count()).toBe(0);
  });

  it("shows a check without a right option at its line, clears it when fixed, and previews the new check", async () => {
    await openFile(MODULE);
    const original = await readFile(join(courseDir, MODULE), "utf8");
    // The check's question is new; first without its right option, then fixed.
    const asked = replaceOnce(
      "Which photo may you post?",
      "Which photo may the ward post?",
    )(original);
    const broken = replaceOnce(
      "- [x] A photo of an empty ward",
      "- [ ] A photo of an empty ward",
    )(asked);
    const setText = async (text: string) => {
      await page.locator(".cm-content").click();
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(text);
    };
    await setText(broken);
    const line = broken.split("\n").findIndex((l) => l === "::: check") + 1;
    const finding = page.locator(`.findings li[data-line="${line}"]`);
    await expect
      .poll(() => textOf(finding), { timeout: 15_000 })
      .toContain("This knowledge check has no correct answer");
    await expect.poll(() => page.locator(".cm-lint-marker-error").count()).toBe(1);
    await setText(asked);
    // The preview says it is out of date (aria-busy) from the change until the new build is in its frame.
    const panel = page.locator(".preview");
    expect(await panel.getAttribute("aria-busy")).toBe("true");
    await expect.poll(() => finding.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator(".cm-lint-marker-error").count()).toBe(0);
    const frame = page.frameLocator(".preview iframe");
    await frame.getByText("Which photo may the ward post?").first().waitFor({ timeout: 60_000 });
    expect(await editorAxeViolations()).toEqual([]);
    expect(await panel.getAttribute("aria-busy")).toBe("false");
  });

  it("inserts every kind of block, and the session plan's total follows the minutes", async () => {
    await openFile("modules/digital-skills/zh-CN.md");
    const total = page.locator(".session-total");
    await expect.poll(() => textOf(total)).toContain("20 of 20 minutes");
    for (const kind of ["case", "activity", "check", "keypoints", "facilitator"]) {
      await page.locator(".cm-content").click();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+End");
      await page.locator(`[data-snippet="${kind}"]`).click();
    }
    const text = await textOf(page.locator(".cm-content"));
    for (const line of [
      "::: case setting=",
      ":::: activity minutes=10 grouping=pairs",
      "::: check",
      "- [x] ",
      "::: keypoints",
      "::: facilitator",
    ])
      expect(text).toContain(line);
    // The texts come from the engine's scaffold in the module's language.
    expect(text).toContain("写出题目。");
    await expect
      .poll(() => textOf(total))
      .toContain("add up to 30 minutes, but the session lasts 20");
  });

  it("never overwrites a file edited on disk meanwhile: it offers to reload or keep both", async () => {
    await openFile(MODULE);
    const path = join(courseDir, MODULE);
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("\nMy edit in the browser.\n");
    const onDisk = `${await readFile(path, "utf8")}\nSomeone else's edit.\n`;
    await writeFile(path, onDisk);
    await page.locator('[data-action="save"]').click();
    await page.locator(".conflict").waitFor();
    expect(await readFile(path, "utf8")).toBe(onDisk);
    expect(await editorAxeViolations()).toEqual([]);
    await page.locator('[data-action="keep-both"]').click();
    await expect.poll(() => textOf(page.locator(".save-bar .status"))).toContain("en.mine.md");
    expect(await readFile(path, "utf8")).toBe(onDisk);
    expect(await readFile(join(courseDir, "modules/digital-skills/en.mine.md"), "utf8")).toContain(
      "My edit in the browser.",
    );
    await page.locator('[data-action="save"]').click();
    await page.locator('[data-action="reload"]').waitFor();
    await page.locator('[data-action="reload"]').click();
    await expect.poll(() => textOf(page.locator(".cm-content"))).toContain("Someone else's edit.");
  });

  it("speaks Chinese, passes axe on every view and fits 1280 and 768 px", async () => {
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ["framework/course.yaml", FRAMEWORK, MODULE]) {
        await openFile(name);
        await page.locator(".preview .status").filter({ hasText: /\S/ }).waitFor();
        expect([width, name, await editorAxeViolations()]).toEqual([width, name, []]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect([width, name, overflow]).toEqual([width, name, 0]);
      }
    }
    await page.selectOption("#ui-language", "zh-CN");
    await expect.poll(() => textOf(page.locator("h1"))).toBe("课程编辑器");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await editorAxeViolations()).toEqual([]);
    await page.selectOption("#ui-language", "en");
  });

  it("creates the module of a trainable competency that has none, in every language, and opens it", async () => {
    // From the fixture's own framework (earlier tests saved drafts of it), with one more module due.
    await writeFile(
      join(courseDir, FRAMEWORK),
      replaceOnce(
        "summary: { en: Finding and judging evidence., zh-CN: 查找和评价证据。 }\n        provenance: paper\n        trainable: false",
        "summary: { en: Finding and judging evidence., zh-CN: 查找和评价证据。 }\n        provenance: paper\n        trainable: true",
      )(await readFile(join(REPO_DIR, "tests/fixtures/minimal", FRAMEWORK), "utf8")),
    );
    // The programme lists every trainable competency; until it does, the editor says so.
    await page.goto(server.url);
    const create = page.getByRole("button", { name: "Create the module for information-literacy" });
    await create.click();
    await expect
      .poll(() => textOf(page.locator("nav [role=alert]")))
      .toContain("The programme order leaves out `information-literacy`");
    const course = join(courseDir, "framework/course.yaml");
    await writeFile(
      course,
      replaceOnce(
        "programme:\n  - digital-skills",
        "programme:\n  - digital-skills\n  - information-literacy",
      )(await readFile(join(REPO_DIR, "tests/fixtures/minimal/framework/course.yaml"), "utf8")),
    );
    await page.goto(server.url);
    await create.click();
    await page.waitForURL(/file=modules%2Finformation-literacy%2Fen\.md/);
    await page.locator("main .editor-pane h2").first().waitFor();
    for (const locale of ["en", "zh-CN"])
      expect(
        await readFile(join(courseDir, `modules/information-literacy/${locale}.md`), "utf8"),
      ).toContain("competency: information-literacy");
    expect(await textOf(page.locator("main .editor-pane h2"))).toContain("information-literacy");
    // Created once: the button is gone, and the API refuses to write over the files.
    await expect.poll(() => create.count()).toBe(0);
    const again = await page.evaluate(async () => {
      const r = await fetch("/api/new-module", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ competency: "information-literacy" }),
      });
      return r.status;
    });
    expect(again).toBe(400);
    expect(await editorAxeViolations()).toEqual([]);
  });

  it("requests nothing outside 127.0.0.1", () => {
    const outside = requests.filter(
      (url) =>
        !url.startsWith(`${origin()}/`) && !url.startsWith("about:") && !url.startsWith("data:"),
    );
    expect(requests.length).toBeGreaterThan(10);
    expect(outside).toEqual([]);
    expect(existsSync(join(courseDir, "site"))).toBe(false);
  });
});
