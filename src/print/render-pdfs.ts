import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { assertPreviousOutput } from "../build/safe-output.ts";
import { CourseError } from "../errors.ts";

export interface PdfOptions {
  siteDir: string;
  chromiumPath?: string;
  log?: (line: string) => void;
}

export interface PdfResult {
  files: string[];
}

/** The guide and handbook pages of a built site: site/<locale>/facilitators/<name>/index.html. */
async function findPrintPages(
  siteDir: string,
): Promise<{ html: string; pdf: string; locale: string }[]> {
  const pages = [];
  for (const locale of await readdir(siteDir)) {
    const hub = join(siteDir, locale, "facilitators");
    if (!existsSync(join(hub, "index.html"))) continue;
    for (const name of (await readdir(hub)).sort()) {
      const html = join(hub, name, "index.html");
      if (!existsSync(html)) continue;
      const file = /<a href="([^"/]+\.pdf)"(?: hidden)? data-pdf-link>/.exec(
        await readFile(html, "utf8"),
      )?.[1];
      if (file) pages.push({ html, pdf: join(hub, name, file), locale });
    }
  }
  return pages;
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
    const hub = join(siteDir, locale, "facilitators");
    if (!existsSync(hub)) continue;
    const htmlFiles = [
      join(hub, "index.html"),
      ...(await readdir(hub)).map((n) => join(hub, n, "index.html")),
    ];
    for (const file of htmlFiles.filter((f) => existsSync(f))) {
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

/**
 * Prints every facilitator guide and handbook of an already built site to PDF with headless
 * Chromium, beside its page, then links the pages to them. It never rebuilds the site.
 */
export async function renderPdfs(options: PdfOptions): Promise<PdfResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const siteDir = resolve(options.siteDir);
  const executablePath = options.chromiumPath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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
  if (!existsSync(executablePath))
    throw new CourseError(
      `Chromium was not found at ${executablePath}. Install it (Debian/Ubuntu: \`sudo apt-get install chromium\`) or set CHROMIUM_PATH to a Chromium or Chrome executable.`,
    );
  if (pages.some((p) => /^(zh|ja|ko)\b/.test(p.locale)) && !hasCjkFont())
    throw new CourseError(
      "No Chinese, Japanese or Korean font is installed, so the Chinese guides would print as empty boxes. Install one (Debian/Ubuntu: `sudo apt-get install fonts-noto-cjk`) and run `npm run pdf` again.",
    );

  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const files: string[] = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [i, item] of pages.entries()) {
      await page.goto(pathToFileURL(item.html).href, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      await page.pdf({
        path: item.pdf,
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
      });
      files.push(item.pdf);
      log(
        `[${i + 1}/${pages.length}] ${relative(process.cwd(), item.html)} → ${relative(process.cwd(), item.pdf)}`,
      );
    }
  } finally {
    await browser.close();
  }
  await revealPdfLinks(siteDir);
  log(`Wrote ${files.length} PDFs into ${options.siteDir}/.`);
  return { files };
}
