import type { CourseModel } from "../course/model.ts";
import { uiFor } from "../framework/ui-strings.ts";

/** One projected slide, resolved to text and learner HTML for one locale. Never a facilitator note. */
export interface SlideView {
  number: number;
  /** The first slide of the block this slide shows part of: an activity's timer runs on across its slides. */
  group: number;
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
 * The projector view of one module: a title slide, then one slide per case, activity and key points
 * (more for a long one, split where the text allows), and two per knowledge check (the question to
 * discuss, then its answer), in the module's order.
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
      group: 1,
      kind: "title",
      label: model.settings.title[locale] ?? "",
      heading: version.title,
      html: "",
      minutes: 0,
      options: [],
    },
  ];
  /** The label, heading and timer a case, activity or key points block's slides share. */
  const blockFace = (kind: "case" | "activity" | "keypoints", index: number) => {
    if (kind === "case") {
      const c = version.cases[index]!;
      const setting = model.settings.caseSettings.find((cs) => cs.id === c.setting);
      return {
        label: [ui("module.case"), setting?.label[locale] ?? ""]
          .filter(Boolean)
          .join(ui("compose.separator")),
        heading: c.title,
        minutes: 0,
      };
    }
    if (kind === "activity") {
      const a = version.activities[index]!;
      return {
        label: [
          ui("module.activity"),
          ui("module.minutes", { n: a.minutes }),
          a.grouping ? ui(`grouping.${a.grouping}`) : "",
        ]
          .filter(Boolean)
          .join(ui("compose.separator")),
        heading: a.title,
        minutes: a.minutes,
      };
    }
    return { label: ui("module.keypoints"), heading: ui("slides.keypoints"), minutes: 0 };
  };
  const blank = { html: "", minutes: 0, options: [] };
  for (const s of version.slides) {
    if (s.kind === "check") {
      const c = version.checks[s.index]!;
      const title = ui("check.title", { n: s.index + 1, total });
      slides.push({
        ...blank,
        number: s.number,
        group: s.number,
        kind: "question",
        label: title,
        heading: ui("slides.discuss"),
        html: c.questionHtml,
        options: c.options.map((o, i) => ({ value: i + 1, html: o.html, feedbackHtml: "" })),
      });
      slides.push({
        ...blank,
        number: s.number + 1,
        group: s.number,
        kind: "answer",
        label: title,
        heading: ui("slides.answer"),
        options: c.options.flatMap((o, i) =>
          o.correct ? [{ value: i + 1, html: o.html, feedbackHtml: o.feedbackHtml }] : [],
        ),
      });
      continue;
    }
    const face = blockFace(s.kind, s.index);
    s.parts.forEach(({ heading, html }, part) =>
      slides.push({
        ...blank,
        ...face,
        number: s.number + part,
        group: s.number,
        kind: s.kind,
        heading,
        html,
      }),
    );
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
