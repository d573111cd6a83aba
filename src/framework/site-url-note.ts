import type { Finding } from "../errors.ts";
import { findingAt } from "./cross-checks.ts";
import type { CourseSettings } from "./schema.ts";
import type { YamlSource } from "./yaml-source.ts";

/**
 * Without `siteUrl` the exported competency data (CASE, Moodle) cannot link to the published pages.
 * That is a choice a course may make (a site handed out on a USB stick has no address), so it is a
 * note, which `--strict` leaves alone, not a warning.
 */
export function noteMissingSiteUrl(source: YamlSource, settings: CourseSettings): Finding[] {
  if (settings.siteUrl) return [];
  return [
    findingAt(
      source,
      [],
      "No `siteUrl` is set, so the exported competency framework (framework.case.json) cannot link to the published pages",
      "Its items get `urn:uuid:` addresses instead, which CASE tools accept but cannot open. Add `siteUrl: https://…/` (the address the site is published at) to link them.",
      "note",
    ),
  ];
}
