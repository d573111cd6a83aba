/**
 * Gives every id in a fragment of our own generated HTML a prefix, with the references to it, so
 * several guides can share one page (the handbook) without clashing ids.
 */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(
      /\b(id|for)="([^"]+)"/g,
      (_m, attr: string, value: string) => `${attr}="${prefix}-${value}"`,
    )
    .replace(
      /\b(aria-labelledby|aria-describedby)="([^"]+)"/g,
      (_m, attr: string, value: string) =>
        `${attr}="${value
          .split(/\s+/)
          .map((v) => `${prefix}-${v}`)
          .join(" ")}"`,
    )
    .replace(/\bhref="#([^"]+)"/g, (_m, value: string) => `href="#${prefix}-${value}"`);
}
