import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { readNamedDestinations } from "../../src/print/pdf-destinations.ts";
import { printOnce } from "../../src/print/print-page-pdf.ts";
import { renderPdfs } from "../../src/print/render-pdfs.ts";
import { axeViolations, launchBrowser, type TestBrowser } from "../helpers/browser.ts";
import { slideReadabilityProblems } from "../helpers/slides.ts";
import { serveSite } from "../../src/preview/static-server.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { tempDir } from "../helpers/paths.ts";
import {
  pdfDestinations,
  pdfInfo,
  pdfLanguage,
  pdfOutline,
  pdfOutlineTitles,
  type PdfBookmark,
  pdfPages,
  pdfPageTexts,
  pdfText,
  squash,
} from "../helpers/pdf.ts";

let out: string;
let model: CourseModel;
let browser: TestBrowser;
let pdfs: string[];

beforeAll(async () => {
  // Printing writes PDFs beside the pages, so it prints a copy of the shared build.
  const shared = await sharedBuild("default");
  model = shared.model;
  out = join(await tempDir("print-site-"), "site");
  await cp(shared.out, out, { recursive: true });
  browser = await launchBrowser();
  pdfs = (await renderPdfs({ siteDir: out, log: () => {} })).files;
  // Building and printing 18 PDFs takes 1–2 minutes alone and several on a shared, busy machine.
}, 600_000);
afterAll(async () => {
  await browser?.close();
});

const first = () => model.modules[0]!.competencyId;

describe("facilitator guides in print", () => {
  it("print media hides navigation and chrome on guides and the handbook", async () => {
    const page = await browser.newPage();
    const chrome = [".site-nav", ".lang-switch", ".skip-link", ".site-footer"];
    for (const [path, selectors] of [
      [`en/facilitators/${first()}/index.html`, [...chrome, ".breadcrumb"]],
      ["zh-CN/facilitators/handbook/index.html", chrome],
    ] as const) {
      await page.goto(`file://${join(out, path)}`);
      await page.emulateMedia({ media: "print" });
      for (const selector of selectors) {
        // Present on the page (so the check is not vacuous), and hidden in print.
        expect(await page.locator(selector).count(), `${path} ${selector}`).toBe(1);
        expect(await page.locator(selector).isVisible(), `${path} ${selector}`).toBe(false);
      }
      expect(await page.locator("h1").isVisible()).toBe(true);
    }
    await page.close();
  });

  it("renders a PDF per guide and projector view, and a handbook per locale, beside their pages", () => {
    expect(pdfs).toHaveLength(model.locales.length * (2 * model.modules.length + 1));
    for (const locale of model.locales)
      expect(
        existsSync(join(out, locale, "facilitators", "handbook", `handbook-${locale}.pdf`)),
      ).toBe(true);
  });

  it("the English guide PDF has pages, the session plan, the answer key and page numbers", () => {
    const file = join(out, "en", "facilitators", first(), `guide-${first()}-en.pdf`);
    expect(pdfPages(file)).toBeGreaterThan(0);
    const text = pdfText(file, true);
    expect(text).toContain("Session plan");
    expect(text).toContain("Answer key for the knowledge check");
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain(model.modules[0]!.versions.en!.title);
  });

  it("the Chinese handbook PDF has Chinese text, every guide, and page numbers", () => {
    const file = join(out, "zh-CN", "facilitators", "handbook", "handbook-zh-CN.pdf");
    expect(pdfPages(file)).toBeGreaterThan(model.modules.length);
    const text = pdfText(file, true);
    expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(text).toContain("课程安排");
    for (const m of model.modules) expect(text).toContain(m.versions["zh-CN"]!.title.slice(0, 6));
    expect(text).toMatch(/第 1 页 \/ 共 \d+ 页/);
  });

  it("links the guide pages and the hub to their PDFs once they exist", async () => {
    const guide = await readFile(join(out, "en", "facilitators", first(), "index.html"), "utf8");
    expect(guide).toContain(`<a href="guide-${first()}-en.pdf" data-pdf-link>`);
    const hub = await readFile(join(out, "zh-CN", "facilitators", "index.html"), "utf8");
    expect(hub).toContain(`<a href="handbook/handbook-zh-CN.pdf" data-pdf-link>`);
    expect(hub).not.toMatch(/hidden data-pdf-link/);
  });

  it("fails with a clear message when Chromium is missing, and when there is no built site", async () => {
    await expect(
      renderPdfs({ siteDir: out, chromiumPath: "/nonexistent/chromium", log: () => {} }),
    ).rejects.toThrow(/Chromium was not found at \/nonexistent\/chromium\. Install it/);
    await expect(renderPdfs({ siteDir: join(out, "nothing-here"), log: () => {} })).rejects.toThrow(
      /There is no built site/,
    );
  });
});

