import { createHash } from "node:crypto";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GenerateSWOptions, ManifestEntry } from "workbox-build";
import { InternalError } from "../../errors.ts";

export const WORKER_FILE = "sw.js";
/** The offline page inside each locale's folder (page type `offline`, key `offline/`). */
export const OFFLINE_PAGE = "offline/index.html";

/**
 * The worker's answer to a page it has not kept: the network's, or, without a connection, a
 * redirect to the offline page of the locale the address is in (the default one outside them).
 * Workbox writes the function's source into the worker, so the locales are written into it here.
 * It works under any path prefix: addresses are read against the worker's own scope.
 */
function offlineFallback(locales: string[], defaultLocale: string) {
  return new Function(
    "context",
    `var request = context.request, url = context.url;
    return fetch(request).catch(function () {
      var scope = new URL(self.registration.scope);
      var path = url.pathname.indexOf(scope.pathname) === 0 ? url.pathname.slice(scope.pathname.length) : "";
      var locales = ${JSON.stringify(locales)};
      var locale = locales.filter(function (l) { return path === l || path.indexOf(l + "/") === 0; })[0] || ${JSON.stringify(defaultLocale)};
      return Response.redirect(new URL(locale + "/" + ${JSON.stringify(OFFLINE_PAGE)}, scope).href, 302);
    });`,
  ) as (context: { request: Request; url: URL }) => Promise<Response>;
}

export interface WorkerSite {
  locales: string[];
  defaultLocale: string;
}

/** Which files of the site the worker keeps: every one but PDFs, zips, source maps and itself. */
const PRECACHE = {
  globPatterns: ["**/*"],
  globIgnores: ["**/*.pdf", "**/*.zip", "**/*.map", WORKER_FILE, ".onion-course-output"],
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
};

/**
 * Workbox's options for the worker of a site in `siteDir`: Workbox precaches every page, style
 * sheet, script, icon, export and the Pagefind index, fragments and wasm, with its runtime inlined
 * (no request to a CDN). The worker waits until the page asks it to take over, so a new version is
 * announced, not forced. A page it has not kept, asked for offline, gets the offline page of its
 * locale.
 */
export function workerOptions(siteDir: string, site: WorkerSite): GenerateSWOptions {
  return {
    globDirectory: siteDir,
    ...PRECACHE,
    swDest: join(siteDir, WORKER_FILE),
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
    babelPresetEnvTargets: ["chrome >= 100", "safari >= 15", "firefox >= 100"],
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    directoryIndex: "index.html",
    // The search page reads `?q=`; every address with a query is the same precached page.
    ignoreURLParametersMatching: [/.*/],
    // Precached pages are answered first; any other page (a PDF, a mistyped address) is asked of
    // the network, and without one the visitor gets the offline page in their language.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === "navigate",
        handler: offlineFallback(site.locales, site.defaultLocale),
      },
    ],
  };
}

/** The one entry of the template's precache list, replaced by the site's own list. */
const PLACEHOLDER = { url: "onion-course-precache-placeholder", revision: "0" };

/** How the minified worker writes a precache list (as Workbox's bundler prints an array literal). */
const printEntries = (entries: readonly ManifestEntry[]): string =>
  `[${entries.map((e) => `{url:${JSON.stringify(e.url)},revision:${JSON.stringify(e.revision)}}`).join(",")}]`;

const templates = new Map<string, Promise<string>>();

/**
 * The worker for this set of locales with a placeholder for its precache list. Bundling Workbox's
 * runtime takes a second or more, and the result depends only on the locales and Workbox's version,
 * so it is made once per machine and kept in the system's temporary folder (and in memory).
 */
function workerTemplate(site: WorkerSite): Promise<string> {
  const require = createRequire(import.meta.url);
  const version = (require("workbox-build/package.json") as { version: string }).version;
  const key = createHash("sha256")
    .update(
      JSON.stringify([version, site.locales, site.defaultLocale, printEntries([PLACEHOLDER])]),
    )
    .update(String(workerOptions("", site).runtimeCaching?.[0]?.handler))
    .digest("hex")
    .slice(0, 16);
  let template = templates.get(key);
  if (!template) {
    template = readOrBundleTemplate(key, site);
    templates.set(key, template);
    template.catch(() => templates.delete(key));
  }
  return template;
}

async function readOrBundleTemplate(key: string, site: WorkerSite): Promise<string> {
  const cached = join(tmpdir(), `onion-course-worker-${key}.js`);
  const found = await readFile(cached, "utf8").catch(() => "");
  if (found.includes(printEntries([PLACEHOLDER]))) return found;
  const { generateSW } = await import("workbox-build");
  const scratch = await mkdtemp(join(tmpdir(), "onion-course-worker-"));
  try {
    await writeFile(join(scratch, "index.html"), "");
    const { warnings } = await generateSW({
      ...workerOptions(scratch, site),
      manifestTransforms: [async () => ({ manifest: [{ ...PLACEHOLDER, size: 0 }], warnings: [] })],
    });
    if (warnings.length) throw new InternalError(`Workbox: ${warnings.join("; ")}`);
    const template = await readFile(join(scratch, WORKER_FILE), "utf8");
    const partial = `${cached}.${process.pid}.tmp`;
    await writeFile(partial, template);
    await rename(partial, cached);
    return template;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The service worker that makes a built site work offline after one visit (see
 * {@link workerOptions}). Runs last, after Pagefind, on the finished folder. The same file as
 * Workbox's `generateSW` writes, made from a template bundled once: only the list of files and
 * their hashes changes from build to build.
 */
export async function generateWorker(siteDir: string, site: WorkerSite): Promise<number> {
  try {
    const [{ getManifest }, template] = await Promise.all([
      import("workbox-build/build/get-manifest.js"),
      workerTemplate(site),
    ]);
    const { manifestEntries, count, warnings } = await getManifest({
      globDirectory: siteDir,
      ...PRECACHE,
    });
    if (warnings.length) throw new InternalError(`Workbox: ${warnings.join("; ")}`);
    const placeholder = printEntries([PLACEHOLDER]);
    const at = template.indexOf(placeholder);
    if (at < 0 || template.indexOf(placeholder, at + 1) >= 0)
      throw new InternalError("the service worker template has no single precache list");
    const worker =
      template.slice(0, at) +
      printEntries(manifestEntries ?? []) +
      template.slice(at + placeholder.length);
    await writeFile(join(siteDir, WORKER_FILE), worker);
    return count;
  } catch (error) {
    if (error instanceof InternalError) throw error;
    throw new InternalError("the service worker could not be generated", { cause: error });
  }
}
