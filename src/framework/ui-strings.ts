import { access, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../errors.ts";
import { ENGINE_DIR, UI_STRINGS_DIR } from "../paths.ts";
import { findingAt } from "./cross-checks.ts";
import { formatMessage } from "../text/format-message.ts";
import { COURSE_FILE, FindingCollector, openYaml } from "./load.ts";
import type { YamlSource } from "./yaml-source.ts";
import type { YamlReadCaches } from "./yaml-parse-cache.ts";
import { suggest } from "../text/did-you-mean.ts";

/** Interface text (buttons, headings, labels) per locale, as flat `section.key` entries. */
export type UiStrings = Record<string, Record<string, string>>;

/** The course folder's own interface text: `i18n/<locale>.yaml`, over the engine's. */
export const COURSE_UI_DIR = "i18n";
/** What `npm run new-locale` puts before each English text still to translate. */
export const TODO_MARKER = "TODO ";

/** Flat `section.key` entries; an empty value (`key:` or `key: ""`) is an intentionally empty text. */
export function flattenUiText(
  value: unknown,
  prefix = "",
  out: Record<string, string> = {},
): Record<string, string> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value))
      flattenUiText(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === "string") out[prefix] = value;
  else if (value === null && prefix) out[prefix] = "";
  return out;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The locales the engine ships interface text for (templates/i18n/<locale>.yaml). */
export async function listEngineLocales(): Promise<string[]> {
  return (await readdir(UI_STRINGS_DIR))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -5));
}

/** The engine's interface text for one locale, flattened (empty when the engine lacks the locale). */
export async function readEngineStrings(
  locale: string,
  found: FindingCollector,
  caches?: YamlReadCaches,
): Promise<Record<string, string>> {
  const source = await openYaml(ENGINE_DIR, `templates/i18n/${locale}.yaml`, found, false, caches);
  return flattenUiText(source?.data);
}

/**
 * Loads the interface text for every course locale in two tiers: the engine's templates/i18n/<locale>.yaml,
 * then the course folder's i18n/<locale>.yaml over it (any key overridden, or a whole new language).
 * A language neither has is reported once per locale, before every other finding. With `caches`
 * (serving), files unchanged since the last load are not read and parsed again.
 */
export async function loadUiStrings(
  locales: string[],
  found: FindingCollector,
  courseSource?: YamlSource,
  courseDir?: string,
  caches?: YamlReadCaches,
): Promise<UiStrings> {
  const engineLocales = await listEngineLocales();
  const strings: UiStrings = {};
  const courseFiles: Record<string, YamlSource> = {};
  const missingLanguages: Finding[] = [];
  for (const locale of new Set(["en", ...locales])) {
    const courseFile = join(COURSE_UI_DIR, `${locale}.yaml`);
    const hasCourseFile = courseDir !== undefined && (await exists(join(courseDir, courseFile)));
    if (!engineLocales.includes(locale) && !hasCourseFile) {
      missingLanguages.push(missingLanguageFinding(locale, locales, engineLocales, courseSource));
      continue;
    }
    const own = engineLocales.includes(locale)
      ? await readEngineStrings(locale, found, caches)
      : {};
    if (hasCourseFile) {
      const source = await openYaml(courseDir!, courseFile, found, true, caches);
      if (source) {
        courseFiles[locale] = source;
        Object.assign(own, flattenUiText(source.data));
      }
    }
    strings[locale] = own;
  }
  found.findings.unshift(...missingLanguages);
  const engineEnglish = await readEngineStrings("en", new FindingCollector(), caches);
  const reference = engineEnglish;
  for (const locale of locales) {
    const own = strings[locale];
    if (!own) continue;
    const source = courseFiles[locale];
    const missing = Object.keys(reference).filter((k) => !(k in own));
    if (missing.length && locale !== "en")
      found.add({
        file: source?.file ?? join("templates/i18n", `${locale}.yaml`),
        line: 1,
        column: 1,
        dataPath: missing.slice(0, 5).join(", "),
        message: `${missing.length} interface text${missing.length > 1 ? "s are" : " is"} missing in locale \`${locale}\``,
        hint: `Add the missing keys, translated (an empty text "" is allowed); \`npm run new-locale -- ${locale} --force\` rewrites the file with every key.`,
        severity: "error",
      } satisfies Finding);
    if (source) found.add(...courseFileFindings(source, engineEnglish));
  }
  return strings;
}

function missingLanguageFinding(
  locale: string,
  locales: string[],
  engineLocales: string[],
  courseSource: YamlSource | undefined,
): Finding {
  const message = `The interface has no text for locale \`${locale}\``;
  const hint = `Run \`npm run new-locale -- ${locale}\`: it writes ${COURSE_UI_DIR}/${locale}.yaml in your course folder with every interface text in English to translate. Or remove \`${locale}\` from locales. The engine ships: ${engineLocales.join(", ")}.`;
  return courseSource && locales.includes(locale)
    ? findingAt(courseSource, ["locales", locales.indexOf(locale)], message, hint)
    : {
        file: COURSE_FILE,
        line: 1,
        column: 1,
        dataPath: "locales",
        message,
        hint,
        severity: "error",
      };
}

/** In a course's interface file: keys the engine does not know, and texts still marked TODO. */
function courseFileFindings(source: YamlSource, reference: Record<string, string>): Finding[] {
  const own = flattenUiText(source.data);
  const out: Finding[] = [];
  const known = Object.keys(reference);
  for (const key of Object.keys(own)) {
    if (key in reference) continue;
    const guess = suggest(key, known);
    out.push(
      findingAt(
        source,
        key.split("."),
        `Unknown interface key \`${key}\``,
        guess
          ? `Did you mean \`${guess}\`?`
          : "Use the keys of the engine's templates/i18n/en.yaml.",
        "warning",
        true,
      ),
    );
  }
  const todo = Object.keys(own).filter((k) => own[k]!.startsWith(TODO_MARKER.trim()));
  if (todo.length)
    out.push(
      findingAt(
        source,
        todo[0]!.split("."),
        `${todo.length} interface text${todo.length > 1 ? "s are" : " is"} still marked TODO`,
        "Translate each text and remove the TODO marker; strict validation (npm test) treats this as an error.",
        "warning",
      ),
    );
  return out;
}

/** Interface text by key in a locale (English when the locale lacks it), placeholders and plurals filled. */
export function lookupUiText(
  ui: UiStrings,
  locale: string,
  key: string,
  vars: Record<string, unknown> = {},
): string | undefined {
  const text = ui[locale]?.[key] ?? ui.en?.[key];
  return text === undefined ? undefined : formatMessage(text, locale, vars);
}

/** The interface text of one locale as a function; an unknown key shows as itself. */
/** Interface text of one locale by key, with `{name}` placeholders filled (the key when missing). */
export type UiText = (key: string, vars?: Record<string, unknown>) => string;

export function uiFor(ui: UiStrings, locale: string): UiText {
  return (key: string, vars: Record<string, unknown> = {}): string =>
    lookupUiText(ui, locale, key, vars) ?? key;
}
