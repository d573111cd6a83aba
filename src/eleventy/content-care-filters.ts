import type { CourseModel } from "../course/model.ts";
import { sortedTerms } from "../glossary/load-glossary.ts";
import { reviewStatus } from "../modules/review-status.ts";

/** Filters for the glossary page and the trainers' review table. */
export function registerContentCareFilters(eleventyConfig: any, model: () => CourseModel): void {
  /** The glossary's terms in the order a reader of `locale` looks them up. */
  eleventyConfig.addFilter("glossaryTerms", (locale: string) => {
    const glossary = model().glossary;
    return glossary ? sortedTerms(glossary, locale) : [];
  });

  /** Every module's review dates and status in `locale`, overdue first, then by next review date. */
  eleventyConfig.addFilter("reviewRows", (locale: string) => {
    const order = {
      changed: 0,
      overdue: 1,
      unrecorded: 2,
      dueSoon: 3,
      unreviewed: 4,
      current: 5,
    } as const;
    return model()
      .modules.map((m) => {
        const v = m.versions[locale];
        return {
          competencyId: m.competencyId,
          title: v?.title ?? m.competencyId,
          review: v?.review,
          status: reviewStatus(v?.review, undefined, v?.reviewCoversContent),
        };
      })
      .sort(
        (a, b) =>
          order[a.status] - order[b.status] ||
          (a.review?.next ?? "").localeCompare(b.review?.next ?? ""),
      );
  });
}
