import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../errors.ts";
import { ENGINE_DIR, UI_STRINGS_DIR } from "../paths.ts";
import { findingAt } from "./cross-checks.ts";
import { COURSE_FILE, FindingCollector, openYaml } from "./load.ts";
import type { YamlSource } from "./yaml-source.ts";

/** Interface text (buttons, headings, labels) per locale, as flat `section.key` entries. */
export type UiStrings = Record<string, Record<string, string>>;

function flatten(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === "string") out[prefix] = value;
  return out;
}

/** Loads the interface strings for every course locale; each must have every key `en` has. */
export async function loadUiStrings(
  locales: string[],
  found: FindingCollector,
  courseSource?: YamlSource,
): Promise<UiStrings> {
  const available = (await readdir(UI_STRINGS_DIR)).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5));
  const strings: UiStrings = {};
  for (const locale of new Set(["en", ...locales])) {
    if (!available.includes(locale)) {
      const message = `The interface has no translation for locale \`${locale}\``;
      const hint = `Add templates/i18n/${locale}.yaml (copy en.yaml and translate every line), or remove \`${locale}\` from locales. Available: ${available.join(", ")}.`;
      found.add(
        courseSource
          ? findingAt(courseSource, ["locales", locales.indexOf(locale)], message, hint)
          : { file: COURSE_FILE, line: 1, column: 1, dataPath: "locales", message, hint, severity: "error" },
      );
      continue;
    }
    const source = await openYaml(ENGINE_DIR, `templates/i18n/${locale}.yaml`, found);
    strings[locale] = flatten(source?.data);
  }
  const reference = strings.en ?? {};
  for (const locale of locales) {
    const own = strings[locale];
    if (!own || locale === "en") continue;
    const missing = Object.keys(reference).filter((k) => !own[k]);
    if (missing.length)
      found.add({
        file: join("templates/i18n", `${locale}.yaml`),
        line: 1,
        column: 1,
        dataPath: missing.slice(0, 5).join(", "),
        message: `${missing.length} interface text${missing.length > 1 ? "s are" : " is"} missing in locale \`${locale}\``,
        hint: "Add the missing keys, translated; en.yaml has every key.",
        severity: "error",
      } satisfies Finding);
  }
  return strings;
}

/** Interface text by key in a locale (English when the locale lacks it), `{name}` placeholders filled;
    a count of 1 picks the `plural.<key>` form where one exists ("1 entry", not "1 entries"). */
export function lookupUiText(
  ui: UiStrings,
  locale: string,
  key: string,
  vars: Record<string, unknown> = {},
): string | undefined {
  // English needs its singular: with a count of 1, `plural.<key>` (if there is one) is used instead.
  const singular = Number(vars.count ?? vars.n) === 1 ? `plural.${key}` : undefined;
  const chosen = singular && (ui[locale]?.[singular] ?? ui.en?.[singular]) ? singular : key;
  const text = ui[locale]?.[chosen] ?? ui.en?.[chosen];
  return text?.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** The interface text of one locale as a function; an unknown key shows as itself. */
export function uiFor(ui: UiStrings, locale: string) {
  return (key: string, vars: Record<string, unknown> = {}): string =>
    lookupUiText(ui, locale, key, vars) ?? key;
}
