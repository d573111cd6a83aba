import type { Browser, BrowserContext, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
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

/** axe-core violations of the WCAG 2.x A and AA rules (2.2 included), as short readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself instead of gathering each frame's results in a new blank
  // page: the same rules and results (measured on the default course's pages), about 30 % faster. It
  // leaves out cross-origin frames, which no page of a course has (no page requests another origin).
  // Only violations are read, so axe details no other result type (passes, incomplete, inapplicable
  // keep one example node each): the same violations, about 15 % less work on a long page.
  // (`options` replaces what `withTags` sets, so it comes first.)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`,
  );
}
