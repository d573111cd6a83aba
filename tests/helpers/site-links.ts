import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";

/** Every file under `dir`, as sorted posix paths relative to it. */
export async function listSiteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => posix.join(posix.relative(dir, e.parentPath).split("\\").join("/"), e.name))
    .sort();
}

const decode = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The site file a relative link on `page` points to; undefined for external links and PDFs. */
function linkTarget(page: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return undefined;
  const path = href.split("#")[0]!.split("?")[0]!;
  if (!path) return page;
  if (path.endsWith(".pdf")) return undefined;
  const resolved = path.startsWith("/")
    ? path.slice(1)
    : posix.normalize(posix.join(posix.dirname(page), path));
  return resolved.endsWith("/") || resolved === "" ? `${resolved}index.html` : resolved;
}

/** Internal links of a built site (root path prefix) whose file or `#anchor` does not exist. */
export async function brokenSiteLinks(dir: string): Promise<string[]> {
  const files = await listSiteFiles(dir);
  const html = new Map<string, string>();
  for (const f of files.filter((x) => x.endsWith(".html")))
    html.set(f, await readFile(join(dir, f), "utf8"));
  const broken: string[] = [];
  for (const [page, text] of html) {
    for (const m of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = decode(m[1]!);
      const target = linkTarget(page, href);
      if (target === undefined) continue;
      if (!files.includes(target)) {
        broken.push(`${page} → ${href}`);
        continue;
      }
      const anchor = href.includes("#")
        ? decodeURIComponent(href.slice(href.indexOf("#") + 1))
        : "";
      if (anchor && html.has(target) && !html.get(target)!.includes(` id="${anchor}"`))
        broken.push(`${page} → ${href} (no such anchor)`);
    }
  }
  return broken;
}
