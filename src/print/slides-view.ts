import type { CourseModel } from "../course/model.ts";
import { uiFor } from "../framework/ui-strings.ts";

/** One projected slide, resolved to text and learner HTML for one locale. Never a facilitator note. */
export interface SlideView {
  number: number;
  kind: "title" | "case" | "activity" | "question" | "answer" | "keypoints";
  /** The small label above the slide's content: "Case · Weibo", "Activity · 15 min · Pairs". */
  label: string;
  heading: string;
  html: string;
  /** Minutes for an activity's timer; 0 for other slides. */
  minutes: number;
  /** Options of a check, with their position (1 = A) so an answer slide shows the right letter. */
  options: { value: number; html: string; feedbackHtml: string }[];
}

/**
 * The projector view of one module: a title slide, then one slide per case, activity and key points,
 * and two per knowledge check (the question to discuss, then its answer), in the module's order.
 */
export function buildSlidesView(model: CourseModel, competencyId: string, locale: string) {
  const ui = uiFor(model.ui, locale);
  const module = model.modules.find((m) => m.competencyId === competencyId);
  const version = module?.versions[locale];
  if (!version) throw new Error(`Internal error: no module ${competencyId} in ${locale}`);
  const total = version.checks.length;
  const slides: SlideView[] = [
    {
      number: 1,
      kind: "title",
      label: model.settings.title[locale] ?? "",
      heading: version.title,
      html: "",
      minutes: 0,
      options: [],
    },
  ];
  const blank = { html: "", minutes: 0, options: [] };
  for (const s of version.slides) {
    if (s.kind === "case") {
      const c = version.cases[s.index]!;
      slides.push({
        ...blank,
        number: s.number,
        kind: "case",
        label: [
          ui("module.case"),
          model.settings.caseSettings.find((cs) => cs.id === c.setting)?.label[locale] ?? "",
        ]
          .filter(Boolean)
          .join(ui("compose.separator")),
        heading: c.title,
        html: c.html,
      });
    } else if (s.kind === "activity") {
      const a = version.activities[s.index]!;
      slides.push({
        ...blank,
        number: s.number,
        kind: "activity",
        label: [
          ui("module.activity"),
          ui("module.minutes", { n: a.minutes }),
          a.grouping ? ui(`grouping.${a.grouping}`) : "",
        ]
          .filter(Boolean)
          .join(ui("compose.separator")),
        heading: a.title,
        html: a.html,
        minutes: a.minutes,
      });
    } else if (s.kind === "check") {
      const c = version.checks[s.index]!;
      const title = ui("check.title", { n: s.index + 1, total });
      slides.push({
        ...blank,
        number: s.number,
        kind: "question",
        label: title,
        heading: ui("slides.discuss"),
        html: c.questionHtml,
        options: c.options.map((o, i) => ({ value: i + 1, html: o.html, feedbackHtml: "" })),
      });
      slides.push({
        ...blank,
        number: s.number + 1,
        kind: "answer",
        label: title,
        heading: ui("slides.answer"),
        options: c.options.flatMap((o, i) =>
          o.correct ? [{ value: i + 1, html: o.html, feedbackHtml: o.feedbackHtml }] : [],
        ),
      });
    } else {
      slides.push({
        ...blank,
        number: s.number,
        kind: "keypoints",
        label: ui("module.keypoints"),
        heading: ui("slides.keypoints"),
        html: s.html,
      });
    }
  }
  return {
    id: competencyId,
    title: version.title,
    heading: ui("slides.heading", { title: version.title }),
    duration: ui("module.minutes", { n: version.duration }),
    slides: slides.map((s) => ({
      ...s,
      counter: ui("slides.slideLabel", { n: s.number, total: slides.length }),
      isQuestion: s.kind === "question",
      isAnswer: s.kind === "answer",
      isTitle: s.kind === "title",
    })),
  };
}

export type SlidesView = ReturnType<typeof buildSlidesView>;
