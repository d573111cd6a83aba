import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isScalar, parseDocument, visit, type Scalar } from "yaml";
import { CourseError } from "../errors.ts";
import { LOCALE_PATTERN } from "../framework/schema.ts";
import { COURSE_UI_DIR, listEngineLocales, TODO_MARKER } from "../framework/ui-strings.ts";
import { UI_STRINGS_DIR } from "../paths.ts";

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The engine's English interface text as a course-tier file: every key, each text marked TODO. */
export async function localeTemplate(locale: string): Promise<string> {
  const doc = parseDocument(await readFile(join(UI_STRINGS_DIR, "en.yaml"), "utf8"));
  doc.commentBefore = [
    ` Interface text in \`${locale}\` for this course: headings, labels and buttons.`,
    " Written by `npm run new-locale`: each text is the English one, marked TODO. Translate it and",
    ' remove the marker; validation lists the texts still marked. An empty text ("") is allowed.',
    " Any key left out falls back to the engine's text; a key may also override an engine language.",
  ].join("\n");
  visit(doc, {
    Scalar(key, node: Scalar) {
      if (key === "value" && typeof node.value === "string" && node.value !== "")
        node.value = `${TODO_MARKER}${node.value}`;
    },
  });
  // A code, not a text: it gets a valid value and says what else it may be.
  const direction = doc.getIn(["meta", "direction"], true);
  if (isScalar(direction)) {
    direction.value = "ltr";
    direction.comment = " ltr (left to right), or rtl for Arabic, Hebrew, Persian, Urdu";
  }
  return doc.toString({ lineWidth: 0 });
}

/** The language code a command was given, checked; a trainer's mistake is said plainly. */
export function requireLocale(locale: string | undefined): string {
  if (!locale)
    throw new CourseError(
      "Name the language: `npm run new-locale -- <code>`, e.g. `npm run new-locale -- fr`.",
    );
  if (!LOCALE_PATTERN.test(locale))
    throw new CourseError(
      `\`${locale}\` is not a language code such as \`fr\`, \`es\` or \`pt-BR\`.`,
    );
  return locale;
}

/** Writes i18n/<locale>.yaml in the course folder; returns its path relative to the course. */
export async function writeLocaleFile(
  courseDir: string,
  code: string | undefined,
  force = false,
): Promise<string> {
  const locale = requireLocale(code);
  const shipped = await listEngineLocales();
  if (shipped.includes(locale) && !force)
    throw new CourseError(
      `The engine already ships interface text for \`${locale}\`. To change a few texts, write only those keys in ${COURSE_UI_DIR}/${locale}.yaml in your course folder (or pass --force for a full copy to translate).`,
    );
  const file = join(COURSE_UI_DIR, `${locale}.yaml`);
  const target = join(courseDir, file);
  if ((await exists(target)) && !force)
    throw new CourseError(
      `${file} already exists in the course folder; nothing was changed. Pass --force to overwrite it.`,
    );
  await mkdir(join(courseDir, COURSE_UI_DIR), { recursive: true });
  await writeFile(target, await localeTemplate(locale));
  return file;
}
