// Cohort evaluation in real Chromium: six learners assess themselves, answer the feedback form and
// show their QR codes; the facilitator's page reads them through Chromium's fake camera (a Y4M video
// made here from the codes the learners' pages drew) and from files. The summary shows n = 6 and the
// right distributions; a session of 4 shows only the count and why; duplicates count once; a code of
// another course is refused.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";
import {
  axeViolations,
  launchBrowser,
  recordRequests,
  type TestBrowser,
} from "../helpers/browser.ts";
import { tempDir } from "../helpers/paths.ts";
import { sharedBuild } from "../helpers/shared-site.ts";

const WIDTH = 640;
const HEIGHT = 480;
const CODE_SIZE = 440;
const SESSION = "A7K2";
const SMALL = "SMALL4";

let learners: TestBrowser;
let facilitator: TestBrowser | undefined;
let site: StaticSite;
let model: CourseModel;
let dir: string;
const contexts: BrowserContext[] = [];
const requests: string[] = [];

/** What each learner handed over: the code's text, its pixels as drawn, and a file for SMALL4. */
const handed: { text: string; pixels: number[]; file?: string }[] = [];

const levels = () => model.framework.scale.levels.map((l) => l.id);
const assessed = () => model.competencies.filter((e) => e.layer.assessed);
const ratingIds = () =>
  model.feedback!.questions.filter((q) => q.kind === "rating").map((q) => q.id);
const before = (i: number) => (i < 3 ? 0 : 1);
const after = (i: number) => (i < 4 ? 2 : 3);
const rating = (i: number) => (i % 5) + 1;

beforeAll(async () => {
  const built = await sharedBuild("default");
  model = built.model;
  site = await serveSite(built.out);
  learners = await launchBrowser();
  dir = await tempDir("cohort-");
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await learners?.close();
  await facilitator?.close();
  await site?.close();
  expect(requests.filter((r) => !r.startsWith(site.url) && !r.startsWith("blob:"))).toEqual([]);
});

