import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
// Eleventy's own HTML parser (through posthtml): a real parser, so attributes are read as a
// browser reads them, not guessed with regular expressions.
import { Parser } from "htmlparser2";

/** Attributes whose value a browser may load or navigate to. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "data",
  "background",
  "srcset",
]);
/** Script types that a browser never runs (page data). */
const DATA_SCRIPT_TYPES = new Set(["application/json", "application/ld+json"]);

/** A URL a browser would run as script, after the clean-up a browser does (case, blanks, controls). */
export function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a browser drops
  const plain = value.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
  return /^(javascript|vbscript|livescript):/.test(plain) || /^data:text\/html/.test(plain);
}

/**
 * Every piece of markup in `html` that could run script: an on* attribute, a script URL in an
 * attribute that loads or navigates, an inline script that is not page data, a srcdoc, a
 * refresh to a script URL, an object or embed. Empty for a safe page.
 */
export function executableMarkup(html: string): string[] {
  const found: string[] = [];
  let inlineScript: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) found.push(`<${name} ${attribute}="${value}">`);
          if (URL_ATTRIBUTES.has(attribute) && isScriptUrl(value))
            found.push(`<${name} ${attribute}="${value}">`);
          if (attribute === "srcdoc") found.push(`<${name} srcdoc>`);
        }
        if (name === "script") {
          const type = (attributes.type ?? "").trim().toLowerCase();
          if (!DATA_SCRIPT_TYPES.has(type)) {
            if (attributes.src === undefined) inlineScript = name;
            else if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(attributes.src))
              found.push(`<script src="${attributes.src}"> (another origin)`);
          }
        }
        if (name === "object" || name === "embed") found.push(`<${name}>`);
        if (
          name === "meta" &&
          (attributes["http-equiv"] ?? "").toLowerCase() === "refresh" &&
          isScriptUrl((attributes.content ?? "").replace(/^[^;]*;\s*url=/i, ""))
        )
          found.push(`<meta http-equiv="refresh" content="${attributes.content}">`);
      },
      ontext(text) {
        if (inlineScript !== null && text.trim()) found.push(`inline <script>${text.slice(0, 60)}`);
      },
      onclosetag(name) {
        if (name === "script") inlineScript = null;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** The HTML files of a built site, as paths relative to it. */
export async function htmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name).slice(siteDir.length + 1))
    .sort();
}

/** Every executable piece of markup in every page of a built site, as `page: markup`. */
export async function executableMarkupInSite(siteDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await htmlFiles(siteDir))
    for (const markup of executableMarkup(await readFile(join(siteDir, file), "utf8")))
      found.push(`${file}: ${markup}`);
  return found;
}

/** The text of a page as a reader sees it (entities decoded, tags gone), scripts and styles left out. */
export function textOf(html: string): string {
  let text = "";
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "script" || name === "style") skip++;
      },
      ontext(chunk) {
        if (!skip) text += chunk;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skip--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text;
}
