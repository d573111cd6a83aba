import type { Page } from "playwright-core";

/** A page taller than this at 360 px (about seven screens) must have "On this page". */
export const LONG_PAGE_HEIGHT = 5000;
/** The header leaves the first screen to content: at most this tall at 390 px (DESIGN.md). */
export const MAX_HEADER_HEIGHT = 96;

/**
 * What a phone user meets on the current page (open it at 360 px): width beyond the screen, tap
 * targets under 24 × 24 px (WCAG 2.2, 2.5.8), and a long page without its contents list.
 */
export async function phonePageProblems(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const targets = [
      ...document.querySelectorAll("a[href], button, input, select, summary, textarea"),
    ];
    const small: string[] = [];
    let counted = 0;
    for (const el of targets) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Hidden controls, links inside running text (WCAG 2.5.8's inline exception) and inputs made
      // invisible for a label that acts as the target are not targets of their own.
      if (!box.width || !box.height || style.visibility === "hidden") continue;
      if (el.tagName === "A" && style.display === "inline") continue;
      if (el.classList.contains("visually-hidden")) continue;
      counted++;
      if (box.width < 24 || box.height < 24)
        small.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    const height = document.documentElement.scrollHeight;
    const contents = document.querySelector(".page-contents") !== null;
    return { overflow, counted, small, height, contents };
  });
  const problems: string[] = [];
  if (found.counted === 0) problems.push("no tap targets found");
  if (found.overflow > 0) problems.push(`${found.overflow} px wider than the screen`);
  for (const s of found.small) problems.push(`small target ${s}`);
  if (found.height > LONG_PAGE_HEIGHT && !found.contents)
    problems.push(`${found.height} px tall with no "On this page"`);
  return problems;
}

/**
 * The header of the current page (open it at 390 px): too tall, a part missing (title, search when
 * the course has it, language switch when it has other languages, menu), or a part below the bar.
 */
export async function headerProblems(
  page: Page,
  expect: { search: boolean; languages: boolean },
): Promise<string[]> {
  const header = await page.evaluate(() => {
    const bar = document.querySelector(".site-header")!.getBoundingClientRect();
    const parts = [
      ".site-title a",
      ".header-search",
      ".lang-switch a:not([aria-current])",
      ".site-menu summary",
    ];
    return {
      height: bar.height,
      found: parts.map((s) => document.querySelectorAll(s).length),
      bottoms: parts.map((s) => document.querySelector(s)?.getBoundingClientRect().bottom ?? 0),
    };
  });
  const wanted = [true, expect.search, expect.languages, true];
  const problems: string[] = [];
  if (header.height > MAX_HEADER_HEIGHT) problems.push(`header ${header.height} px tall`);
  if (header.found.some((n, i) => wanted[i] && n === 0))
    problems.push(`header parts ${header.found}`);
  if (header.bottoms.some((b) => b > header.height)) problems.push("a header part is below it");
  return problems;
}
