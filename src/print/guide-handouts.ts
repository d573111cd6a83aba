import type { CourseModel } from "../course/model.ts";
import type { ModuleVersion } from "../modules/types.ts";
import type { UiText } from "../framework/ui-strings.ts";

/** A knowledge check as a handout prints it: the question and its options, nothing that answers it. */
interface HandoutCheck {
  number: string;
  questionHtml: string;
  options: string[];
}

/** The guide's handouts, ready to photocopy: each case, then each activity with the checks it sets. */
export function guideHandouts(
  model: CourseModel,
  version: ModuleVersion,
  locale: string,
  ui: UiText,
) {
  return [
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
}

/** The answer key: every check with each option's letter, verdict and feedback. */
export function guideAnswerKey(version: ModuleVersion, ui: UiText) {
  return version.checks.map((c, i) => ({
    number: ui("check.title", { n: i + 1, total: version.checks.length }),
    questionHtml: c.questionHtml,
    options: c.options.map((o, j) => ({
      letter: String.fromCharCode(65 + j),
      html: o.html,
      verdict: o.correct ? ui("check.correct") : ui("check.incorrect"),
      correct: o.correct,
      feedbackHtml: o.feedbackHtml,
    })),
  }));
}
