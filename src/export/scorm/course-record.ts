import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CourseError } from "../../errors.ts";
import type { CourseModel } from "../../course/model.ts";
import type { LmsSettings } from "../../framework/lms-schema.ts";
import { lookupUiText } from "../../framework/ui-strings.ts";

/** The file in a built site that says which course it is, for `npm run package`. */
export const COURSE_RECORD_FILE = "lms-course.json";
/** Raised when what a record holds changes meaning; an older record is then refused. */
const RECORD_FORMAT = 1;
/** The interface texts a package shows, by locale. */
const PACKAGE_TEXTS = ["lms.privacy", "lms.notice", "lms.review"] as const;
export type PackageText = (typeof PACKAGE_TEXTS)[number];

/** What `npm run package` needs to know of the course a site was built from. */
export interface CourseRecord {
  format: typeof RECORD_FORMAT;
  /** Stable per course title: the stem of the packages' manifest identifiers. */
  id: string;
  title: Record<string, string>;
  defaultLocale: string;
  locales: string[];
  lms: LmsSettings;
  /** The trainable modules in teaching order, each with its title per locale. */
  modules: { id: string; title: Record<string, string> }[];
  texts: Record<string, Record<PackageText, string>>;
}

export function courseRecordOf(model: CourseModel): CourseRecord {
  const defaultTitle = model.settings.title[model.defaultLocale] ?? "Course";
  const texts: CourseRecord["texts"] = {};
  for (const locale of model.locales)
    texts[locale] = Object.fromEntries(
      PACKAGE_TEXTS.map((key) => [key, lookupUiText(model.ui, locale, key) ?? key]),
    ) as Record<PackageText, string>;
  return {
    format: RECORD_FORMAT,
    id: "c" + createHash("sha256").update(defaultTitle).digest("hex").slice(0, 8),
    title: { ...model.settings.title },
    defaultLocale: model.defaultLocale,
    locales: [...model.locales],
    lms: { ...model.settings.lms },
    modules: model.modules.map((m) => ({
      id: m.competencyId,
      title: Object.fromEntries(
        model.locales.map((l) => [l, m.versions[l]?.title ?? m.competencyId]),
      ),
    })),
    texts,
  };
}

export async function writeCourseRecord(model: CourseModel, siteDir: string): Promise<void> {
  await writeFile(
    join(siteDir, COURSE_RECORD_FILE),
    JSON.stringify(courseRecordOf(model), null, 2) + "\n",
  );
}

/** The record of the course `siteDir` was built from; a clear message if the build has none. */
export async function readCourseRecord(siteDir: string, shown: string): Promise<CourseRecord> {
  const rebuild = `Run \`npm run build\` (with \`--course <folder>\` for a course outside this folder, and \`--out ${shown}\`) with this version, then \`npm run package\` again.`;
  let record: Partial<CourseRecord>;
  try {
    record = JSON.parse(
      await readFile(join(siteDir, COURSE_RECORD_FILE), "utf8"),
    ) as Partial<CourseRecord>;
  } catch {
    throw new CourseError(
      `${shown}/ was built by an older version of the course generator: it does not say which course it holds (${COURSE_RECORD_FILE} is missing or unreadable). ${rebuild}`,
    );
  }
  if (record.format !== RECORD_FORMAT || !Array.isArray(record.modules))
    throw new CourseError(
      `${shown}/ was built by an older version of the course generator (its ${COURSE_RECORD_FILE} is in another format). ${rebuild}`,
    );
  return record as CourseRecord;
}
