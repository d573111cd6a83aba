import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFObject,
} from "pdf-lib";

/**
 * What a poppler tool prints for a file, run once per file version: tests read the same PDFs many
 * times (a handbook's page count once per page checked), and a PDF printed again is read again.
 */
const popplerOutput = new Map<string, string>();
function poppler(tool: string, args: string[], file: string): string {
  const { mtimeMs, size } = statSync(file);
  const key = JSON.stringify([tool, args, file, mtimeMs, size]);
  let out = popplerOutput.get(key);
  if (out === undefined) {
    out = execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], {
      encoding: "utf8",
      stdio: "pipe",
      maxBuffer: 64 * 1024 * 1024,
    });
    popplerOutput.set(key, out);
  }
  return out;
}

/** Each page's text, from poppler's pdftotext (pages are separated by form feeds). */
export function pdfPageTexts(file: string, layout = false): string[] {
  return pdfText(file, layout).split("\f").slice(0, -1);
}

/** The whole text, from poppler's pdftotext (`-layout` keeps the columns in place). */
export function pdfText(file: string, layout = false): string {
  return poppler("pdftotext", layout ? ["-layout"] : [], file);
}

/** The number of pages. */
export function pdfPages(file: string): number {
  return Number(pdfInfo(file).Pages);
}

/** pdfinfo's fields: Title, Pages, Page size, Tagged, … */
export function pdfInfo(file: string): Record<string, string> {
  const out = poppler("pdfinfo", [], file);
  return Object.fromEntries(
    out
      .split("\n")
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => Boolean(m))
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** Named destinations and their pages, read by poppler (`pdfinfo -dests`). */
export function pdfDestinations(file: string): Map<string, number> {
  const out = poppler("pdfinfo", ["-dests"], file);
  const dests = new Map<string, number>();
  for (const m of out.matchAll(/^\s*(\d+)\s+\[[^\]]*\]\s+"([^"]+)"$/gm))
    dests.set(m[2]!, Number(m[1]));
  return dests;
}

/** A bookmark of a PDF's outline: its title, the page it opens (1-based) and the ones below it. */
export interface PdfBookmark {
  title: string;
  page: number;
  children: PdfBookmark[];
}

/** The PDF's outline (bookmarks), read with pdf-lib, in order. */
export async function pdfOutline(file: string): Promise<PdfBookmark[]> {
  const doc = await PDFDocument.load(readFileSync(file), {
    updateMetadata: false,
    parseSpeed: Infinity, // no pause for a timer tick every 100 objects
  });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const walk = (ref: PDFObject | undefined): PdfBookmark[] => {
    const items: PdfBookmark[] = [];
    for (let guard = 0; ref instanceof PDFRef && guard < 10_000; guard++) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of("Title"));
      const dest = item.lookup(PDFName.of("Dest"));
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      items.push({
        title:
          title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "",
        page: target instanceof PDFRef ? (pageOf.get(target.toString()) ?? 0) : 0,
        children: walk(item.get(PDFName.of("First"))),
      });
      ref = item.get(PDFName.of("Next"));
    }
    return items;
  };
  return walk(doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict)?.get(PDFName.of("First")));
}

/** The titles of the PDF's outline (bookmarks), depth first. */
export async function pdfOutlineTitles(file: string): Promise<string[]> {
  const flat = (items: PdfBookmark[]): string[] =>
    items.flatMap((b) => [b.title, ...flat(b.children)]);
  return flat(await pdfOutline(file));
}

/** The catalog's /Lang: the document's language. */
export async function pdfLanguage(file: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(readFileSync(file), {
    updateMetadata: false,
    parseSpeed: Infinity, // no pause for a timer tick every 100 objects
  });
  const lang = doc.catalog.lookup(PDFName.of("Lang"));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

/** Text with all white space removed, to compare text that pdftotext may wrap or space differently. */
export const squash = (text: string) => text.replace(/\s+/g, "");
