import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Each page's text, from poppler's pdftotext (pages are separated by form feeds). */
export function pdfPageTexts(file: string, layout = false): string[] {
  const text = execFileSync("pdftotext", [...(layout ? ["-layout"] : []), file, "-"], {
    encoding: "utf8",
    stdio: "pipe",
    maxBuffer: 64 * 1024 * 1024,
  });
  return text.split("\f").slice(0, -1);
}

/** pdfinfo's fields: Title, Pages, Page size, Tagged, … */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8", stdio: "pipe" });
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
  const out = execFileSync("pdfinfo", ["-dests", file], { encoding: "utf8", stdio: "pipe" });
  const dests = new Map<string, number>();
  for (const m of out.matchAll(/^\s*(\d+)\s+\[[^\]]*\]\s+"([^"]+)"$/gm))
    dests.set(m[2]!, Number(m[1]));
  return dests;
}

const decodePdfString = (hex: string | undefined, literal: string | undefined): string => {
  if (hex !== undefined) {
    const bytes = Buffer.from(hex.replace(/\s+/g, ""), "hex");
    return bytes[0] === 0xfe && bytes[1] === 0xff
      ? bytes.subarray(2).swap16().toString("utf16le")
      : bytes.toString("latin1");
  }
  return (literal ?? "").replace(/\\([()\\])/g, "$1");
};

/** The titles of the PDF's outline (bookmarks), in file order: every object with /Title and /Dest. */
export function pdfOutlineTitles(file: string): string[] {
  const text = readFileSync(file).toString("latin1");
  const titles: string[] = [];
  for (const m of text.matchAll(
    /<<\/Title (?:<([0-9A-Fa-f\s]*)>|\(((?:[^()\\]|\\.)*)\))\s*\/Dest\b/g,
  ))
    titles.push(decodePdfString(m[1], m[2]));
  return titles;
}

/** The catalog's /Lang: the document's language. */
export function pdfLanguage(file: string): string | undefined {
  const text = readFileSync(file).toString("latin1");
  return /\/Type \/Catalog[\s\S]*?\/Lang \(([^)]*)\)/.exec(text)?.[1];
}

/** Text with all white space removed, to compare text that pdftotext may wrap or space differently. */
export const squash = (text: string) => text.replace(/\s+/g, "");
