import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InternalError } from "../errors.ts";
import type { CourseModel } from "../course/model.ts";
import { buildCasePackage } from "./cfpackage/build-case-package.ts";
import { cfPackage } from "./cfpackage/case-schema.ts";
import { buildMoodleCsv } from "./moodle/build-moodle-csv.ts";

export const CASE_FILE = "framework.case.json";
export const MOODLE_FILE = "framework.moodle.csv";

/** Writes the framework as CASE 1.1 JSON and Moodle CSV into each locale's folder of a built site. */
export async function writeFrameworkExports(
  model: CourseModel,
  siteDir: string,
  changedAt: Date,
): Promise<void> {
  for (const locale of model.locales) {
    const pkg = buildCasePackage(model, locale, { changedAt });
    const checked = cfPackage.safeParse(pkg);
    if (!checked.success)
      throw new InternalError(
        `the CASE package for ${locale} does not match CASE 1.1: ${checked.error.message}`,
      );
    await writeFile(join(siteDir, locale, CASE_FILE), `${JSON.stringify(pkg, null, 2)}\n`);
    await writeFile(join(siteDir, locale, MOODLE_FILE), buildMoodleCsv(model, locale));
  }
}
