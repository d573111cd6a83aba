import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent, in a process
 * that builds a site.
 *
 * A build keeps the course model (about 200 MB at 512 competencies) and the pages of the current
 * Eleventy run alive, and makes several times that in short-lived strings. Left to itself, V8 sets
 * the next collection's limit at up to four times what survived the last one, so peak memory was
 * about five times the live data (1.1-1.3 GB at 512 competencies). At 25 % it collects sooner and
 * more often: peak memory falls by about a third for a few percent more collection time (measured
 * with `npm run bench`; see the README's Performance section).
 */
export const BUILD_HEAP_GROWING_PERCENT = 25;

/**
 * Sets the heap growth for the rest of this process. For the command line's own process (build,
 * serve), where the build is most of what the process does; not for a library's caller.
 */
export function limitHeapGrowthForBuild(): void {
  setFlagsFromString(`--heap-growing-percent=${BUILD_HEAP_GROWING_PERCENT}`);
}
