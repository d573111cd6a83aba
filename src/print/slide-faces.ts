import type { CourseModel } from "../course/model.ts";
import type { ModuleVersion, Slide } from "../modules/types.ts";
import type { UiText } from "../framework/ui-strings.ts";

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

const blank = { html: "", minutes: 0, options: [] };

/** A knowledge check's two slides: the question to discuss, then its right answers with feedback. */
export function checkSlides(
  version: ModuleVersion,
  s: Extract<Slide, { kind: "check" }>,
  ui: UiText,
): SlideView[] {
  const c = version.checks[s.index]!;
  const title = ui("check.title", { n: s.index + 1, total: version.checks.length });
  return [
    {
      ...blank,
      number: s.number,
      group: s.number,
      kind: "question",
      label: title,
      heading: ui("slides.discuss"),
      html: c.questionHtml,
      options: c.options.map((o, i) => ({ value: i + 1, html: o.html, feedbackHtml: "" })),
    },
    {
      ...blank,
      number: s.number + 1,
      group: s.number,
      kind: "answer",
      label: title,
      heading: ui("slides.answer"),
      options: c.options.flatMap((o, i) =>
        o.correct ? [{ value: i + 1, html: o.html, feedbackHtml: o.feedbackHtml }] : [],
      ),
    },
  ];
}

/** A case, activity or key points block's slides, one per part, sharing its label and timer. */
export function blockSlides(
  model: CourseModel,
  version: ModuleVersion,
  locale: string,
  s: Exclude<Slide, { kind: "check" }>,
  ui: UiText,
): SlideView[] {
  const face = blockFace(model, version, locale, s.kind, s.index, ui);
  return s.parts.map(({ heading, html }, part) => ({
    ...blank,
    ...face,
    number: s.number + part,
    group: s.number,
    kind: s.kind,
    heading,
    html,
  }));
}

/** The label, heading and timer a case, activity or key points block's slides share. */
function blockFace(
  model: CourseModel,
  version: ModuleVersion,
  locale: string,
  kind: "case" | "activity" | "keypoints",
  index: number,
  ui: UiText,
) {
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
}
