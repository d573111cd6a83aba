import type { Browser, BrowserContext, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromiumPath, launchChromium } from "../../src/browser/chromium.ts";

export const CHROMIUM_PATH = chromiumPath();

/** What a test uses of a browser: its own contexts and pages, and closing them. */
export type TestBrowser = Pick<Browser, "newContext" | "newPage" | "close">;

/** The test worker's Chromium, started by the first test file that asks (see launchBrowser). */
let workerChromium: Promise<Browser> | undefined;

/**
 * Debian's Chromium, with the flags that keep it from calling out to the network. Headless, unless
 * HEADED=1 (to watch a test on a machine with a display).
 *
 * Without `extraArgs` the test file gets the worker's one Chromium, which the files run in that
 * worker share (starting one costs about a second of CPU): its `close` closes the contexts and pages
 * the file opened, which share nothing with another file's. With `extraArgs` (e.g. a fake camera) it
 * is a Chromium of its own.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<TestBrowser> {
  const launch = () => launchChromium(CHROMIUM_PATH, !process.env.HEADED, extraArgs);
  if (extraArgs.length) return launch();
  let chromium = await (workerChromium ??= launch());
  if (!chromium.isConnected()) chromium = await (workerChromium = launch());
  const opened = new Set<BrowserContext>();
  const own = (context: BrowserContext) => {
    opened.add(context);
    context.once("close", () => opened.delete(context));
    return context;
  };
  return {
    newContext: async (options) => own(await chromium.newContext(options)),
    // As Browser.newPage: the page in a context of its own, closed with the page.
    newPage: async (options) => {
      const context = own(await chromium.newContext(options));
      const page = await context.newPage();
      page.once("close", () => void context.close().catch(() => {}));
      return page;
    },
    close: async () => {
      await Promise.all([...opened].map((context) => context.close().catch(() => {})));
    },
  };
}

/** Every URL a page requests, so tests can check that none leaves the site. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** axe-core itself, injected into a page's frames to run there (see axeViolations). */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** The rules every page is held to: WCAG 2.x A and AA, 2.2 included. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe-core violations of the WCAG 2.x A and AA rules (2.2 included), as short readable lines.
 *
 * axe is injected into each frame that does not have it yet and run with `axe.run` in the page, which
 * looks into same-origin frames (no page of a course requests another origin). This is what
 * @axe-core/playwright's legacy mode does, less its second injection of the 500 KB script into every
 * frame on every call (once in `analyze`, once more per frame), which was a third of the time of a
 * sweep. Only violations are detailed (`resultTypes`): the other result types keep one example node
 * each, which saves about 15 % on a long page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    const injected = await frame.evaluate(
      () => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function",
    );
    if (!injected) await frame.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import("axe-core") };
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`,
    );
  }, WCAG_TAGS);
}
