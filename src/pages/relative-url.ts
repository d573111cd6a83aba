import { posix } from "node:path";

/**
 * A link from the page at `fromUrl` to `target`, relative so the site works under any path prefix and
 * when opened from a folder; directory targets get an explicit `index.html` for the latter.
 */
export function relativeUrl(target: string, fromUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#") || !target.startsWith("/"))
    return target;
  const hashAt = target.indexOf("#");
  const path = hashAt === -1 ? target : target.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : target.slice(hashAt);
  const file = path.endsWith("/") ? `${path}index.html` : path;
  const fromDir = fromUrl.endsWith("/") ? fromUrl : fromUrl.slice(0, fromUrl.lastIndexOf("/") + 1);
  const rel = posix.relative(fromDir, file);
  return (rel || "index.html") + hash;
}

/** An absolute link under the site's path prefix, for pages served at unknown depths (404). */
export function prefixedUrl(target: string, pathPrefix: string): string {
  if (!target.startsWith("/")) return target;
  return pathPrefix.replace(/\/$/, "") + target;
}

/** The site path of a layer's page, or of a competency's page inside it. */
export function frameworkPath(locale: string, layerId: string, competencyId?: string): string {
  return `/${locale}/framework/${layerId}/${competencyId ? `${competencyId}/` : ""}`;
}
