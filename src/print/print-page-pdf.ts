import type { Page } from "playwright-core";
import { readNamedDestinations } from "./pdf-destinations.ts";

/** At most this many prints of one page: the first, one with page numbers, one to settle a shift. */
const MAX_PASSES = 3;

/** The page each contents entry points at, as `npm run pdf` fills it into `[data-toc-page]`. */
export type ContentsPages = Map<string, number>;

const print = (page: Page, measuring: boolean) =>
  page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    outline: !measuring,
    tagged: !measuring,
  });

/**
 * One print of the open page. A measuring print is read only for where the contents' targets landed,
 * so it leaves out the tags and paints nothing: every element is `visibility: hidden`, which lays the
 * pages out exactly as they print but draws no text. Chromium still writes each target's named
 * destination, and the print takes a fifth to a third of the time (writing the Chinese glyphs of a
 * guide is most of a print). The style sheet is set through the CSSOM (the page's Content Security
 * Policy allows no inline style) and removed before the real print.
 */
export async function printOnce(page: Page, measuring = false): Promise<Buffer> {
  if (!measuring) return print(page, false);
  await page.evaluate(() => {
    const hide = new CSSStyleSheet();
    hide.replaceSync("html, html * { visibility: hidden !important; }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hide];
  });
  try {
    return await print(page, true);
  } finally {
    await page.evaluate(() => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1);
    });
  }
}

/** Puts page numbers into the contents' `[data-toc-page="id"]` slots (CSSOM/DOM only, no markup). */
async function fillContents(page: Page, pages: ContentsPages): Promise<void> {
  await page.evaluate(
    (entries) => {
      const numbers = new Map(entries);
      for (const slot of Array.from(document.querySelectorAll("[data-toc-page]"))) {
        const n = numbers.get(slot.getAttribute("data-toc-page") ?? "");
        slot.textContent = n === undefined ? "" : String(n);
      }
    },
    [...pages],
  );
}

const samePages = (a: ContentsPages, b: ContentsPages, ids: string[]) =>
  ids.every((id) => a.get(id) === b.get(id));

/**
 * Prints the open page to PDF. When it has a contents list with page-number slots, it prints twice:
 * once to learn where each entry's target landed (the PDF's named destinations, which Chromium writes
 * for every in-document link target, with or without tags or paint: a measuring print), then again
 * with the numbers filled in. The slots have a fixed width, so filling them moves nothing; if
 * something did move, a third print settles it.
 * Entries in `known` get the page given there instead. Returns the PDF and the page numbers it shows.
 */
export async function printWithContents(
  page: Page,
  known: ContentsPages = new Map(),
): Promise<{ pdf: Buffer; contents: ContentsPages }> {
  // Entries whose page is known already (a handbook's guides, printed on their own) are filled in
  // as given; the others are looked up in the print.
  const ids = (
    await page.$$eval("[data-toc-page]", (slots) =>
      slots.map((s) => s.getAttribute("data-toc-page") ?? ""),
    )
  ).filter((id) => !known.has(id));
  if (known.size) await fillContents(page, known);
  if (!ids.length) return { pdf: await printOnce(page), contents: new Map(known) };
  let pdf = await printOnce(page, true);
  let shown: ContentsPages = new Map();
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const found = readNamedDestinations(pdf);
    if (pass > 1 && samePages(found, shown, ids)) break;
    shown = new Map(ids.flatMap((id) => (found.has(id) ? [[id, found.get(id)!] as const] : [])));
    await fillContents(page, new Map([...known, ...shown]));
    pdf = await printOnce(page);
  }
  return { pdf, contents: new Map([...known, ...shown]) };
}
