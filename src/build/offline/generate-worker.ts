import { generateSW } from "workbox-build";
import { join } from "node:path";
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

/**
 * The service worker that makes a built site work offline after one visit: Workbox precaches every
 * page, style sheet, script, icon, export and the Pagefind index, fragments and wasm, with its
 * runtime inlined (no request to a CDN). Runs last, after Pagefind, on the finished folder. The
 * worker waits until the page asks it to take over, so a new version is announced, not forced.
 * A page it has not kept, asked for offline, gets the offline page of its locale.
 */
export async function generateWorker(
  siteDir: string,
  site: { locales: string[]; defaultLocale: string },
): Promise<number> {
  try {
    const { count, warnings } = await generateSW({
      globDirectory: siteDir,
      globPatterns: ["**/*"],
      globIgnores: ["**/*.pdf", "**/*.zip", "**/*.map", WORKER_FILE, ".onion-course-output"],
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
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Precached pages are answered first; any other page (a PDF, a mistyped address) is asked of
      // the network, and without one the visitor gets the offline page in their language.
      runtimeCaching: [
        {
          urlPattern: ({ request }) => request.mode === "navigate",
          handler: offlineFallback(site.locales, site.defaultLocale),
        },
      ],
    });
    if (warnings.length) throw new InternalError(`Workbox: ${warnings.join("; ")}`);
    return count;
  } catch (error) {
    if (error instanceof InternalError) throw error;
    throw new InternalError("the service worker could not be generated", { cause: error });
  }
}
