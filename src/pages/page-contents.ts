import type { CourseModel } from "../course/model.ts";
import { uiFor } from "../framework/ui-strings.ts";

/** The page types long enough to get an "On this page" list of their sections. */
export const LONG_PAGE_TYPES = [
  "module",
  "guide",
  "trainers",
  "handbook",
  "reflection",
  "assess",
  "glossary",
  "framework",
] as const;

interface Section {
  id: string;
  text: string;
}

/**
 * A section starts at an `<h2>` with an id, or at an element with an id that names itself for the
 * list in `data-contents-label` (a self-assessment rubric, a glossary term: parts without a heading).
 */
const SECTION =
  /<h2\b([^>]*)>([\s\S]*?)<\/h2>|<[a-z]+\b([^>]*\sdata-contents-label="([^"]*)"[^>]*)>/g;

function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The sections of a page: every `<h2>` with an id and every element labelled for the list, in page
 * order. A heading marked `data-contents-skip` (one
 * hidden until the learner acts) is left out.
 */
export function listSections(mainHtml: string): Section[] {
  const sections: Section[] = [];
  for (const [, headingAttrs, inner, labelledAttrs, label] of mainHtml.matchAll(SECTION)) {
    const attrs = headingAttrs ?? labelledAttrs!;
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    if (!id || id === "toc" || /\sdata-contents-skip\b/.test(attrs)) continue;
    // The label is an attribute value, already escaped; a heading's text is HTML already.
    sections.push({ id, text: label ?? stripTags(inner!) });
  }
  return sections;
}

function renderContents(sections: Section[], label: string): string {
  const items = sections.map((s) => `<li><a href="#${s.id}">${s.text}</a></li>`).join("");
  return (
    `<nav class="page-contents" aria-labelledby="page-contents-label" data-pagefind-ignore>` +
    `<details class="page-contents__details" data-page-contents>` +
    `<summary id="page-contents-label">${label}</summary><ol>${items}</ol></details></nav>`
  );
}

/**
 * Adds "On this page" to a long page's HTML: a collapsible list of its sections at the top of main
 * (a sticky right column on wide screens, see site.css), the page's content wrapped beside it.
 * Other pages, and pages with fewer than three sections, come back unchanged.
 */
export function addPageContents(html: string, model: CourseModel): string {
  const type = /<body class="page-([\w-]+)[" ]/.exec(html)?.[1];
  if (!type || !(LONG_PAGE_TYPES as readonly string[]).includes(type)) return html;
  const open = /<main\b[^>]*>/.exec(html);
  const close = html.lastIndexOf("</main>");
  if (!open || close === -1) return html;
  const start = open.index + open[0].length;
  const main = html.slice(start, close);
  const sections = listSections(main);
  if (sections.length < 3) return html;
  const locale = /<html lang="([^"]+)"/.exec(html)?.[1] ?? model.defaultLocale;
  const label = uiFor(model.ui, locale)("contents.label");
  const assets = /href="([^"]*)assets\/site\.css"/.exec(html)?.[1] ?? "";
  return (
    html.slice(0, open.index) +
    open[0].replace("<main", '<main data-has-contents=""') +
    renderContents(sections, label) +
    `<div class="page-body">${main}</div>` +
    html
      .slice(close)
      .replace("</body>", `<script src="${assets}assets/contents.js" defer></script>\n</body>`)
  );
}
