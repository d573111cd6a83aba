import { posix } from "node:path";

export interface PackagePageContext {
  /** The page's path inside the package, e.g. `en/modules/digital-skills/index.html`. */
  path: string;
  /** Every file the package holds; links to anything else lose their link. */
  files: ReadonlySet<string>;
  /** Settings for templates/assets/scorm.js, embedded as JSON. */
  runtime: Record<string, unknown>;
  /** What the LMS receives, shown in the page footer. */
  privacy: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`,
  );
}

/** Where a relative link of the page points inside the package (no fragment), or undefined. */
export function resolveInPackage(pagePath: string, href: string): string | undefined {
  if (EXTERNAL.test(href)) return undefined;
  const target = href.split(/[?#]/)[0] ?? "";
  if (!target) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(pagePath), decodeURI(target)));
  return joined.startsWith("../") ? "\0outside" : joined;
}

/**
 * A built module page made fit for a package: no site navigation, search, breadcrumb or pager (those
 * pages are not in it, and the LMS moves between modules), links to pages outside the package turned into plain text, the privacy statement in the
 * footer, the runtime's settings and script at the end.
 */
export function rewritePackagePage(html: string, ctx: PackagePageContext): string {
  const toRoot = posix.relative(posix.dirname(ctx.path), ".") || ".";
  let page = html
    .replace(/<form class="site-search"[\s\S]*?<\/form>\s*/, "")
    .replace(/<nav class="site-nav"[\s\S]*?<\/nav>\s*/, "")
    // Moving between modules is the LMS's job: no breadcrumb to the outline, no previous/next.
    .replace(/<nav class="(?:breadcrumb|pager)"[\s\S]*?<\/nav>\s*/g, "");
  page = page.replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/g, (whole, attrs: string, inner: string) => {
    const href = /\shref="([^"]*)"/.exec(attrs)?.[1];
    if (href === undefined || EXTERNAL.test(href)) return whole;
    const target = resolveInPackage(ctx.path, href);
    return target && ctx.files.has(target) ? whole : `<span>${inner}</span>`;
  });
  const json = JSON.stringify(ctx.runtime).replace(/</g, "\\u003c");
  page = page
    .replace(
      /<link rel="stylesheet" href="([^"]*?)assets\/site\.css">/,
      (tag, prefix: string) => `${tag}\n<link rel="stylesheet" href="${prefix}assets/lms.css">`,
    )
    .replace("</footer>", `  <p class="lms-privacy">${escapeHtml(ctx.privacy)}</p>\n</footer>`)
    .replace(
      "</body>",
      `<script type="application/json" id="lms-settings">${json}</script>\n<script src="${toRoot}/assets/scorm.js" defer></script>\n</body>`,
    );
  return page;
}

/** The package files a page refers to with `src` or `href` (stylesheets, scripts, other pages). */
export function listReferences(html: string, pagePath: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
    const target = resolveInPackage(pagePath, match[1] ?? "");
    if (target) found.add(target);
  }
  return [...found];
}