describe("a machine without a CJK font", () => {
  it("is refused before printing Chinese guides, with the package to install", async () => {
    // Without fontconfig's fc-list on the PATH no font can be found, as on a machine with no CJK font.
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(renderPdfs({ siteDir: out, log: () => {} })).rejects.toThrow(
        /No Chinese, Japanese or Korean font is installed.*fonts-noto-cjk/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});

describe("running the PDF command again", () => {
  // Printing twice is what is tested, so it is done on a smaller course than the default one (five
  // PDFs instead of eighteen): the second run replaces the PDFs the first wrote, and only those.
  it("prints the same guides again over the previous PDFs", async () => {
    const small = join(await tempDir("print-again-"), "site");
    await cp((await sharedBuild("four-layers")).out, small, { recursive: true });
    const first = await renderPdfs({ siteDir: small, log: () => {} });
    expect(first.files.length).toBeGreaterThanOrEqual(5);
    const again = await renderPdfs({ siteDir: small, log: () => {} });
    expect(again.files.sort()).toEqual([...first.files].sort());
  }, 600_000);
});

/** The running title a printed page's page.css (beside it) puts at the top of each sheet. */
async function runningTitle(html: string): Promise<string> {
  const css = await readFile(join(html, "..", "page.css"), "utf8");
  return JSON.parse(/@top-center \{ content: ("(?:[^"\\]|\\.)*")/.exec(css)![1]!) as string;
}

/** The guides and handbooks of the default course, as printed, with what their pages hold. */
function printedDocuments() {
  return model.locales.flatMap((locale) => [
    {
      locale,
      html: join(out, locale, "facilitators", "handbook", "index.html"),
      pdf: join(out, locale, "facilitators", "handbook", `handbook-${locale}.pdf`),
      handbook: true,
    },
    ...model.modules.map((m) => ({
      locale,
      html: join(out, locale, "facilitators", m.competencyId, "index.html"),
      pdf: join(
        out,
        locale,
        "facilitators",
        m.competencyId,
        `guide-${m.competencyId}-${locale}.pdf`,
      ),
      handbook: false,
    })),
  ]);
}

/**
 * The guide (page and PDF) a handbook's contents entry belongs to: ids carry the guide's id. The
 * glossary, numbered on its own too, counts as one with no PDF of its own.
 */
function guideOf(locale: string, id: string) {
  if (id === "handbook-glossary") return { id, pdf: "", html: "", locale, handbook: true };
  const m = model.modules.find((x) => id === x.competencyId || id.startsWith(`${x.competencyId}-`));
  if (!m) return undefined;
  const doc = printedDocuments().find(
    (d) => !d.handbook && d.locale === locale && d.html.includes(`/${m.competencyId}/`),
  )!;
  return { ...doc, id: m.competencyId };
}

const decodeHtml = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The contents entries of a printed page: target id and label, in order. */
async function contentsEntries(html: string): Promise<{ id: string; label: string }[]> {
  const source = await readFile(html, "utf8");
  return [
    ...source.matchAll(
      /<a href="[^"]*"><span class="toc__label">([^<]*)<\/span> <span class="toc__page" data-toc-page="([^"]+)">/g,
    ),
  ].map((m) => ({ id: m[2]!, label: decodeHtml(m[1]!) }));
}

describe("paged print: contents, outline, metadata, no accidental pages", () => {
  it("every contents entry shows the page its section starts on", async () => {
    for (const doc of printedDocuments()) {
      const entries = await contentsEntries(doc.html);
      expect(entries.length, doc.html).toBeGreaterThan(doc.handbook ? 10 : 6);
      const dests = pdfDestinations(doc.pdf);
      const pages = pdfPageTexts(doc.pdf).map(squash);
      const firstTarget = Math.min(...entries.map((e) => dests.get(e.id) ?? Infinity));
      // The contents in layout order: each page number on the line of its entry.
      const contents = pdfPageTexts(doc.pdf, true).slice(0, firstTarget).map(squash).join("");
      let cursor = 0;
      for (const entry of entries) {
        const page = dests.get(entry.id);
        expect(page, `${doc.pdf}: no destination for ${entry.id}`).toBeGreaterThan(0);
        const label = squash(entry.label);
        const at = contents.indexOf(label, cursor);
        expect(at, `${doc.pdf}: contents entry "${entry.label}"`).toBeGreaterThanOrEqual(0);
        cursor = at + label.length;
        const printed = /^\d+/.exec(contents.slice(cursor))?.[0];
        // A handbook's guide keeps its own page numbers: its entries give the page in the guide,
        // the same page as in the guide's own PDF.
        const guide = doc.handbook ? guideOf(doc.locale, entry.id) : undefined;
        const expected = guide ? page! - dests.get(guide.id)! + 1 : page;
        expect(printed, `${doc.pdf}: page number of "${entry.label}"`).toBe(String(expected));
        if (guide?.pdf && entry.id !== guide.id)
          expect(pdfDestinations(guide.pdf).get(entry.id), `${guide.pdf}: ${entry.id}`).toBe(
            expected,
          );
        // The section really starts there: its heading is on that page (print may set it in capitals).
        expect(
          pages[page! - 1]!.toLowerCase(),
          `${doc.pdf}: "${entry.label}" on page ${page}`,
        ).toContain(label.toLowerCase());
      }
    }
  });

  it("a measuring print paints nothing, finds every contents target where the real print puts it, and leaves the page as it was", async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1400 } });
    // The first guide of each language (the Chinese ones draw their glyphs differently).
    const guides = printedDocuments().filter((d) => !d.handbook);
    for (const doc of model.locales.map((l) => guides.find((d) => d.locale === l)!)) {
      await page.goto(pathToFileURL(doc.html).href);
      await page.emulateMedia({ media: "print" });
      const measured = readNamedDestinations(await printOnce(page, true));
      const printed = pdfDestinations(doc.pdf);
      const ids = (await contentsEntries(doc.html)).map((e) => e.id);
      expect(ids.length, doc.html).toBeGreaterThan(6);
      for (const id of ids) expect(measured.get(id), `${doc.pdf}: ${id}`).toBe(printed.get(id));
      expect(await page.evaluate(() => document.adoptedStyleSheets.length), doc.html).toBe(0);
    }
    // The measuring print draws no text; the real one, printed next, all of it.
    const dir = await tempDir("measuring-print-");
    await writeFile(join(dir, "measuring.pdf"), await printOnce(page, true));
    await writeFile(join(dir, "printed.pdf"), await printOnce(page));
    expect(squash(pdfText(join(dir, "measuring.pdf")))).toBe("");
    expect(squash(pdfText(join(dir, "printed.pdf"))).length).toBeGreaterThan(5000);
    await page.close();
  });

  it("a handbook is its own pages with every guide's PDF, page for page, in the programme's order", async () => {
    for (const locale of model.locales) {
      const handbook = printedDocuments().find((d) => d.handbook && d.locale === locale)!;
      const dests = pdfDestinations(handbook.pdf);
      const pages = pdfPageTexts(handbook.pdf).map(squash);
      let next = 0;
      for (const m of model.modules) {
        const guide = guideOf(locale, m.competencyId)!;
        const start = dests.get(m.competencyId)!;
        expect(start, `${handbook.pdf}: ${m.competencyId}`).toBeGreaterThan(next);
        const own = pdfPageTexts(guide.pdf).map(squash);
        own.forEach((text, i) =>
          expect(pages[start - 1 + i], `${m.competencyId} p. ${i + 1}`).toBe(text),
        );
        next = start + own.length - 1;
      }
      // Its own pages: cover, contents, schedule, framework before the guides; the glossary after.
      expect(dests.get("handbook-glossary")).toBe(next + 1);
      expect(pages.length).toBeGreaterThan(next);
      expect(pages[next]).toContain(squash(model.ui[locale]!["glossary.guideHeading"]!));
      expect(squash(pages[1]!)).toContain(
        squash(model.ui[locale]!["guide.label.handbookNumbering"]!),
      );
    }
  });

  it("the handbook's bookmarks: its own sections, then each guide with the guide's bookmarks below it, then the glossary", async () => {
    for (const doc of printedDocuments().filter((d) => d.handbook)) {
      const outline = await pdfOutline(doc.pdf);
      const dests = pdfDestinations(doc.pdf);
      const guides = outline.filter((b) =>
        model.modules.some((m) => squash(b.title).includes(squash(m.versions[doc.locale]!.title))),
      );
      expect(guides.map((b) => b.page)).toEqual(
        model.modules.map((m) => dests.get(m.competencyId)),
      );
      for (const [i, m] of model.modules.entries()) {
        const own = await pdfOutline(guideOf(doc.locale, m.competencyId)!.pdf);
        const flat = (items: PdfBookmark[]): string[] =>
          items.flatMap((b) => [b.title, ...flat(b.children)]);
        expect(flat([guides[i]!])).toEqual(flat(own));
      }
      expect(outline.at(-1)!.page).toBe(dests.get("handbook-glossary"));
      expect(outline[0]!.page).toBe(1);
    }
  });

  it("has bookmarks for every module, a title, a language and tags", async () => {
    for (const doc of printedDocuments()) {
      const titles = (await pdfOutlineTitles(doc.pdf)).map(squash);
      const modules = doc.handbook
        ? model.modules
        : model.modules.filter((m) => doc.pdf.includes(`guide-${m.competencyId}-`));
      expect(modules.length).toBeGreaterThan(0);
      for (const m of modules) {
        const title = m.versions[doc.locale]!.title;
        expect(
          titles.some((t) => t.includes(squash(title))),
          `${doc.pdf}: no bookmark for ${m.competencyId}`,
        ).toBe(true);
      }
      const info = pdfInfo(doc.pdf);
      expect(info.Title, doc.pdf).toContain(model.settings.title[doc.locale]!);
      expect(info.Tagged).toBe("yes");
      expect(await pdfLanguage(doc.pdf)).toBe(doc.locale);
    }
  });

  it("prints the running title on one line at the top of every page after the first", async () => {
    for (const doc of printedDocuments()) {
      const running = await runningTitle(doc.html);
      expect(running.length).toBeGreaterThan(3);
      // In a handbook, a guide's pages keep the guide's own running title.
      const dests = pdfDestinations(doc.pdf);
      const parts = doc.handbook
        ? await Promise.all(
            model.modules.map(async (m) => {
              const guide = guideOf(doc.locale, m.competencyId)!;
              const from = dests.get(m.competencyId)!;
              return {
                from,
                to: from + pdfPages(guide.pdf) - 1,
                running: await runningTitle(guide.html),
              };
            }),
          )
        : [];
      pdfPageTexts(doc.pdf, true).forEach((text, i) => {
        const own = parts.find((p) => p.from <= i + 1 && i + 1 <= p.to);
        if (i === 0 || own?.from === i + 1) return;
        const top = text
          .split("\n")
          .find((line) => line.trim())!
          .trim();
        expect(top, `${doc.pdf} page ${i + 1}`).toBe(own?.running ?? running);
      });
    }
  });

  it("has no near-empty page: every page but the cover and a handout's first holds 80+ characters", async () => {
    for (const doc of printedDocuments()) {
      const ui = model.ui[doc.locale]!;
      const running = squash(await runningTitle(doc.html));
      // A handbook's guides are checked as guides (its pages are theirs, page for page).
      const dests = pdfDestinations(doc.pdf);
      const inGuide = (page: number) =>
        doc.handbook &&
        model.modules.some((m) => {
          const from = dests.get(m.competencyId)!;
          return from <= page && page < from + pdfPages(guideOf(doc.locale, m.competencyId)!.pdf);
        });
      const pageLine = new RegExp(
        `${squash(ui["guide.pageBefore"]!)}\\d+${squash(ui["guide.pageBetween"]!)}\\d+${squash(ui["guide.pageAfter"]!)}`,
      );
      const handout = squash(ui["guide.label.handout"]!);
      pdfPageTexts(doc.pdf).forEach((text, i) => {
        const body = squash(text).replace(running, "").replace(pageLine, "");
        if ((doc.handbook && i === 0) || inGuide(i + 1)) return; // the cover; a guide
        if (body.toLowerCase().startsWith(handout.toLowerCase())) return; // a handout's first page: one per photocopy
        expect(body.length, `${doc.pdf} page ${i + 1}: "${body}"`).toBeGreaterThanOrEqual(80);
      });
    }
  });

  it("prints the objectives once and each material once, with its quantity", () => {
    const m = model.modules.find((x) => x.versions.en!.materials.some((y) => y.quantity))!;
    const version = m.versions.en!;
    const text = squash(
      pdfPageTexts(
        join(out, "en", "facilitators", m.competencyId, `guide-${m.competencyId}-en.pdf`),
      ).join(""),
    );
    for (const o of version.objectives) expect(text.split(squash(o.text)).length - 1).toBe(1);
    const used = new Set(version.activities.flatMap((a) => a.materialIds));
    expect(used.size).toBeGreaterThan(0);
    const listed = version.materials.filter((x) => used.has(x.id));
    const withQuantity = listed.find((x) => x.quantity && x.per)!;
    expect(text).toContain(
      squash(`${withQuantity.name} · ${withQuantity.quantity} per ${withQuantity.per}`),
    );
  });
});

describe("Chinese print typography", () => {
  it("no table header cell of a zh PDF breaks inside a word", () => {
    const ui = model.ui["zh-CN"]!;
    const plan = [
      "start",
      "minutes",
      "runningTotal",
      "activity",
      "grouping",
      "materialsHeader",
    ].map((k) => ui[`guide.label.${k}`]!);
    const schedule = ["session", "module", "duration"].map((k) => ui[`guide.label.${k}`]!);
    for (const doc of printedDocuments().filter((d) => d.locale === "zh-CN")) {
      const lines = pdfPageTexts(doc.pdf, true).flatMap((p) => p.split("\n"));
      const headers = [plan, ...(doc.handbook ? [schedule] : [])];
      for (const labels of headers) {
        // The header row is the line that starts with the first two labels as cells; a label broken
        // inside a word shows only in part, so its row is not found or misses a label.
        const cell = (label: string) => label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const start = new RegExp(`^\\s*${cell(labels[0]!)}\\s+${cell(labels[1]!)}\\s`);
        const rows = lines.filter((l) => start.test(l));
        expect(rows.length, `${doc.pdf}: header row ${labels.join(" ")}`).toBeGreaterThan(0);
        for (const row of rows) for (const label of labels) expect(row, doc.pdf).toContain(label);
      }
    }
  });

  it("prints no CJK text in italics: no italic CJK font in the PDF, no italic CJK run on the page", async () => {
    for (const doc of printedDocuments().filter((d) => d.locale === "zh-CN")) {
      // Chromium embeds OpenType CJK fonts (Noto CJK) as unnamed Type 3 fonts, so a name check
      // only catches named ones; the page check below is the one that always applies.
      const fonts = execFileSync("pdffonts", [doc.pdf], { encoding: "utf8", stdio: "pipe" });
      expect(fonts.split("\n").length).toBeGreaterThan(3);
      expect(fonts).not.toMatch(/(CJK|Hei|Song|Ming|Kai|Han)\S*(Italic|Oblique)/i);
      expect(pdfText(doc.pdf, true)).toMatch(/[\u4e00-\u9fff]{4}/);
    }
    const page = await browser.newPage();
    for (const [path, media] of [
      ["zh-CN/facilitators/handbook/index.html", "print"],
      [`zh-CN/facilitators/${first()}/index.html`, "print"],
      // The learner's module page, on screen, too: its case notes and key terms are emphasised.
      [`zh-CN/modules/${first()}/index.html`, "screen"],
    ] as const) {
      await page.goto(`file://${join(out, path)}`);
      await page.emulateMedia({ media });
      const italic = await page.evaluate(() => {
        const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
        const found: string[] = [];
        for (const el of Array.from(document.querySelectorAll("main *"))) {
          const own = Array.from(el.childNodes)
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent ?? "")
            .join("");
          const style = getComputedStyle(el);
          if (cjk.test(own) && style.display !== "none" && style.fontStyle !== "normal")
            found.push(`${el.tagName}: ${own.slice(0, 30)}`);
        }
        return found;
      });
      expect(italic, path).toEqual([]);
      // Emphasis in Chinese is by weight instead.
      const ems = await page.locator("main :lang(zh) em").count();
      if (ems)
        expect(
          Number(
            await page
              .locator("main :lang(zh) em")
              .first()
              .evaluate((e) => getComputedStyle(e).fontWeight),
          ),
        ).toBeGreaterThanOrEqual(600);
    }
    await page.close();
  });
});

