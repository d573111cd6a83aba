/**
 * Reads the named destinations of a PDF that Chromium (Skia) printed: for every element that a link
 * in the document points at (`href="#id"`), the page it landed on. Skia writes the catalog's `/Dests`
 * dictionary and the page tree as plain (uncompressed) objects, so a small reader is enough; it is
 * not a general PDF parser and returns an empty map for anything it does not recognise.
 */
export function readNamedDestinations(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf).toString("latin1");
  const objectBody = (num: string): string => {
    const start = new RegExp(`(?:^|[\\r\\n])${num} 0 obj\\b`).exec(text);
    if (!start) return "";
    const from = start.index + start[0].length;
    const end = text.indexOf("endobj", from);
    const body = text.slice(from, end === -1 ? undefined : end);
    const stream = body.indexOf("stream");
    return stream === -1 ? body : body.slice(0, stream);
  };
  const catalog = /\/Type\s*\/Catalog\b[\s\S]*?>>\s*endobj/.exec(text)?.[0] ?? "";
  const pagesRef = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const result = new Map<string, number>();
  if (!pagesRef || !destsRef) return result;

  // Page objects in reading order: walk the page tree's /Kids depth first.
  const pageOrder = new Map<string, number>();
  const walk = (num: string, depth: number): void => {
    if (depth > 32) return;
    const body = objectBody(num);
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? "";
      for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(kid[1]!, depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) pageOrder.set(num, pageOrder.size + 1);
  };
  walk(pagesRef, 0);

  const dests = objectBody(destsRef);
  for (const m of dests.matchAll(/\/((?:[^\s/[\]<>()#]|#[0-9A-Fa-f]{2})+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const name = m[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_x, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
    const page = pageOrder.get(m[2]!);
    if (page) result.set(name, page);
  }
  return result;
}
