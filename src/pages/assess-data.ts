import type { CompetencyEntry, CourseModel } from "../course/model.ts";
import { moduleOf } from "../course/lookup.ts";
import { relativeUrl } from "./relative-url.ts";
import { uiFor } from "../framework/ui-strings.ts";

/** Competencies the self-assessment covers: those of layers marked `assessed`, in framework order. */
export function assessedCompetencies(model: CourseModel): CompetencyEntry[] {
  return model.competencies.filter((e) => e.layer.assessed && e.competency.levels);
}

/**
 * What the self-assessment script needs, for one locale: levels, the target, and for each competency
 * where to go next (its module, else its reflection prompts, else its framework page).
 */
export function assessData(model: CourseModel, locale: string, fromUrl: string) {
  const text = uiFor(model.ui, locale);
  const ui = (key: string, title: string) => text(key, { title });
  const levels = model.framework.scale.levels;
  return {
    levels: levels.map((l) => ({ id: l.id, title: l.title[locale] ?? l.id })),
    targetIndex: levels.findIndex((l) => l.id === model.framework.scale.target),
    competencies: assessedCompetencies(model).map(({ competency, layer }) => {
      const title = competency.title[locale] ?? competency.id;
      const module = moduleOf(model, competency.id);
      // The reflection page has a section per framework item with prompts: the competency or a category.
      const prompt = model.reflection?.prompts.find(
        (p) => p.about === competency.id || competency.categories.some((c) => c.id === p.about),
      );
      const suggestion = module
        ? {
            href: `/${locale}/modules/${competency.id}/`,
            label: ui("assess.takeModule", module.versions[locale]?.title ?? title),
          }
        : prompt
          ? {
              href: `/${locale}/reflection/#topic-${prompt.about}`,
              label: ui("assess.reflectOn", title),
            }
          : {
              href: `/${locale}/framework/${layer.id}/${competency.id}/`,
              label: ui("assess.readAbout", title),
            };
      return {
        id: competency.id,
        title,
        suggestion: { ...suggestion, href: relativeUrl(suggestion.href, fromUrl) },
      };
    }),
  };
}
