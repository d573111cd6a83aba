import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { availableParallelism } from "node:os";
import { assertChromium, chromiumPath, launchChromium } from "../browser/chromium.ts";
import { assertPreviousOutput } from "../output/safe-output.ts";
import { CourseError } from "../errors.ts";
import { printHandbook } from "./print-handbook.ts";
import { printWithContents } from "./print-page-pdf.ts";

/** The window a guide is laid out in before printing (print layout uses the paper size). */
const A4_SCREEN = { width: 1024, height: 1400 };

export interface PdfOptions {
  siteDir: string;
  chromiumPath?: string;
  log?: (line: string) => void;
}

export interface PdfResult {
  files: string[];
}

/** Every index.html under the facilitators' section of one locale: hub, guides, handbook, slides. */
async function facilitatorPages(siteDir: string, locale: string): Promise<string[]> {
  const hub = join(siteDir, locale, "facilitators");
  if (!existsSync(join(hub, "index.html"))) return [];
  const files: string[] = [join(hub, "index.html")];
  for (const name of (await readdir(hub)).sort()) {
    for (const file of [join(hub, name, "index.html"), join(hub, name, "slides", "index.html")])
      if (existsSync(file)) files.push(file);
  }
  return files;
}

/**
 * The printable pages of a built site, each with the PDF beside it that its `data-pdf-link` names:
 * guides and the handbook (A4 or Letter) and projector views (16:9).
 */
async function findPrintPages(siteDir: string): Promise<PrintPage[]> {
  const pages: PrintPage[] = [];
  for (const locale of (await readdir(siteDir)).sort()) {
    for (const html of await facilitatorPages(siteDir, locale)) {
      const file = /<a href="([^"/]+\.pdf)"(?: hidden)? data-pdf-link>/.exec(
        await readFile(html, "utf8"),
      )?.[1];
      if (file)
        pages.push({
          html,
          pdf: join(dirname(html), file),
          locale,
          slides: file.startsWith("slides-"),
          handbook: file.startsWith("handbook-"),
        });
    }
  }
  return pages;
}

interface PrintPage {
  html: string;
  pdf: string;
  locale: string;
  /** A projector view: printed at 16:9, laid out on a 16:9 screen first so its type fits. */
  slides: boolean;
  /** The programme handbook: its own pages printed, then the guides' PDFs put in (see {@link printHandbook}). */
  handbook: boolean;
}

function hasCjkFont(): boolean {
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

/** Shows the links to PDFs that now exist, in every page of the facilitators' section. */
async function revealPdfLinks(siteDir: string): Promise<void> {
  for (const locale of await readdir(siteDir)) {
    for (const file of await facilitatorPages(siteDir, locale)) {
      const html = await readFile(file, "utf8");
      const next = html.replace(
        /<a href="([^"]+\.pdf)" hidden data-pdf-link>/g,
        (tag, href: string) =>
          existsSync(join(dirname(file), href)) ? `<a href="${href}" data-pdf-link>` : tag,
      );
      if (next !== html) await writeFile(file, next);
    }
  }
}

/** How many pages print at once in the one browser: the machine's cores, at most four. */
export const PDF_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Prints every facilitator guide, handbook and projector view of an already built site to PDF with
 * headless Chromium, several pages at once in one browser, each PDF beside its page; then links the
 * pages to them. Contents lists get their page numbers from a first print. It never rebuilds the site.
 */
export async function renderPdfs(options: PdfOptions): Promise<PdfResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const siteDir = resolve(options.siteDir);
  const executablePath = chromiumPath(options.chromiumPath);
  if (!(await stat(siteDir).catch(() => undefined)))
    throw new CourseError(
      `There is no built site in ${options.siteDir}/. Run \`npm run build\` first; \`npm run pdf\` prints the built site.`,
    );
  assertPreviousOutput(options.siteDir);
  const pages = await findPrintPages(siteDir);
  if (!pages.length)
    throw new CourseError(
      `${options.siteDir}/ has no facilitator guides to print. Does the course have trainable competencies with modules? Run \`npm run build\` first.`,
    );
  assertChromium(executablePath);
  if (pages.some((p) => /^(zh|ja|ko)\b/.test(p.locale)) && !hasCjkFont())
    throw new CourseError(
      "No Chinese, Japanese or Korean font is installed, so the Chinese guides would print as empty boxes. Install one (Debian/Ubuntu: `sudo apt-get install fonts-noto-cjk`) and run `npm run pdf` again.",
    );

  const browser = await launchChromium(executablePath);
  const files: string[] = [];
  let done = 0;
  try {
    const context = await browser.newContext();
    // A handbook is made from its language's guide PDFs, so it waits for them: the guides come
    // first, language by language, then the handbooks, then the projector views, which keep the
    // other pages busy while the last handbook is put together.
    const guidePdfs = new Map(pages.filter((p) => !p.slides).map((p) => [p.html, p.pdf]));
    const locales = [...new Set(pages.map((p) => p.locale))];
    const isGuide = (p: PrintPage) => !p.slides && !p.handbook;
    const queue = [
      ...pages.filter(isGuide),
      ...pages.filter((p) => p.handbook),
      ...pages.filter((p) => p.slides),
    ];
    const guides = new Map(
      locales.map((locale) => {
        let printed = () => {};
        const done = new Promise<void>((resolve) => (printed = resolve));
        const left = pages.filter((p) => p.locale === locale && isGuide(p)).length;
        if (!left) printed();
        return [locale, { left, done, printed }];
      }),
    );
    const worker = async () => {
      const page = await context.newPage();
      // Print media from the start: each page is laid out for print as it loads, not first for a
      // screen (about 0.4 s less for the default course's 18 PDFs).
      await page.emulateMedia({ media: "print" });
      for (let item = queue.shift(); item; item = queue.shift()) {
        const ofLocale = guides.get(item.locale)!;
        await page.setViewportSize(item.slides ? { width: 1280, height: 720 } : A4_SCREEN);
        if (item.handbook) {
          await ofLocale.done;
          await writeFile(item.pdf, await printHandbook(page, item.html, guidePdfs));
        } else {
          await page.goto(pathToFileURL(item.html).href, { waitUntil: "load" });
          await writeFile(item.pdf, (await printWithContents(page)).pdf);
          if (isGuide(item) && --ofLocale.left === 0) ofLocale.printed();
        }
        files.push(item.pdf);
        done += 1;
        log(
          `[${done}/${pages.length}] ${relative(process.cwd(), item.html)} → ${relative(process.cwd(), item.pdf)}`,
        );
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(PDF_CONCURRENCY, pages.length) }, worker));
  } finally {
    await browser.close();
  }
  files.sort();
  await revealPdfLinks(siteDir);
  log(`Wrote ${files.length} PDFs into ${options.siteDir}/.`);
  return { files };
}
