import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { REPO_DIR } from "../helpers/paths.ts";

const model = await loadCourse(REPO_DIR, { strict: true });

/** The bars the default course's modules must meet (issue: four complete bilingual modules). */
describe.each(model.modules.map((m) => [m.competencyId, m] as const))(
  "default module %s",
  (_id, module) => {
    it.each(model.locales)("in %s is a complete 60-90 minute session", (locale) => {
      const v = module.versions[locale]!;
      expect(v.duration).toBeGreaterThanOrEqual(60);
      expect(v.duration).toBeLessThanOrEqual(90);
      expect(v.objectives.length).toBeGreaterThanOrEqual(3);
      expect(v.cases.length).toBeGreaterThanOrEqual(2);
      expect(new Set(v.cases.map((c) => c.setting)).size).toBeGreaterThanOrEqual(2);
      expect(v.activities.length).toBeGreaterThanOrEqual(2);
      expect(v.checks.length).toBeGreaterThanOrEqual(5);
      for (const check of v.checks)
        expect(check.options.every((o) => o.feedbackHtml.trim())).toBe(true);
      expect(v.learnerHtml).toContain("block--keypoints");
      expect(v.references.length).toBeGreaterThan(0);
      expect(v.references.some((r) => r.doi === model.settings.source?.doi)).toBe(true);
      expect(v.facilitatorNotes.length).toBeGreaterThanOrEqual(2);
    });

    it("links its sections to every category of its competency", () => {
      const competency = model.competencies.find(
        (c) => c.competency.id === module.competencyId,
      )!.competency;
      for (const locale of model.locales)
        for (const category of competency.categories)
          expect(module.versions[locale]!.learnerHtml, `${locale} ${category.id}`).toContain(
            category.title[locale]!,
          );
    });
  },
);

it("every interface text is translated: Chinese equals English only for codes and commands", () => {
  const zh = model.ui["zh-CN"]!;
  const same = Object.entries(model.ui.en!)
    .filter(([key, text]) => zh[key] === text)
    .map(([key]) => key);
  // compose.separator and compose.pageTitle: the middle dot (间隔号) separates items in Chinese too.
  const untranslatable =
    /^(meta\.direction|about\.doi|trainers\.cmd\.\w+\.code|trainers\.section\.(course|feedback)|compose\.(separator|pageTitle))$/;
  expect(same.filter((key) => !untranslatable.test(key))).toEqual([]);
});
