/**
 * Module files analysed in helper threads give the same course as on one thread: the same versions
 * (learner and guide views, checks, session plans) and the same findings in the same order.
 */
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { analysedByHelpers } from "../../src/modules/analyse-versions.ts";
import { EXAMPLE_DIR, REPO_DIR } from "../helpers/paths.ts";

describe("module analysis in helper threads", () => {
  for (const [name, dir] of [
    ["default course", REPO_DIR],
    ["example course", EXAMPLE_DIR],
  ] as const)
    it(`gives the ${name} exactly as one thread does`, async () => {
      const alone = await loadCourse(dir, { analysis: { helpers: 0 } });
      const before = analysedByHelpers.count;
      const helped = await loadCourse(dir, { analysis: { helpers: 2, onlyHelpers: true } });
      // Every file was analysed by a helper, none by the calling thread.
      const files = alone.modules.length * alone.locales.length;
      expect(analysedByHelpers.count - before).toBe(files);
      expect(helped.modules).toEqual(alone.modules);
      expect(helped.warnings).toEqual(alone.warnings);
      expect(helped.notes).toEqual(alone.notes);
    });
});
