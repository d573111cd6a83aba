import { generateSW } from "workbox-build";
import { join } from "node:path";
import { InternalError } from "../../errors.ts";

export const WORKER_FILE = "sw.js";

/**
 * The service worker that makes a built site work offline after one visit: Workbox precaches every
 * page, style sheet, script, icon, export and the Pagefind index, fragments and wasm, with its
 * runtime inlined (no request to a CDN). Runs last, after Pagefind, on the finished folder. The
 * worker waits until the page asks it to take over, so a new version is announced, not forced.
 */
export async function generateWorker(siteDir: string): Promise<number> {
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
    });
    if (warnings.length) throw new InternalError(`Workbox: ${warnings.join("; ")}`);
    return count;
  } catch (error) {
    if (error instanceof InternalError) throw error;
    throw new InternalError("the service worker could not be generated", { cause: error });
  }
}
