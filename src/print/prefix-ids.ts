/**
 * The attributes that name ids: `id` and `for` hold one; the ARIA references hold a space-separated
 * list; an in-page link holds one after `#`. One pass over the fragment finds them all.
 */
const ID_ATTRIBUTE =
  /\b(?:(id|for)="([^"]+)"|(aria-labelledby|aria-describedby)="([^"]+)"|href="#([^"]+)")/g;

/**
 * Gives every id in a fragment of our own generated HTML a prefix, with the references to it, so
 * several guides can share one page (the handbook) without clashing ids.
 */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(
    ID_ATTRIBUTE,
    (_m, idAttr?: string, id?: string, ariaAttr?: string, ids?: string, target?: string) => {
      if (idAttr) return `${idAttr}="${prefix}-${id}"`;
      if (ariaAttr)
        return `${ariaAttr}="${ids!
          .split(/\s+/)
          .map((v) => `${prefix}-${v}`)
          .join(" ")}"`;
      return `href="#${prefix}-${target}"`;
    },
  );
}
