import { ValidationError } from "../errors.ts";
import { loadModules } from "../modules/load-modules.ts";
import { loadReflection } from "../reflection/load-reflection.ts";
import { findPageCollisions } from "../security/page-collisions.ts";
import { findAsciiPunctuationInChinese } from "./cjk-punctuation.ts";
import { FindingCollector, loadFrameworkFiles, throwIfErrors } from "./load.ts";
import { buildPages, listCompetencies, pageKeys, type CourseModel } from "./model.ts";
import { loadUiStrings } from "./ui-strings.ts";

export interface LoadOptions {
  /** Turn warnings (unfinished placeholders, missing optional settings) into errors. */
  strict?: boolean;
}

/**
 * Reads and validates everything a course is made of. Returns a complete model, or throws a
 * ValidationError carrying every problem found across all files.
 */
export async function loadCourse(courseDir: string, options: LoadOptions = {}): Promise<CourseModel> {
  const found = new FindingCollector();
  const files = await loadFrameworkFiles(courseDir, found);
  if (files)
    found.add(...[files.courseSource, files.frameworkSource].flatMap(findAsciiPunctuationInChinese));
  const ui = await loadUiStrings(files?.locales ?? ["en"], found, files?.courseSource);
  const modules = files ? await loadModules(courseDir, files, found, ui) : [];
  const reflection = files ? await loadReflection(courseDir, files, modules, found) : undefined;
  if (options.strict) for (const f of found.findings) f.severity = "error";
  throwIfErrors(found);
  if (!files) throw new ValidationError(found.findings);

  const { settings, framework, locales } = files;
  const keys = pageKeys(framework, modules, reflection !== undefined);
  const collisions = findPageCollisions(keys, files.frameworkSource);
  if (collisions.length) throw new ValidationError(collisions);
  const { pages, byType } = buildPages(locales, keys);
  return {
    settings,
    framework,
    locales,
    defaultLocale: settings.defaultLocale,
    ui,
    competencies: listCompetencies(framework),
    modules,
    reflection,
    pages,
    pagesByType: byType,
    warnings: found.warnings,
  };
}