/** A learner's phone: assesses before (stored earlier) and after (on the page), then hands over. */
async function learner(i: number): Promise<void> {
  const context = await learners.newContext({
    viewport: { width: 360, height: 780 },
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  requests.push(...recordRequests(page));
  await page.goto(`${site.url}en/assess/`);
  const key = (await page.getAttribute("body", "data-store-key"))!;
  const ids = assessed().map((e) => e.competency.id);
  const earlier = Object.fromEntries(ids.map((id) => [id, levels()[before(i)]!]));
  await page.evaluate(
    ({ key, earlier }) =>
      localStorage.setItem(
        key,
        JSON.stringify({
          version: 2,
          journal: {},
          assessments: [{ id: "before", date: "2026-12-07T01:00:00.000Z", levels: earlier }],
        }),
      ),
    { key, earlier },
  );
  await page.reload();
  for (const id of ids) await page.locator(`label[for="${id}-${levels()[after(i)]}"]`).click();
  await page.locator("form[data-assess-form] button[type=submit]").click();
  await expect.poll(() => page.locator("[data-assess-status]").textContent()).toMatch(/saved/);

  await page.goto(`${site.url}en/feedback/?module=digital-skills`);
  await page.locator("#handover-session").fill(SESSION.toLowerCase());
  for (const q of ratingIds()) await page.locator(`#rate-${q}-${rating(i)}`).check();
  // One comment in Chinese: it travels through the code as UTF-8.
  if (i % 2)
    await page
      .locator("#handover-text")
      .fill(i === 1 ? "希望多一些角色扮演练习" : `Comment from learner ${i}: =more practice`);
  await page.locator("form[data-handover-form] button[type=submit]").click();
  const summary = page.locator("[data-handover-summary]");
  await expect.poll(() => summary.textContent()).toMatch(/session code: A7K2/);
  // The plain-words summary comes before the code, and says what is left out.
  expect(await summary.textContent()).toMatch(/Not included: your name, your journal/);
  expect(await page.locator("[data-handover-code]").isHidden()).toBe(true);
  const text = (await page.locator("[data-handover-exact]").textContent())!;
  const record = JSON.parse(text);
  expect(Object.keys(record).sort()).toEqual(
    ["t", "v", "c", "cv", "m", "s", "id", "d", "b", "a", "r", ...(i % 2 ? ["x"] : [])].sort(),
  );
  await page.locator("[data-action=show-code]").click();
  await expect.poll(() => page.locator("[data-handover-code]").isVisible()).toBe(true);
  if (i === 0) expect(await axeViolations(page)).toEqual([]);
  const pixels = await page.evaluate((size) => {
    const drawn = document.querySelector("canvas[data-handover-canvas]") as HTMLCanvasElement;
    const copy = document.createElement("canvas");
    copy.width = size;
    copy.height = size;
    const g = copy.getContext("2d")!;
    g.imageSmoothingEnabled = false;
    g.drawImage(drawn, 0, 0, size, size);
    const rgba = g.getImageData(0, 0, size, size).data;
    const grey: number[] = [];
    for (let p = 0; p < rgba.length; p += 4) grey.push(rgba[p]!);
    return grey;
  }, CODE_SIZE);
  handed[i] = { text, pixels };

  // Four of them also take part in a small session and hand over a file.
  if (i < 4) {
    await page.locator("#handover-session").fill(SMALL);
    await page.locator("form[data-handover-form] button[type=submit]").click();
    await expect.poll(() => summary.textContent()).toMatch(/session code: SMALL4/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("[data-action=download]").click(),
    ]);
    const file = join(dir, `small-${i}.json`);
    await download.saveAs(file);
    handed[i]!.file = file;
  }
}

/**
 * A 640×480 Y4M video (4:2:0) at 10 frames a second: each code held for 6 frames (0.6 s, four of the
 * page's scans 150 ms apart), then 2 white frames. The whole loop of seven codes takes 5.6 s.
 */
async function writeVideo(codes: number[][], file: string): Promise<void> {
  const ySize = WIDTH * HEIGHT;
  const chroma = Buffer.alloc(ySize / 2, 128);
  const blank = Buffer.alloc(ySize, 255);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)];
  const frame = (y: Buffer) => parts.push(Buffer.from("FRAME\n"), y, chroma);
  const left = (WIDTH - CODE_SIZE) / 2;
  const top = (HEIGHT - CODE_SIZE) / 2;
  for (const code of codes) {
    const y = Buffer.alloc(ySize, 255);
    for (let row = 0; row < CODE_SIZE; row++)
      for (let col = 0; col < CODE_SIZE; col++)
        y[(top + row) * WIDTH + left + col] = code[row * CODE_SIZE + col]!;
    for (let n = 0; n < 6; n++) frame(y);
    frame(blank);
    frame(blank);
  }
  await writeFile(file, Buffer.concat(parts));
}

/** A code drawn straight from a text (for a hand-over no learner page would make). */
function drawnCode(text: string): number[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cells = modules.size + 8;
  const out: number[] = [];
  for (let row = 0; row < CODE_SIZE; row++)
    for (let col = 0; col < CODE_SIZE; col++) {
      const y = Math.floor((row / CODE_SIZE) * cells) - 4;
      const x = Math.floor((col / CODE_SIZE) * cells) - 4;
      const dark = x >= 0 && y >= 0 && x < modules.size && y < modules.size && modules.get(y, x);
      out.push(dark ? 0 : 255);
    }
  return out;
}

const cells = (page: Page, table: number, row: number) =>
  page
    .locator("table.cohort-table")
    .nth(table)
    .locator("tbody tr")
    .nth(row)
    .locator("td:not(.cohort-chart)")
    .allTextContents();

