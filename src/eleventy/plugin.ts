import { join } from "node:path";
import { THEME_COLOUR } from "../onion/draw-icons.ts";
import { readFrameworkChangedAt } from "../export/framework-changed-at.ts";
import { writeFrameworkExports } from "../export/write-framework-exports.ts";
import { loadCourse } from "../course/load-course.ts";
import { ModuleVersionCache } from "../modules/version-cache.ts";
import { YamlParseCache } from "../framework/yaml-parse-cache.ts";
import { CourseTextCache } from "../security/course-text-cache.ts";
import { pagesAnEditTouches } from "./edit-scope.ts";
import { COURSE_PAGES_DIR } from "../course/course-pages.ts";
import { COURSE_UI_DIR } from "../framework/ui-strings.ts";
import type { CourseModel } from "../course/model.ts";
import { TEMPLATES_DIR } from "../paths.ts";
import { registerContentCareFilters } from "./content-care-filters.ts";
import { addSecurityPolicy } from "../security/csp.ts";
import { registerCourseFilters } from "./course-filters.ts";
import { registerPageFilters } from "./page-filters.ts";
import { registerPrintFilters } from "./print-filters.ts";
import { registerTextFilters } from "./text-filters.ts";
import { registerTrainerFilters } from "./trainer-filters.ts";
import { registerLayerFilters } from "./layer-filters.ts";
import { addPageContents } from "../pages/page-contents.ts";
import { trimIndentation } from "./trim-indentation.ts";
import { writeQrScripts } from "./qr-scripts.ts";
import { cacheNunjucksCompiles } from "./nunjucks-compile-cache.ts";

/** Where the engine keeps its templates, relative to the Eleventy input folder (templates/pages). */
export const ENGINE_DIRECTORIES = {
  input: join(TEMPLATES_DIR, "pages"),
  includes: "../partials",
};

export interface EngineOptions {
  /** A model already loaded and validated (the build command passes it). */
  model?: CourseModel;
  /** Otherwise, the course folder to load before every build (serve mode). */
  courseDir?: string;
  /** Render only these pages (a large course is rendered in several runs); every page by default. */
  rendering?: CourseModel["pagesByType"];
}

/** Each object's frozen shallow copy, made once (see `sealedForEleventy`). */
const sealed = new WeakMap<object, object>();

/**
 * A frozen shallow copy of global data. Eleventy deep-copies plain objects of global data into
 * every template's data, and wraps them in a new Proxy on every property read from a paginated page
 * (`ProxyWrap`); it takes frozen objects as they are. Only the top level is frozen: what it holds
 * is the model itself, which templates only read.
 */
function sealedForEleventy<T extends object>(data: T): T {
  let copy = sealed.get(data);
  if (!copy) sealed.set(data, (copy = Object.freeze({ ...data })));
  return copy as T;
}

/** The course engine as an Eleventy plugin: the validated course model feeds every page template. */
export default function courseEngine(eleventyConfig: any, options: EngineOptions = {}): void {
  const state: {
    model: CourseModel | undefined;
    /** The pages this build renders: every page, or (serving) those an edit touched. */
    rendering?: CourseModel["pagesByType"];
  } = { model: options.model, rendering: options.rendering };
  // Installed as a package, the engine's templates are inside the course's node_modules/, which
  // Eleventy ignores by default (and a course's .gitignore names); the input folder holds only them.
  eleventyConfig.ignores.delete("**/node_modules/**");
  eleventyConfig.setUseGitIgnore(false);
  if (!options.model) {
    const courseDir = options.courseDir ?? process.cwd();
    const moduleCache = new ModuleVersionCache();
    const yamlCache = new YamlParseCache();
    const textCache = new CourseTextCache();
    let changed: string[] | undefined;
    // While serving, Eleventy says which files a rebuild is for.
    eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => {
      changed = files;
    });
    eleventyConfig.on("eleventy.before", async () => {
      const previous = state.model;
      state.model = await loadCourse(courseDir, { moduleCache, yamlCache, textCache });
      state.rendering = previous
        ? pagesAnEditTouches(previous, state.model, changed ?? [])
        : undefined;
      changed = undefined;
    });
    // The build command writes the exports itself; serving writes them after each rebuild.
    // `directories.output` is the folder Eleventy really wrote (`dir` is the config's default).
    eleventyConfig.on(
      "eleventy.after",
      async ({ directories }: { directories: { output: string } }) => {
        // After an edit of module text only, the rebuild renders that module's pages
        // (state.rendering): the framework is as it was, and so are its exports.
        if (state.model && !state.rendering)
          await writeFrameworkExports(
            state.model,
            directories.output,
            await readFrameworkChangedAt(courseDir),
          );
      },
    );
    // A saved file is rebuilt once its size has held for 50 ms (Eleventy waits 150 ms): editors
    // write a course file in one go, and a file read half-written is read again when it settles.
    eleventyConfig.setChokidarConfig({
      awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
    });
    // Every folder of the course a trainer edits: a saved change rebuilds the pages.
    for (const folder of ["framework", "modules", COURSE_PAGES_DIR, COURSE_UI_DIR])
      eleventyConfig.addWatchTarget(join(courseDir, folder));
  }
  const model = (): CourseModel => {
    if (!state.model)
      throw new Error("Internal error: the course model was used before it was loaded");
    return state.model;
  };
  eleventyConfig.addGlobalData("course", () => sealedForEleventy(model()));
  eleventyConfig.addGlobalData("rendering", () =>
    sealedForEleventy(state.rendering ?? model().pagesByType),
  );
  eleventyConfig.addGlobalData("themeColour", THEME_COLOUR);
  eleventyConfig.addPassthroughCopy({ [join(TEMPLATES_DIR, "assets")]: "assets" });
  // The QR libraries (hand-over codes, the cohort page's scanner), bundled from the dependencies.
  eleventyConfig.on(
    "eleventy.after",
    async ({ directories }: { directories: { output: string } }) => {
      if (model().pagesByType.cohort.length) await writeQrScripts(directories.output);
    },
  );
  eleventyConfig.setTemplateFormats(["njk"]);
  // Every page of a paginated template has the same text: compile it once per run, not per page.
  eleventyConfig.on(
    "eleventy.engine.njk",
    ({ nunjucks, environment }: { nunjucks: any; environment: object }) =>
      cacheNunjucksCompiles(nunjucks, environment),
  );
  registerTextFilters(eleventyConfig, model);
  registerPageFilters(eleventyConfig, model);
  registerCourseFilters(eleventyConfig, model);
  registerTrainerFilters(eleventyConfig, model);
  registerPrintFilters(eleventyConfig, model);
  registerContentCareFilters(eleventyConfig, model);
  registerLayerFilters(eleventyConfig, model);
  eleventyConfig.addTransform("page-contents", (content: string) =>
    addPageContents(content, model()),
  );
  eleventyConfig.addTransform("trim-indentation", function (this: any, content: string) {
    const out = String(this.page?.outputPath ?? "");
    return out.endsWith(".html") ? trimIndentation(content) : content;
  });
  eleventyConfig.addTransform("content-security-policy", function (this: any, content: string) {
    const out = String(this.page?.outputPath ?? "");
    return out.endsWith(".html") ? addSecurityPolicy(content) : content;
  });
}