describe("projector view", () => {
  const slidesHtml = (locale: string, id: string) =>
    join(out, locale, "facilitators", id, "slides", "index.html");
  /** Slides a module's projector view has: its title, then each block's (two for a check, more for a long case). */
  const slideCount = (locale: string, id: string) => {
    const version = model.modules.find((m) => m.competencyId === id)!.versions[locale]!;
    return 1 + version.slides.reduce((n, s) => n + s.count, 0);
  };
  const textOf = (html: string) =>
    squash(decodeHtml(html.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " "));

  it("moves through every slide with the arrow keys and a clicker's Page Down, one slide shown at a time", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    for (const locale of model.locales) {
      const id = first();
      await page.goto(`file://${slidesHtml(locale, id)}`);
      const slides = page.locator("[data-slide]");
      const total = await slides.count();
      expect(total).toBe(slideCount(locale, id));
      expect(total).toBeGreaterThan(5);
      const shown = async () => {
        const visible: number[] = [];
        for (let i = 0; i < total; i++) if (await slides.nth(i).isVisible()) visible.push(i + 1);
        return visible;
      };
      expect(await shown()).toEqual([1]);
      for (let n = 2; n <= total; n++) {
        await page.keyboard.press(n % 2 ? "PageDown" : "ArrowRight");
        await expect
          .poll(() => page.locator(".slide--current").getAttribute("id"))
          .toBe(`slide-${n}`);
        expect(await page.locator(`#slide-${n}`).isVisible(), `${locale} slide ${n}`).toBe(true);
      }
      expect(await shown()).toEqual([total]);
      await page.keyboard.press("ArrowRight"); // past the end: stays on the last slide
      expect(await page.locator(".slide--current").getAttribute("id")).toBe(`slide-${total}`);
      await page.keyboard.press("ArrowLeft");
      expect(await page.locator(".slide--current").getAttribute("id")).toBe(`slide-${total - 1}`);
      await page.keyboard.press("PageUp");
      expect(await page.locator(".slide--current").getAttribute("id")).toBe(`slide-${total - 2}`);
    }
    await page.close();
  });

  it("keeps every slide of every module readable from the back of a room: large type, nothing cut off, no slanted Chinese", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    const continued: string[] = [];
    for (const locale of model.locales)
      for (const m of model.modules) {
        await page.goto(`file://${slidesHtml(locale, m.competencyId)}`);
        const found = await slideReadabilityProblems(page);
        expect(found.slides).toBe(slideCount(locale, m.competencyId));
        problems.push(...found.problems.map((p) => `${locale} ${m.competencyId} ${p}`));
        // A case too long for one slide goes on with its heading, marked as continued.
        const version = m.versions[locale]!;
        for (const s of version.slides)
          if (s.kind === "case" && s.count > 1) {
            const title = version.cases[s.index]!.title;
            const next = await page.locator(`#slide-${s.number + 1}-h`).textContent();
            expect(next).toContain(title);
            expect(next).not.toBe(title);
            continued.push(next!);
          }
      }
    expect(problems).toEqual([]);
    // The default course has cases too long for one slide: the split is exercised, not assumed.
    expect(continued.length).toBeGreaterThan(0);
    await page.close();
  });

  it("keeps an activity's timer running across the slides of that activity, and stops it on the next block", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const split = model.locales.flatMap((locale) =>
      model.modules.flatMap((m) =>
        m.versions[locale]!.slides.flatMap((s) =>
          s.kind === "activity" && s.count > 1 ? [{ locale, m, s }] : [],
        ),
      ),
    );
    expect(split.length, "an activity on more than one slide").toBeGreaterThan(0);
    const { locale, m, s } = split[0]!;
    await page.goto(`file://${slidesHtml(locale, m.competencyId)}#slide-${s.number}`);
    const clock = page.locator("[data-clock]");
    await page.locator("[data-timer]").click();
    await expect.poll(() => clock.textContent()).toMatch(/^\d+:\d\d$/);
    await page.keyboard.press("ArrowRight");
    expect(await page.locator(".slide--current").getAttribute("id")).toBe(`slide-${s.number + 1}`);
    expect(await clock.textContent()).toMatch(/^\d+:\d\d$/);
    // Past the activity's last slide the timer stops.
    for (let i = 1; i < s.count; i++) await page.keyboard.press("ArrowRight");
    expect(await page.locator(".slide--current").getAttribute("id")).toBe(
      `slide-${s.number + s.count}`,
    );
    expect(await clock.textContent()).toBe("");
    await page.close();
  });

  it("shows no facilitator text on any slide", async () => {
    for (const locale of model.locales)
      for (const m of model.modules) {
        const version = m.versions[locale]!;
        const notes = [
          ...version.facilitatorNotes,
          ...version.activities.flatMap((a) => a.facilitatorHtml),
        ]
          .map(textOf)
          .filter((t) => t.length > 12);
        expect(notes.length, `${locale} ${m.competencyId}`).toBeGreaterThan(0);
        const html = await readFile(slidesHtml(locale, m.competencyId), "utf8");
        const deck = html.slice(html.indexOf("data-deck"));
        expect(deck).not.toContain("facilitator-note");
        const text = textOf(deck);
        // The slides do hold the module's learner text (so the check below is not vacuous) …
        expect(text).toContain(squash(version.cases[0]!.title));
        // … and none of its facilitator notes.
        for (const note of notes)
          expect(text, `${locale} ${m.competencyId}`).not.toContain(note.slice(0, 40));
      }
  });

  it("prints to a 16:9 PDF with one page per slide", () => {
    for (const locale of model.locales)
      for (const m of model.modules) {
        const file = join(
          out,
          locale,
          "facilitators",
          m.competencyId,
          "slides",
          `slides-${m.competencyId}-${locale}.pdf`,
        );
        expect(pdfs).toContain(file);
        expect(pdfPages(file), file).toBe(slideCount(locale, m.competencyId));
        const size = /^([\d.]+) x ([\d.]+)/.exec(pdfInfo(file)["Page size"]!)!;
        expect(Number(size[1]) / Number(size[2])).toBeCloseTo(16 / 9, 2);
        const pages = pdfPageTexts(file).map(squash);
        const version = m.versions[locale]!;
        expect(pages[0]).toContain(squash(version.title));
        expect(pages.some((p) => p.includes(squash(version.cases[0]!.title)))).toBe(true);
      }
  });

  it("has no axe-core violations, enhanced and as one long page without its script", async () => {
    const site = await serveSite(out);
    const failures: string[] = [];
    try {
      for (const script of [true, false]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        // axe itself needs JavaScript, so "without JavaScript" is the page with slides.js blocked.
        if (!script) await page.route("**/slides.js", (route) => route.abort());
        for (const locale of model.locales) {
          await page.goto(`${site.url}${locale}/facilitators/${first()}/slides/index.html`);
          expect(await page.locator("html.slides-enhanced").count()).toBe(script ? 1 : 0);
          for (const v of await axeViolations(page))
            failures.push(`${locale} ${script ? "enhanced" : "no script"}: ${v}`);
        }
        await context.close();
      }
    } finally {
      await site.close();
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
