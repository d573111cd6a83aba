import type { CourseSettings } from "../framework/schema.ts";
import { uiFor, type UiStrings } from "../framework/ui-strings.ts";

/**
 * The short name of the framework the course is built on, in a locale: the published source's
 * `shortName` (or "authors (year)"), or, for a course's own framework, its organisation and version.
 */
export function sourceName(settings: CourseSettings, ui: UiStrings, locale: string): string {
  const src = settings.source;
  if (src) return src.shortName ?? `${src.authors} (${src.year})`;
  return uiFor(ui, locale)("source.own", {
    organisation: settings.organisation[locale] ?? "",
    version: settings.version ?? "",
    published: settings.published ?? "",
  });
}
