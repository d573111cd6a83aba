import Eleventy from "@11ty/eleventy";
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import courseEngine, { ENGINE_DIRECTORIES } from "../eleventy/plugin.ts";
import { loadCourse } from "../framework/load-course.ts";
import type { CourseModel } from "../framework/model.ts";
import { readFrameworkChangedAt } from "../export/framework-changed-at.ts";
import { writeFrameworkExports } from "../export/write-framework-exports.ts";
import { makeSiteOffline } from "./offline/make-offline.ts";
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
}

/** Renders a validated course into `outputDir` with Eleventy, nothing else. */
export async function renderSite(
  model: CourseModel,
  outputDir: string,
  quiet = true,
): Promise<number> {
  const eleventy = new Eleventy(ENGINE_DIRECTORIES.input, outputDir, {
    configPath: false,
    quietMode: quiet,
    config(eleventyConfig: any) {
      eleventyConfig.setIncludesDirectory(ENGINE_DIRECTORIES.includes);
      eleventyConfig.addPlugin(courseEngine, { model });
    },
  });
  const results = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
  const templates = Array.isArray(results[1]) ? results[1] : results;
  return (templates as unknown[]).length;
}

/**
 * Validates the course, builds it into a staging folder beside the output, then swaps it in. A
 * failure at any step leaves the previous output exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const model = await loadCourse(options.courseDir, { strict: options.strict });
  const output = resolve(options.outputDir);
  const staging = await mkdtemp(join(dirname(output), `.site-staging-${basename(output)}-`));
  try {
    const pageCount = await renderSite(model, staging, options.quiet ?? true);
    await writeFrameworkExports(model, staging, await readFrameworkChangedAt(options.courseDir));
    if (options.search !== false) await indexSearch(staging);
    await makeSiteOffline(model, staging, { worker: options.offline !== false });
    await swapInto(staging, output);
    return { model, pageCount };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function swapInto(staging: string, output: string): Promise<void> {
  const exists = await stat(output).then(
    () => true,
    () => false,
  );
  if (!exists) return rename(staging, output);
  const previous = `${staging.replace(".site-staging-", ".site-previous-")}`;
  await rename(output, previous);
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });
}
