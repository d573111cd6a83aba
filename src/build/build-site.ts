import Eleventy from "@11ty/eleventy";
import { rm } from "node:fs/promises";
import { CourseError } from "../errors.ts";
import courseEngine, { ENGINE_DIRECTORIES } from "../eleventy/plugin.ts";
import { loadCourse } from "../course/load-course.ts";
import type { CourseModel } from "../course/model.ts";
import { readFrameworkChangedAt } from "../export/framework-changed-at.ts";
import { writeFrameworkExports } from "../export/write-framework-exports.ts";
import { writeCourseRecord } from "../export/scorm/course-record.ts";
import { makeSiteOffline } from "./offline/make-offline.ts";
import { assertSafeOutputTarget, createStaging, replaceOutput } from "../output/safe-output.ts";
import { minifyAssets } from "./minify-assets.ts";
import { indexSearch } from "./search-index.ts";

export interface BuildOptions {
  courseDir: string;
  outputDir: string;
  strict?: boolean;
  quiet?: boolean;
  /** Build the Pagefind search index (on by default). */
  search?: boolean;
  /** Generate the offline service worker (on by default; it takes seconds, so most tests skip it). */
  offline?: boolean;
}

export interface BuildResult {
  model: CourseModel;
  pageCount: number;
  /** How long each stage took, in milliseconds, in the order they ran (see {@link BUILD_STAGES}). */
  stages: Record<BuildStage, number>;
}

/** The stages of a build, as `npm run build -- --timings` and the bench report them. */
export const BUILD_STAGES = {
  load: "load and validate",
  render: "render and write pages",
  assets: "minify assets",
  exports: "framework exports and course record",
  search: "search index",
  offline: "offline files",
  swap: "replace the output folder",
} as const;
export type BuildStage = keyof typeof BUILD_STAGES;

/** Runs `step` and adds its wall time to `stages[name]`. */
async function timed<T>(
  stages: Record<BuildStage, number>,
  name: BuildStage,
  step: () => Promise<T>,
): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    stages[name] += performance.now() - start;
  }
}

/**
 * Pages per Eleventy run. Eleventy keeps every page it renders in memory until its run ends (each
 * page about three times: rendered, transformed, and in the run's results), so a course is rendered
 * in runs of this many pages into the same folder. A run costs about 50 ms besides its pages; at
 * 512 competencies (4,134 pages) runs of 500 pages peaked at about 690 MB against 900 MB for runs
 * of 2,500, in the same time within the machine's noise.
 */
export const PAGES_PER_RUN = 500;

/** The course's pages split into groups of at most `size` pages, each a `pagesByType` of its own. */
export function pageRuns(
  pagesByType: CourseModel["pagesByType"],
  size: number,
): CourseModel["pagesByType"][] {
  const all = Object.entries(pagesByType).flatMap(([type, pages]) =>
    pages.map((page) => [type, page] as const),
  );
  const runs: CourseModel["pagesByType"][] = [];
  for (let at = 0; at < Math.max(1, all.length); at += size) {
    const run = Object.fromEntries(Object.keys(pagesByType).map((type) => [type, []])) as Record<
      string,
      unknown[]
    >;
    for (const [type, page] of all.slice(at, at + size)) run[type]!.push(page);
    runs.push(run as CourseModel["pagesByType"]);
  }
  return runs;
}

/** Renders a validated course into `outputDir` with Eleventy, nothing else; returns the files written. */
export async function renderSite(
  model: CourseModel,
  outputDir: string,
  quiet = true,
  pagesPerRun = PAGES_PER_RUN,
): Promise<number> {
  const runs = pageRuns(model.pagesByType, pagesPerRun);
  const written = new Set<string>();
  for (const rendering of runs) {
    const eleventy = new Eleventy(ENGINE_DIRECTORIES.input, outputDir, {
      configPath: false,
      quietMode: quiet,
      config(eleventyConfig: any) {
        // Its notes on slow filters ("[11ty] Benchmark …") come from a logger of their own.
        if (quiet) eleventyConfig.benchmarks.config.setIsVerbose(false);
        eleventyConfig.setIncludesDirectory(ENGINE_DIRECTORIES.includes);
        // Every run also writes the two pages that are not course pages (the site's front door and
        // its 404) and copies the assets: the same small files each time.
        eleventyConfig.addPlugin(courseEngine, { model, rendering });
      },
    });
    // Eleventy's own lines ("Wrote 82 files", benchmark notes) say nothing a trainer can act on; the
    // caller reports the build. DEBUG=Eleventy* still shows them.
    if (quiet) (eleventy as unknown as { disableLogger(): void }).disableLogger();
    const results = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
    const templates = (Array.isArray(results[1]) ? results[1] : results) as {
      outputPath?: string;
    }[];
    for (const t of templates) written.add(String(t.outputPath ?? written.size));
  }
  return written.size;
}

/**
 * Validates the course, builds it into a staging folder beside the output, then swaps it in. A
 * failure at any step leaves the previous output exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  assertSafeOutputTarget(options.outputDir, { courseDir: options.courseDir });
  const stages = Object.fromEntries(Object.keys(BUILD_STAGES).map((name) => [name, 0])) as Record<
    BuildStage,
    number
  >;
  const model = await timed(stages, "load", () =>
    loadCourse(options.courseDir, { strict: options.strict }),
  );
  const staging = await createStaging(options.outputDir);
  try {
    const pageCount = await timed(stages, "render", () =>
      renderSite(model, staging, options.quiet ?? true).catch((error: unknown) => {
        throw explainRenderError(error);
      }),
    );
    await timed(stages, "assets", () => minifyAssets(staging));
    await timed(stages, "exports", async () => {
      await writeFrameworkExports(model, staging, await readFrameworkChangedAt(options.courseDir));
      await writeCourseRecord(model, staging);
    });
    if (options.search !== false) await timed(stages, "search", () => indexSearch(staging));
    await timed(stages, "offline", () =>
      makeSiteOffline(model, staging, { worker: options.offline !== false }),
    );
    await timed(stages, "swap", () => replaceOutput(staging, options.outputDir));
    return { model, pageCount, stages };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Eleventy's own failures, said in the author's terms; the original stays as the cause (see --debug). */
function explainRenderError(error: unknown): Error {
  if (error instanceof CourseError) return error;
  const chain: unknown[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) chain.push(e);
  const names = chain.map((e) => (e instanceof Error ? e.name : ""));
  const text = chain.map((e) => (e instanceof Error ? e.message : String(e))).join(" ");
  if (names.includes("DuplicatePermalinkOutputError"))
    return new CourseError(
      `Two pages of the course would be written to the same file (${/"([^"]+)"/.exec(text)?.[1] ?? "see --debug"}). Rename the id in framework/framework.yaml that matches one of the course's own pages.`,
      { cause: error },
    );
  const code = chain.map((e) => (e as NodeJS.ErrnoException).code).find(Boolean);
  if (code === "ENOSPC" || code === "EACCES" || code === "EPERM" || code === "EROFS")
    return new CourseError(
      `The site could not be written (${code}): ${code === "ENOSPC" ? "the disk is full" : "no permission to write there"}. Free some space or choose another --out folder; the previous output is unchanged.`,
      { cause: error },
    );
  return error instanceof Error ? error : new Error(String(error));
}
