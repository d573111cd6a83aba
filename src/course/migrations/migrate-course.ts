import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CourseError } from "../../errors.ts";
import { COURSE_FILE, FindingCollector, openYaml } from "../../framework/load.ts";
import { readCourseText } from "../../security/read-course-file.ts";
import {
  checkCourseFormat,
  CURRENT_FORMAT,
  declaredFormat,
  wantedEngine,
} from "../course-format.ts";
import { caseSettingsBlock, renameCasePlatforms } from "./case-settings.ts";
import { convertModuleMaterials, type ModuleText } from "./materials-by-id.ts";
import { setTopLevelKey } from "./text-edits.ts";

/** What `migrate` did to one file, in lines a trainer can check against the diff. */
export interface FileChange {
  file: string;
  changes: string[];
}

export interface MigrationReport {
  from: number;
  to: number;
  files: FileChange[];
}

/** The edits of one format step: file → new text and what changed. */
type Step = (
  courseDir: string,
  settings: CourseData,
) => Promise<Map<string, FileChange & { text: string }>>;

interface CourseData {
  locales: string[];
  hasCaseSettings: boolean;
  defaultLocale?: string;
}

/** Each step converts a course from `from` to `from + 1`. */
const STEPS: Record<number, Step> = { 1: toFormat2 };

/** Reads a course file as it is on disk (byte-order mark kept), refusing links out of the course. */
async function readRaw(courseDir: string, file: string): Promise<string> {
  const checked = await readCourseText(courseDir, file);
  if (checked.finding) throw new CourseError(`${checked.finding.message}. ${checked.finding.hint}`);
  return readFile(join(courseDir, file), "utf8");
}

/** Format 1 → 2: materials by id, and case settings as course data. */
async function toFormat2(courseDir: string, course: CourseData) {
  const out = new Map<string, FileChange & { text: string }>();
  const platforms: string[] = [];
  const folders = await readdir(join(courseDir, "modules"), { withFileTypes: true }).catch(
    () => [],
  );
  for (const folder of folders
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const files: ModuleText[] = [];
    for (const locale of course.locales) {
      const file = `modules/${folder.name}/${locale}.md`;
      const text = await readRaw(courseDir, file).catch((e: unknown) => {
        if (e instanceof CourseError) throw e;
        return undefined; // a missing locale is for validation to report
      });
      if (text !== undefined) files.push({ file, locale, text });
    }
    // Renaming case attributes first changes no line, so both kinds of change name original lines.
    const renamed = files.map((f) => ({ ...f, ...renameCasePlatforms(f.text) }));
    for (const f of renamed.filter((r) => r.ids.length)) {
      platforms.push(...f.ids);
      out.set(f.file, { file: f.file, text: f.text, changes: f.changes });
    }
    for (const converted of convertModuleMaterials(
      renamed,
      course.defaultLocale ?? course.locales[0]!,
    ))
      out.set(converted.file, {
        ...converted,
        changes: [...converted.changes, ...(out.get(converted.file)?.changes ?? [])],
      });
  }
  if (platforms.length && !course.hasCaseSettings) {
    const text = await readRaw(courseDir, COURSE_FILE);
    out.set(COURSE_FILE, {
      file: COURSE_FILE,
      text: `${text.replace(/\s*$/, "")}${caseSettingsBlock(text, platforms, course.locales)}`,
      changes: [
        `caseSettings: ${[...new Set(platforms)].join(", ")} (the platforms the cases named)`,
      ],
    });
  }
  return out;
}

/**
 * Converts a course in place to the format this engine reads, step by step, changing only what each
 * step needs (comments, quoting and line endings stay). A course already in this format is left
 * alone, so running it twice changes nothing the second time.
 */
export async function migrateCourse(courseDir: string): Promise<MigrationReport> {
  const source = await openYaml(courseDir, COURSE_FILE, new FindingCollector());
  if (!source)
    throw new CourseError(
      `${COURSE_FILE} is missing or not valid YAML; fix it (\`npm run validate\` shows where), then run \`npm run migrate\` again.`,
    );
  const from = declaredFormat(source.data);
  if (from === undefined)
    throw new CourseError(
      `\`format:\` in ${COURSE_FILE} is not a course format number; write the format the course was made in (1 if you do not know), then run \`npm run migrate\` again.`,
    );
  if (from > CURRENT_FORMAT) {
    const finding = checkCourseFormat(source, await wantedEngine(courseDir))!;
    throw new CourseError(`${finding.message}. ${finding.hint}`);
  }
  const raw = source.data as { locales?: unknown; defaultLocale?: unknown };
  const course: CourseData = {
    locales: Array.isArray(raw.locales)
      ? raw.locales.filter((l): l is string => typeof l === "string")
      : [],
    hasCaseSettings: Object.hasOwn(raw, "caseSettings"),
    defaultLocale: typeof raw.defaultLocale === "string" ? raw.defaultLocale : undefined,
  };
  const edits = new Map<string, FileChange & { text: string }>();
  for (let format = from; format < CURRENT_FORMAT; format++)
    for (const [file, edit] of await STEPS[format]!(courseDir, course)) {
      const earlier = edits.get(file);
      edits.set(file, { ...edit, changes: [...(earlier?.changes ?? []), ...edit.changes] });
    }
  if (from < CURRENT_FORMAT) {
    const earlier = edits.get(COURSE_FILE);
    const text = earlier?.text ?? (await readRaw(courseDir, COURSE_FILE));
    edits.set(COURSE_FILE, {
      file: COURSE_FILE,
      text: setTopLevelKey(text, "format", String(CURRENT_FORMAT), [
        "The course format these files are written in. When the engine moves on, `npm run migrate`",
        "converts the course (the engine's CHANGELOG.md says what changed).",
      ]),
      changes: [...(earlier?.changes ?? []), `format: ${from} → ${CURRENT_FORMAT}`],
    });
  }
  // Every edit is computed before anything is written: a step that fails leaves the course as it was.
  for (const edit of edits.values()) {
    await writeFile(join(courseDir, edit.file), edit.text);
  }
  return {
    from,
    to: CURRENT_FORMAT,
    files: [...edits.values()].map(({ file, changes }) => ({ file, changes })),
  };
}
