import type { CoursePageName } from "../course/course-pages.ts";
import { programmeTimeText, type CourseModel } from "../course/model.ts";
import { competencyOf, moduleOf, modulePosition } from "../course/lookup.ts";
import { promptsForModule, reflectionSections } from "../course/reflection-sections.ts";
import { uiFor } from "../framework/ui-strings.ts";
import { renderOnionSvg } from "../onion/onion-svg.ts";
import { assessData, assessedCompetencies } from "../pages/assess-data.ts";
import { cohortData } from "../pages/cohort-data.ts";
import { FREE_TEXT_LIMIT, K_FLOOR } from "../feedback/schema.ts";
import { frameworkPath, relativeUrl } from "../pages/relative-url.ts";
import type { FilterContext } from "./filter-context.ts";

/**
 * Filters and the onion shortcode for the course's content: its framework, modules, reflection
 * prompts, self-assessment and course-authored pages.
 */
export function registerCourseFilters(eleventyConfig: any, model: () => CourseModel): void {
  eleventyConfig.addShortcode(
    "onion",
    function (this: FilterContext, locale: string, idPrefix = "onion") {
      const m = model();
      const from = this.page?.url ?? "/";
      const ui = uiFor(m.ui, locale);
      return renderOnionSvg({
        layers: m.framework.layers,
        locale,
        idPrefix,
        title: ui("onion.title"),
        description: ui("onion.description", { count: m.framework.layers.length }),
        hrefFor: (layerId, competencyId) =>
          relativeUrl(frameworkPath(locale, layerId, competencyId), from),
      });
    },
  );

  eleventyConfig.addFilter("competencyEntry", (competencyId: string) =>
    competencyOf(model(), competencyId),
  );
  eleventyConfig.addFilter("layerById", (layerId: string) =>
    model().framework.layers.find((l) => l.id === layerId),
  );
  eleventyConfig.addFilter("moduleFor", (competencyId: string) => moduleOf(model(), competencyId));
  eleventyConfig.addFilter("moduleNeighbours", (competencyId: string) => {
    const modules = model().modules;
    const at = modulePosition(model(), competencyId);
    return { previous: modules[at - 1], next: modules[at + 1] };
  });
  eleventyConfig.addFilter("programmeTimeText", (locale: string) =>
    programmeTimeText(model(), locale),
  );

  eleventyConfig.addFilter("reflectionSections", () => reflectionSections(model()));
  eleventyConfig.addFilter("promptsForModule", (competencyId: string) =>
    promptsForModule(model(), competencyId),
  );

  eleventyConfig.addFilter("scaleLevel", (levelId: string) =>
    model().framework.scale.levels.find((l) => l.id === levelId),
  );
  eleventyConfig.addFilter("assessedCompetencies", () => assessedCompetencies(model()));
  eleventyConfig.addFilter("freeTextLimit", () => FREE_TEXT_LIMIT);
  eleventyConfig.addFilter("cohortFloor", () => model().feedback?.minimumGroup ?? K_FLOOR);
  eleventyConfig.addFilter("cohortData", (locale: string, fromUrl: string) =>
    JSON.stringify(cohortData(model(), locale, fromUrl)).replace(/</g, "\\u003c"),
  );
  eleventyConfig.addFilter("assessData", (locale: string, fromUrl: string) =>
    JSON.stringify(assessData(model(), locale, fromUrl)).replace(/</g, "\\u003c"),
  );

  /** Course-authored page text (pages/<name>.<locale>.md), rendered; empty when the course has none. */
  eleventyConfig.addFilter(
    "coursePage",
    (name: CoursePageName, locale: string) => model().coursePages[name]?.[locale] ?? "",
  );
}
