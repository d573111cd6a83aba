import type { Page } from "playwright-core";

/**
 * Every Content Security Policy violation the page reports, from its first script on, as
 * `path: directive blocked-URI source:line`; kept on the test's side, so a redirect (the root
 * page's) loses none. Empty the array between pages to tell them apart.
 */
export async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("reportViolation", (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation: (l: string) => void }).reportViolation(
        `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  return seen;
}
