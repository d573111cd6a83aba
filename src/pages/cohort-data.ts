import type { CourseModel } from "../course/model.ts";
import { K_FLOOR } from "../feedback/schema.ts";
import { assessedCompetencies } from "./assess-data.ts";
import { relativeUrl } from "./relative-url.ts";
import { storeKey } from "./store-key.ts";

/** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint, not a secret. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * What a hand-over names the course by: an id from its title (as its learner data in the browser),
 * and a version: the course's own `version` (when set) with a fingerprint of what a hand-over packs
 * in order (assessed competencies, levels, rating questions). A code made on a site whose order
 * differs is refused rather than misread.
 */
export function cohortIdentity(model: CourseModel): { course: string; version: string } {
  const course = storeKey(model)
    .replace(/^onion-course:/, "")
    .slice(0, 40);
  const shape = JSON.stringify([
    assessedCompetencies(model).map((e) => e.competency.id),
    model.framework.scale.levels.map((l) => l.id),
    model.framework.scale.target,
    (model.feedback?.questions ?? []).map((q) => `${q.id}:${q.kind}`),
  ]);
  const own = model.settings.version ? `${model.settings.version}-` : "";
  return { course, version: `${own}${fingerprint(shape).slice(0, 6)}` };
}

/** What the cohort scripts need (templates/assets/cohort-core.js's CohortMeta, plus labels). */
export function cohortData(model: CourseModel, locale: string, fromUrl: string) {
  const { course, version } = cohortIdentity(model);
  const feedback = model.feedback;
  const ratings = (feedback?.questions ?? []).flatMap((q) => (q.kind === "rating" ? [q] : []));
  const textQuestion = feedback?.questions.find((q) => q.kind === "text");
  const levels = model.framework.scale.levels;
  return {
    meta: {
      course,
      version,
      modules: model.modules.map((m) => m.competencyId),
      competencies: assessedCompetencies(model).map((e) => ({ id: e.competency.id })),
      levels: levels.map((l) => l.id),
      targetIndex: levels.findIndex((l) => l.id === model.framework.scale.target),
      ratings: ratings.map((q) => ({ id: q.id })),
      textQuestion: textQuestion !== undefined,
      minimumGroup: feedback?.minimumGroup ?? K_FLOOR,
    },
    courseTitle: model.settings.title[locale] ?? course,
    versionLabel: model.settings.version ?? "",
    modules: model.modules.map((m) => ({
      id: m.competencyId,
      title: m.versions[locale]?.title ?? m.competencyId,
    })),
    competencies: assessedCompetencies(model).map((e) => ({
      id: e.competency.id,
      title: e.competency.title[locale] ?? e.competency.id,
    })),
    levels: levels.map((l) => ({ id: l.id, title: l.title[locale] ?? l.id })),
    ratings: ratings.map((q) => ({
      id: q.id,
      text: q.text[locale] ?? q.id,
      low: q.low?.[locale] ?? "1",
      high: q.high?.[locale] ?? "5",
    })),
    textQuestion: textQuestion
      ? { id: textQuestion.id, text: textQuestion.text[locale] ?? textQuestion.id }
      : null,
    assessUrl: model.pagesByType.assess.length ? relativeUrl(`/${locale}/assess/`, fromUrl) : null,
  };
}
