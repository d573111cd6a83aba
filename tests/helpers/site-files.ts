import { readdir } from "node:fs/promises";
import { posix } from "node:path";

/** Every file under `dir`, as sorted posix paths relative to it. */
export async function listSiteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => posix.join(posix.relative(dir, e.parentPath).split("\\").join("/"), e.name))
    .sort();
}

/** Common HTML entities decoded (numeric ones and the five named ones, plus &nbsp;). */
export function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The visible text of an HTML page: scripts, styles and tags dropped, entities decoded. */
export function visibleTextOf(html: string): string {
  return decodeHtmlEntities(
    html
      .replace(/<script[\s\S]*?<\/script>/gi, " ")
      .replace(/<style[\s\S]*?<\/style>/gi, " ")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Internal links (href and src) of the built site's HTML pages whose target file does not exist, as
 * "page → href". External links, in-page anchors and PDFs (made later by `npm run pdf`) are skipped.
 */
export function findBrokenLinks(files: string[], htmlOf: (file: string) => string): string[] {
  const present = new Set(files);
  const broken: string[] = [];
  for (const page of files.filter((f) => f.endsWith(".html"))) {
    for (const m of htmlOf(page).matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = decodeHtmlEntities(m[1]!);
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("//"))
        continue;
      const path = href.split("#")[0]!.split("?")[0]!;
      if (!path || path.endsWith(".pdf")) continue;
      const resolved = path.startsWith("/")
        ? path.slice(1)
        : posix.normalize(posix.join(posix.dirname(page), path));
      const target = resolved === "" || resolved.endsWith("/") ? `${resolved}index.html` : resolved;
      if (!present.has(target)) broken.push(`${page} → ${href}`);
    }
  }
  return broken;
}
