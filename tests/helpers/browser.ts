import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { chromiumPath, launchChromium } from "../../src/browser/chromium.ts";

export const CHROMIUM_PATH = chromiumPath();

/**
 * Debian's Chromium, with the flags that keep it from calling out to the network. Headless, unless
 * HEADED=1 (to watch a test on a machine with a display). `extraArgs` adds flags (e.g. a fake camera).
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return launchChromium(CHROMIUM_PATH, !process.env.HEADED, extraArgs);
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
