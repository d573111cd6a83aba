import { resolve } from "node:path";
import { ValidationError } from "../errors.ts";
import { loadGlossary } from "../glossary/load-glossary.ts";
import { findPageCollisions } from "./page-collisions.ts";
import { loadModules } from "../modules/load-modules.ts";
import type { AnalysisThreads } from "../modules/analyse-versions.ts";
import type { ModuleVersionCache } from "../modules/version-cache.ts";
import type { YamlParseCache } from "../framework/yaml-parse-cache.ts";
import type { CourseTextCache } from "../security/course-text-cache.ts";
import { loadReflection } from "../reflection/load-reflection.ts";
import { loadFeedback } from "../feedback/load-feedback.ts";
import { findAsciiPunctuationInChinese } from "./cjk-punctuation.ts";
import { listCompetencies } from "../framework/competencies.ts";
import {
  COURSE_FILE,
  declaredLocales,
  FindingCollector,
  loadFrameworkFiles,
  openYaml,
  throwIfErrors,
} from "../framework/load.ts";
import { loadUiStrings } from "../framework/ui-strings.ts";
import { checkCourseFormat, wantedEngine } from "./course-format.ts";
import { placeholderFindings } from "./placeholders.ts";
import { reservedIdFindings } from "./reserved-ids.ts";
import { loadCoursePages } from "./course-pages.ts";
import { buildPages, pageKeys, type CourseModel } from "./model.ts";

export interface LoadOptions {
  /** Turn warnings (unfinished placeholders, missing optional settings) into errors. */
  strict?: boolean;
  /** Analysed modules kept from an earlier load of the course (serving: rebuild after an edit). */
  moduleCache?: ModuleVersionCache;
  /** Parsed YAML (framework, settings, interface text) kept from an earlier load (serving). */
  yamlCache?: YamlParseCache;
  /** Texts of unchanged course files kept from an earlier load (serving). */
  textCache?: CourseTextCache;
  /** Threads that analyse the modules (by default, decided by the course's size and the cores). */
  analysis?: AnalysisThreads;
}

/**
 * Reads and validates everything a course is made of. Returns a complete model, or throws a
 * ValidationError carrying every problem found across all files.
 */
export async function loadCourse(
  givenDir: string,
  options: LoadOptions = {},
): Promise<CourseModel> {
  // File names in findings are relative to the course folder; reading needs it absolute (a relative
  // folder was joined to itself).
  const courseDir = resolve(givenDir);
  await refuseOtherFormats(courseDir);
  const found = new FindingCollector();
  const caches = { texts: options.textCache, parses: options.yamlCache };
  const files = await loadFrameworkFiles(courseDir, found, caches);
  // Even when the framework is invalid, check the declared languages: a missing one is reported first.
  const courseSource =
    files?.courseSource ?? (await openYaml(courseDir, COURSE_FILE, new FindingCollector()));
  const uiLocales = files?.locales ?? declaredLocales(courseSource);
  const ui = await loadUiStrings(
    uiLocales.length ? uiLocales : ["en"],
    found,
    courseSource,
    courseDir,
    caches,
  );
  if (files) found.add(...reservedIdFindings(files));
  found.add(...(await placeholderFindings(courseDir)));
  if (files)
    found.add(
      ...[files.courseSource, files.frameworkSource].flatMap(findAsciiPunctuationInChinese),
    );
  const modules = files
    ? await loadModules(
        courseDir,
        files,
        found,
        ui,
        options.moduleCache,
        options.textCache,
        options.analysis,
      )
    : [];
  const reflection = files ? await loadReflection(courseDir, files, modules, found) : undefined;
  const glossary = files ? await loadGlossary(courseDir, files, modules, found) : undefined;
  const feedback = files ? await loadFeedback(courseDir, files, found) : undefined;
  const coursePages = await loadCoursePages(courseDir, files?.locales ?? [], found);
  if (options.strict) for (const f of found.warnings) f.severity = "error";
  throwIfErrors(found);
  if (!files) throw new ValidationError(found.problems);

  const { settings, framework, locales } = files;
  const keys = pageKeys(
    framework,
    modules,
    reflection !== undefined,
    glossary !== undefined,
    feedback !== undefined,
  );
  const collisions = findPageCollisions(keys, files.frameworkSource);
  if (collisions.length) throw new ValidationError(collisions);
  const { pages, byType } = buildPages(locales, keys);
  return {
    courseDir: resolve(courseDir),
    settings,
    framework,
    locales,
    defaultLocale: settings.defaultLocale,
    ui,
    competencies: listCompetencies(framework),
    modules,
    reflection,
    glossary,
    feedback,
    coursePages,
    pages,
    pagesByType: byType,
    warnings: found.warnings,
    notes: found.notes,
  };
}

/**
 * A course in a format this engine does not read gets one finding that says what to run, instead of
 * every error its older (or newer) files would cause.
 */
async function refuseOtherFormats(courseDir: string): Promise<void> {
  const source = await openYaml(courseDir, COURSE_FILE, new FindingCollector());
  if (!source) return;
  const finding = checkCourseFormat(source, await wantedEngine(courseDir));
  if (finding) throw new ValidationError([finding]);
}
