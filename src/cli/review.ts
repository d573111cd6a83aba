import { join } from "node:path";
import { recordReview } from "../modules/record-review.ts";

/**
 * `review <module-id> --by "<name or role>" [--locale <l>]`: records that a module's content was
 * checked against its sources, with the fingerprint validation compares against later.
 */
export async function reviewCommand(
  courseDir: string,
  courseOption: string,
  moduleId: string | undefined,
  by: string | undefined,
  locale: string | undefined,
): Promise<number> {
  const recorded = await recordReview(courseDir, { moduleId, by, locale });
  for (const r of recorded)
    console.log(
      `recorded ${join(courseOption, r.file)}: reviewed ${r.on} by ${by?.trim()}, next review ${r.next}, ${r.fingerprint.slice(0, 19)}…`,
    );
  console.log(
    "\nValidation now warns if this content changes before the next review. Commit the module files with the review.",
  );
  return 0;
}
