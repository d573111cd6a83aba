import type { CourseModel } from "../course/model.ts";
import { competencyOf, moduleOf } from "../course/lookup.ts";
import { uiFor } from "../framework/ui-strings.ts";
import { promptsForModule } from "../course/reflection-sections.ts";
import { guideAnswerKey, guideHandouts } from "./guide-handouts.ts";
import { guideChecklist, guideMaterials, guidePlan } from "./guide-preparation.ts";

/** Everything a printed facilitator guide shows, resolved to text for one locale. */
export function buildGuideView(model: CourseModel, competencyId: string, locale: string) {
  const ui = uiFor(model.ui, locale);
  const module = moduleOf(model, competencyId);
  const version = module?.versions[locale];
  const entry = competencyOf(model, competencyId);
  if (!module || !version || !entry)
    throw new Error(`Internal error: no module ${competencyId} in ${locale}`);
  const discussion = promptsForModule(model, competencyId).map((p) => ({
    text: p.text[locale] ?? "",
    stage: model.reflection?.model.stages.find((s) => s.id === p.stage)?.title[locale] ?? p.stage,
  }));
  const materials = guideMaterials(version, ui);
  const handouts = guideHandouts(model, version, locale, ui);
  const section = (suffix: string, key: string) => ({
    id: `${competencyId}-${suffix}`,
    label: ui(`guide.label.${key}`),
  });
  const contents = [
    section("overview", "overview"),
    section("plan", "plan"),
    section("prepare", "checklist"),
    section("content", "content"),
    ...(discussion.length ? [section("discussion", "discussion")] : []),
    section("answers", "answerKey"),
    ...(version.references.length ? [section("references", "references")] : []),
  ];
  return {
    id: competencyId,
    title: version.title,
    contents,
    /** The handouts as contents entries: where each starts, for photocopying. */
    handoutContents: handouts.map((h, i) => ({
      id: `${competencyId}-handout-${i}`,
      label: h.title,
    })),
    handoutsLabel: ui("guide.label.handout"),
    heading: ui("guide.heading", { title: version.title }),
    competency: entry.competency.title[locale] ?? competencyId,
    audience: version.audience,
    prerequisites: version.prerequisites,
    duration: ui("module.minutes", { n: version.duration }),
    objectives: version.objectives.map((o) => ({ text: o.text, level: ui(`bloom.${o.level}`) })),
    plan: guidePlan(version, ui),
    checklist: guideChecklist(version, ui, {
      handouts: handouts.length,
      materials: materials.length,
    }),
    materials,
    contentHtml: version.guideHtml,
    discussion,
    answerKey: guideAnswerKey(version, ui),
    handouts,
    references: version.references.map((r) => ({
      // The id the guide's citations link to once its ids carry the module's prefix.
      anchor: `${competencyId}-ref-${r.key}`,
      text: r.text,
      doi: r.doi,
      url: r.url,
    })),
  };
}

export type GuideView = ReturnType<typeof buildGuideView>;
