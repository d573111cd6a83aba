import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { CourseError } from "../errors.ts";
import {
  COURSE_UI_DIR,
  flattenUiText,
  readEngineStrings,
  TODO_MARKER,
} from "../framework/ui-strings.ts";
import { FindingCollector } from "../framework/load.ts";
import { keysUsedBy, listUiUsages } from "./ui-usage.ts";

export interface LocaleCheck {
  locale: string;
  /** Every interface key the engine has (its English file). */
  total: number;
  /** Keys without a finished text in this locale (absent or still marked TODO), by where they are used. */
  missing: { usage: string; keys: string[] }[];
  /** Missing keys no page or engine code uses: nothing shows them, so they need no translation. */
  missingUnused: string[];
  /** Keys in the course's file that the engine does not know (a typo, or a key since removed). */
  unknown: string[];
}

/**
 * What a language still needs: its interface text (the engine's file, then the course's
 * i18n/<locale>.yaml over it) against every key the engine has, grouped by the page types and
 * engine code that use each key (read from the templates and the code).
 */
export async function checkLocale(courseDir: string, locale: string): Promise<LocaleCheck> {
  const english = await readEngineStrings("en", new FindingCollector());
  const keys = Object.keys(english);
  const own = await readEngineStrings(locale, new FindingCollector());
  const file = join(courseDir, COURSE_UI_DIR, `${locale}.yaml`);
  const hasFile = await access(file).then(
    () => true,
    () => false,
  );
  const courseText = hasFile ? flattenUiText(parse(await readFile(file, "utf8"))) : {};
  if (!hasFile && !Object.keys(own).length)
    throw new CourseError(
      `There is no interface text for \`${locale}\`: neither the engine nor ${COURSE_UI_DIR}/${locale}.yaml in the course folder has it. Run \`npm run new-locale -- ${locale}\` to write the file, then check again.`,
    );
  const text = { ...own, ...courseText };
  const todo = TODO_MARKER.trim();
  const unfinished = keys.filter((k) => text[k] === undefined || text[k]!.startsWith(todo));
  const used = new Set<string>();
  const missing: LocaleCheck["missing"] = [];
  for (const usage of await listUiUsages()) {
    const usedHere = await keysUsedBy(usage.files, keys);
    for (const k of usedHere) used.add(k);
    const here = unfinished.filter((k) => usedHere.has(k));
    if (here.length) missing.push({ usage: usage.name, keys: here });
  }
  return {
    locale,
    total: keys.length,
    missing,
    missingUnused: unfinished.filter((k) => !used.has(k)),
    unknown: Object.keys(courseText).filter((k) => !(k in english)),
  };
}

/** The check as a trainer reads it: what to translate, page type by page type, then what to remove. */
export function describeLocaleCheck(check: LocaleCheck): string {
  const toTranslate = new Set(check.missing.flatMap((m) => m.keys));
  const lines = [
    `Interface text in \`${check.locale}\`: ${check.total - toTranslate.size - check.missingUnused.length} of ${check.total} keys translated, ${toTranslate.size} to translate, ${check.unknown.length} unused.`,
  ];
  if (check.missing.length) {
    lines.push("", "To translate (no text, or still marked TODO), by where the text shows:");
    for (const m of check.missing)
      lines.push(`  ${m.usage} (${m.keys.length}): ${m.keys.join(", ")}`);
  }
  if (check.missingUnused.length)
    lines.push(
      "",
      `Not translated, but no page uses them (no need to translate): ${check.missingUnused.join(", ")}`,
    );
  if (check.unknown.length)
    lines.push(
      "",
      `Unused: in ${COURSE_UI_DIR}/${check.locale}.yaml but not a key of the engine (a typo, or a key since removed; see templates/i18n/en.yaml): ${check.unknown.join(", ")}`,
    );
  return lines.join("\n");
}
