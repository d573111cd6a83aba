import type { Finding } from "../errors.ts";
import { textWidth } from "../text/text-width.ts";
import { findingAt } from "./cross-checks.ts";
import type { CourseSettings } from "./schema.ts";
import type { YamlSource } from "./yaml-source.ts";

/**
 * The widest `shortTitle` the phone header shows whole, in ems of its bold type: two lines of the
 * room a 360 px screen leaves beside search, the language switch and the menu (about 16 Chinese
 * characters or 24 Latin letters). A longer one is cut with "…" on phones.
 */
export const MAX_SHORT_TITLE_EMS = 16;

/** A `shortTitle` exists to fit the phone header; one too long for it is cut there, so say so. */
export function checkShortTitle(source: YamlSource, settings: CourseSettings): Finding[] {
  return Object.entries(settings.shortTitle ?? {}).flatMap(([locale, title]) => {
    if (textWidth(title, 1, true) <= MAX_SHORT_TITLE_EMS) return [];
    return [
      findingAt(
        source,
        ["shortTitle", locale],
        `The short title in \`${locale}\` is too long for the phone header, which shows about 16 Chinese characters or 24 Latin letters`,
        "Shorten it: phones cut a longer one with “…” (the full `title` stays on the home page and at the foot of every page).",
        "warning",
      ),
    ];
  });
}