describe("cohort evaluation", () => {
  it("six learners assess themselves, answer the feedback form and show their codes", async () => {
    for (let i = 0; i < 6; i++) await learner(i);
    expect(handed).toHaveLength(6);
  }, 120_000);

  it("the facilitator's page reads the codes through the camera, then files, and sums them up", async () => {
    const other = JSON.parse(handed[0]!.text);
    other.c = "another-course";
    other.id = "zzzzzzzzzzzz";
    const video = join(dir, "codes.y4m");
    await writeVideo([drawnCode(JSON.stringify(other)), ...handed.map((h) => h.pixels)], video);
    facilitator = await launchBrowser([
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const context = await facilitator.newContext({ viewport: { width: 1100, height: 900 } });
    await context.grantPermissions(["camera"], { origin: new URL(site.url).origin });
    const page = await context.newPage();
    requests.push(...recordRequests(page));
    await page.goto(`${site.url}en/facilitators/cohort/`);
    await page.locator("[data-action=start-camera]").click();
    const n = page.locator("[data-cohort-n]");
    const log = page.locator("[data-cohort-log]");
    await expect
      .poll(() => log.textContent(), { timeout: 45_000, interval: 250 })
      .toMatch(/6 accepted in this session so far/);
    expect(await log.textContent()).toMatch(/Refused: this hand-over is for another course/);
    // While the camera runs the summary is not redrawn code by code (only the count changes).
    expect(await page.locator("table.cohort-table").count()).toBe(0);
    // The video loops: every code comes round again (the loop is 5.6 s), and still counts once.
    await page.waitForTimeout(6000);
    expect(await log.textContent()).not.toMatch(/(?:[7-9]|\d\d) accepted/);
    await page.locator("[data-action=stop-camera]").click();
    expect(await n.getAttribute("data-cohort-n")).toBe("6");
    expect(await n.textContent()).toBe("6 took part");

    // Levels: 3 at the lowest and 3 at the second before; 4 at the target and 2 above it after.
    expect(await cells(page, 0, 0)).toEqual(["3 (50%)", "3 (50%)", "0 (0%)", "0 (0%)", "0 (0%)"]);
    expect(await cells(page, 0, 1)).toEqual(["0 (0%)", "0 (0%)", "4 (67%)", "2 (33%)", "6 (100%)"]);
    // Ratings 1, 2, 3, 4, 5, 1 on every question.
    expect(await cells(page, 1, 0)).toEqual([
      "2 (33%)",
      "1 (17%)",
      "1 (17%)",
      "1 (17%)",
      "1 (17%)",
    ]);
    expect(await page.locator("table.cohort-table").nth(1).textContent()).toMatch(
      /Average 2\.7 of 5 \(6 answered\)/,
    );
    const comments = await page.locator(".cohort-comments li").allTextContents();
    expect(comments.sort()).toEqual([
      "Comment from learner 3: =more practice",
      "Comment from learner 5: =more practice",
      "希望多一些角色扮演练习",
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // CSV: the comments' "=" cannot start a formula (they start with "Comment", so stay as written).
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("[data-action=csv]").click(),
    ]);
    const csvText = await readFile((await csv.path())!, "utf8");
    expect(csvText.startsWith("\ufeffsection,item,answer,count,share (%)\r\n")).toBe(true);
    expect(csvText).toContain(`session,${SESSION},`);

    // A code already counted, handed over again as a file, changes nothing.
    const again = join(dir, "again.json");
    await writeFile(again, handed[0]!.text);
    await page.locator("input[data-cohort-files]").setInputFiles(again);
    await expect.poll(() => log.textContent()).toMatch(/again\.json: Already counted/);
    expect(await n.getAttribute("data-cohort-n")).toBe("6");

    // Four files of the small session: only the count, and why.
    await page
      .locator("input[data-cohort-files]")
      .setInputFiles(handed.slice(0, 4).map((h) => h.file!));
    await expect.poll(() => n.getAttribute("data-cohort-n")).toBe("4");
    expect(await page.locator("select[data-cohort-sessions]").inputValue()).toBe(SMALL);
    expect(await page.locator(".cohort-floor").textContent()).toMatch(
      /Nothing more is shown for fewer than 5 participants.*4 so far/,
    );
    expect(await page.locator("table.cohort-table").count()).toBe(0);
    expect(await page.locator(".cohort-comments").count()).toBe(0);
    expect(await page.locator("[data-action=csv]").isHidden()).toBe(true);

    // Refused files: another course, something else, a duplicate.
    const foreign = join(dir, "foreign.json");
    await writeFile(foreign, JSON.stringify(other));
    const junk = join(dir, "junk.json");
    await writeFile(junk, '{"name":"Dr Li","journal":"private"}');
    await page.locator("input[data-cohort-files]").setInputFiles([foreign, junk, handed[1]!.file!]);
    await expect.poll(() => log.textContent()).toMatch(/foreign\.json: Refused: .*another course/);
    await expect.poll(() => log.textContent()).toMatch(/junk\.json: Not a hand-over/);
    await expect.poll(() => log.textContent()).toMatch(/small-1\.json: Already counted/);
    expect(await n.getAttribute("data-cohort-n")).toBe("4");

    // Kept in this browser under the session code, and back after a reload.
    await page.reload();
    await page.locator("select[data-cohort-sessions]").selectOption(SESSION);
    expect(await page.locator("[data-cohort-n]").getAttribute("data-cohort-n")).toBe("6");
  }, 120_000);
});
