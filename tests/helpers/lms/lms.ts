// The test side of the project's own LMS (see lms-api.js): what it hands a SCO at launch, what it
// keeps after the SCO finishes, and the player page that puts the API in the parent (a frame) or in
// the opener (a new window) of the package, as LMS players do.
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Frame, Page } from "playwright-core";

export type ScormVersion = "1.2" | "2004";
/** What the LMS keeps for one learner and one SCO: data model element → value. */
export type LmsRecord = Record<string, string>;
export type LaunchMode = "normal" | "review";

const PLAYER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS player</title>
<script src="lms-api.js"></script><script src="player.js"></script></head>
<body><h1>LMS player</h1></body></html>`;

const PLAYER_JS = `window.startSco = function (version, launch, data, display) {
  var api = window.createLmsApi(version, { data: data });
  window[version === "1.2" ? "API" : "API_1484_11"] = api;
  window.lms = api;
  if (display === "window") {
    window.sco = window.open(launch, "sco", "width=900,height=700");
    return;
  }
  var frame = document.createElement("iframe");
  frame.title = "Module";
  frame.width = "1000";
  frame.height = "700";
  frame.src = launch;
  document.body.appendChild(frame);
};
window.closeSco = function () {
  if (window.sco) window.sco.close();
  else document.querySelector("iframe").src = "about:blank";
};`;

/** Writes the player page into `dir` (served beside the unzipped packages). */
export async function writePlayer(dir: string): Promise<void> {
  await writeFile(join(dir, "player.html"), PLAYER_HTML);
  await writeFile(join(dir, "player.js"), PLAYER_JS);
  await copyFile(fileURLToPath(new URL("./lms-api.js", import.meta.url)), join(dir, "lms-api.js"));
}

const LAUNCH_ONLY = [
  /^cmi\.core\.(student_id|student_name|credit|entry|lesson_mode|total_time)$/,
  /^cmi\.(learner_id|learner_name|credit|entry|mode|total_time|launch_data)$/,
  /^cmi\.student_data\.mastery_score$/,
];
const exitOf = (v: ScormVersion) => (v === "1.2" ? "cmi.core.exit" : "cmi.exit");

/**
 * What the SCO finds at launch. Like most LMSs (Moodle among them), the resume data (suspend data
 * and location) is handed back only if the previous session ended with exit `suspend`; status and
 * score are kept in any case; `masteryScore` comes from the 1.2 manifest.
 */
export function launchData(
  v: ScormVersion,
  stored: LmsRecord | undefined,
  options: { mode?: LaunchMode; masteryScore?: string } = {},
): LmsRecord {
  const mode = options.mode ?? "normal";
  const resumed = stored?.[exitOf(v)] === "suspend";
  const entry = !stored ? "ab-initio" : resumed ? "resume" : "";
  const kept: LmsRecord = {};
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (key === exitOf(v) || /session_time$/.test(key)) continue;
    if (!resumed && /^cmi\.(suspend_data|location|core\.lesson_location)$/.test(key)) continue;
    kept[key] = value;
  }
  if (v === "1.2")
    return {
      "cmi.core.student_id": "learner-1",
      "cmi.core.student_name": "Learner, Test",
      "cmi.core.credit": mode === "normal" ? "credit" : "no-credit",
      "cmi.core.lesson_mode": mode,
      "cmi.core.lesson_status": "not attempted",
      "cmi.core.entry": entry,
      "cmi.core.total_time": "0000:00:00",
      "cmi.student_data.mastery_score": options.masteryScore ?? "",
      ...kept,
    };
  return {
    "cmi.learner_id": "learner-1",
    "cmi.learner_name": "Learner, Test",
    "cmi.credit": mode === "normal" ? "credit" : "no-credit",
    "cmi.mode": mode,
    "cmi.entry": entry,
    "cmi.completion_status": "unknown",
    "cmi.success_status": "unknown",
    "cmi.total_time": "PT0S",
    ...kept,
  };
}

/** What the LMS keeps after a session: in review mode nothing changes. */
export function keptAfter(
  v: ScormVersion,
  stored: LmsRecord | undefined,
  committed: LmsRecord,
  mode: LaunchMode,
): LmsRecord {
  if (mode === "review" && stored) return stored;
  const kept: LmsRecord = { ...stored };
  for (const [key, value] of Object.entries(committed))
    if (!LAUNCH_ONLY.some((re) => re.test(key))) kept[key] = value;
  kept[exitOf(v)] = committed[exitOf(v)] ?? "";
  return kept;
}

export interface Launch {
  /** Every API call of the session, in order: [function, ...arguments]. */
  calls(): Promise<string[][]>;
  /** The frame showing the module page (inside whatever the package launches). */
  module(): Promise<Frame>;
  /** Leaves the SCO as the player does when the learner closes it; returns what the LMS keeps. */
  leave(): Promise<LmsRecord>;
}

/** Opens `launchPath` (relative to the served root) in the player with a fresh API. */
export async function launchSco(
  page: Page,
  rootUrl: string,
  v: ScormVersion,
  launchPath: string,
  stored: LmsRecord | undefined,
  options: { mode?: LaunchMode; masteryScore?: string; display?: "frame" | "window" } = {},
): Promise<Launch> {
  await page.goto(`${rootUrl}player.html`);
  const data = launchData(v, stored, options);
  const display = options.display ?? "frame";
  const popup = display === "window" ? page.waitForEvent("popup") : undefined;
  await page.evaluate(
    ([v, launch, data, display]) =>
      (window as unknown as { startSco: (...a: unknown[]) => void }).startSco(
        v,
        launch,
        data,
        display,
      ),
    [v, launchPath, data, display] as const,
  );
  const scoPage = popup ? await popup : page;
  const calls = () => page.evaluate(() => (window as unknown as LmsWindow).lms.calls);
  return {
    calls,
    async module() {
      let frame: Frame | undefined;
      await expectSoon(async () => {
        frame = scoPage.frames().find((f) => /\/modules\/[^/]+\/index\.html/.test(f.url()));
        if (!frame) return false;
        return frame.evaluate(() => document.readyState === "complete").catch(() => false);
      });
      return frame!;
    },
    async leave() {
      await page.evaluate(() => (window as unknown as LmsWindow).closeSco());
      await page
        .waitForFunction(() => (window as unknown as LmsWindow).lms.state === "terminated", null, {
          timeout: 3000,
        })
        .catch(() => undefined);
      const committed = await page.evaluate(() => ({
        ...(window as unknown as LmsWindow).lms.committed,
      }));
      return keptAfter(v, stored, committed, options.mode ?? "normal");
    },
  };
}

interface LmsWindow {
  lms: { calls: string[][]; committed: LmsRecord; state: string };
  closeSco(): void;
}

async function expectSoon(test: () => Promise<boolean>, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("The module page did not load in the LMS player");
}

/** The interactions the record holds, in order: id and result. */
export function interactionsOf(record: LmsRecord): { id: string; result: string }[] {
  const out: { id: string; result: string }[] = [];
  for (let n = 0; record[`cmi.interactions.${n}.id`] !== undefined; n++)
    out.push({
      id: record[`cmi.interactions.${n}.id`]!,
      result: record[`cmi.interactions.${n}.result`] ?? "",
    });
  return out;
}
