import type { CourseModel } from "../course/model.ts";
import { uiFor } from "../framework/ui-strings.ts";
import { promptsForModule } from "../course/reflection-sections.ts";
import { describeQuantity, gatherMaterials } from "../modules/materials.ts";
import { computeSessionPlan, formatClock } from "../modules/session-plan.ts";

/** A knowledge check as a handout prints it: the question and its options, nothing that answers it. */
interface HandoutCheck {
  number: string;
  questionHtml: string;
  options: string[];
}

/** Everything a printed facilitator guide shows, resolved to text for one locale. */
export function buildGuideView(model: CourseModel, competencyId: string, locale: string) {
  const ui = uiFor(model.ui, locale);
  const module = model.modules.find((m) => m.competencyId === competencyId);
  const version = module?.versions[locale];
  const entry = model.competencies.find((c) => c.competency.id === competencyId);
  if (!module || !version || !entry)
    throw new Error(`Internal error: no module ${competencyId} in ${locale}`);
  const plan = computeSessionPlan(version.activities, version.duration);
  const discussion = promptsForModule(model, competencyId).map((p) => ({
    text: p.text[locale] ?? "",
    stage: model.reflection?.model.stages.find((s) => s.id === p.stage)?.title[locale] ?? p.stage,
  }));
  const byId = new Map(version.materials.map((m) => [m.id, m]));
  const materials = gatherMaterials(
    version.activities.map((a) => ({
      materials: a.materialIds.flatMap((id) => byId.get(id) ?? []),
    })),
  ).map((m) => ({ name: m.name, quantity: describeQuantity(m, ui) }));
  const groupings = [
    ...new Set(version.activities.map((a) => a.grouping).filter((g): g is string => Boolean(g))),
  ];
  const handouts = [
    ...version.cases.map((c) => ({
      kind: [
        ui("module.case"),
        model.settings.caseSettings.find((s) => s.id === c.setting)?.label[locale],
      ]
        .filter(Boolean)
        .join(ui("compose.separator")),
      title: c.title,
      html: c.html,
      materials: "",
      checks: [] as HandoutCheck[],
    })),
    ...version.activities.map((a) => ({
      kind: [
        ui("guide.activitySheet"),
        ui("module.minutes", { n: a.minutes }),
        a.grouping ? ui(`grouping.${a.grouping}`) : "",
      ]
        .filter(Boolean)
        .join(ui("compose.separator")),
      title: a.title,
      html: a.html,
      materials: a.materials.join(ui("punct.listSeparator")),
      // The questions the activity sets, ready to photocopy: no answers, no feedback.
      checks: a.checkIds.flatMap((id) => {
        const at = version.checks.findIndex((c) => c.id === id);
        const check = version.checks[at];
        return check
          ? [
              {
                number: ui("check.title", { n: at + 1, total: version.checks.length }),
                questionHtml: check.questionHtml,
                options: check.options.map((o) => o.html),
              },
            ]
          : [];
      }),
    })),
  ];
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
    plan: {
      rows: plan.rows.map((r) => ({
        start: formatClock(r.start),
        minutes: r.minutes,
        end: formatClock(r.end),
        title: r.title,
        grouping: r.grouping ? ui(`grouping.${r.grouping}`) : "",
        materials: r.materials.join(ui("punct.listSeparator")),
      })),
      total: ui("guide.planTotal", { minutes: plan.total, clock: formatClock(plan.total) }),
    },
    checklist: [
      ui("guide.check.read"),
      ui("guide.check.plan", { minutes: version.duration }),
      ...(handouts.length ? [ui("guide.check.handouts", { count: handouts.length })] : []),
      ...(materials.length ? [ui("guide.check.materials")] : []),
      ...(groupings.length
        ? [
            ui("guide.check.room", {
              groupings: groupings.map((g) => ui(`grouping.${g}`)).join(ui("punct.listSeparator")),
            }),
          ]
        : []),
      ui("guide.check.privacy"),
    ],
    materials,
    contentHtml: version.guideHtml,
    discussion,
    answerKey: version.checks.map((c, i) => ({
      number: ui("check.title", { n: i + 1, total: version.checks.length }),
      questionHtml: c.questionHtml,
      options: c.options.map((o, j) => ({
        letter: String.fromCharCode(65 + j),
        html: o.html,
        verdict: o.correct ? ui("check.correct") : ui("check.incorrect"),
        correct: o.correct,
        feedbackHtml: o.feedbackHtml,
      })),
    })),
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
