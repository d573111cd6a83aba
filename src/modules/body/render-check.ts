import type { Check } from "../types.ts";
import { uiHtml, type BodyAnalysis } from "./body-analysis.ts";

/**
 * A knowledge check: on the module page a form the browser script enhances (every option with its
 * feedback); in the guide the question and its options only, the answers being in the answer key.
 */
export function renderCheck(a: BodyAnalysis, check: Check, view: "learner" | "guide"): string {
  const { ctx } = a;
  const label = (key: string) => uiHtml(ctx, key);
  const many = check.options.filter((o) => o.correct).length > 1;
  if (view === "guide") {
    // On paper: the question and its options; the answers are in the guide's answer key.
    const heading = ctx.md.utils.escapeHtml(
      (ctx.ui["check.title"] ?? "")
        .replace("{n}", check.id.slice(6))
        .replace("{total}", String(a.checkNodes.length)),
    );
    return (
      `<section class="block block--check keep-together" aria-labelledby="${check.id}-title">\n<h3 class="block__kind" id="${check.id}-title">${heading}</h3>\n` +
      `${check.questionHtml}<ol class="check__static" type="A">${check.options.map((o) => `<li>${o.html}</li>`).join("")}</ol>\n</section>\n`
    );
  }
  const type = many ? "checkbox" : "radio";
  const n = check.id.slice("check-".length);
  const total = a.checkNodes.length;
  const options = check.options
    .map((o, i) => {
      const verdict = o.correct ? label("check.correct") : label("check.incorrect");
      // Kept lean (module pages are read on phones): the input inside its label, and only the
      // right answers marked.
      return (
        `<li class="check__option"${o.correct ? ' data-correct="true"' : ""}><label><input type="${type}" name="${check.id}" value="${i}"> ${o.html}</label>\n` +
        `<details class="check__feedback"><summary>${label("check.showFeedback")}</summary><p class="verdict verdict--${o.correct ? "right" : "wrong"}">${verdict}</p>${o.feedbackHtml}</details></li>\n`
      );
    })
    .join("");
  const hint = many ? `<p class="check__hint">${label("check.chooseMany")}</p>` : "";
  const heading = ctx.md.utils.escapeHtml(
    (ctx.ui["check.title"] ?? "").replace("{n}", n).replace("{total}", String(total)),
  );
  return (
    `<section class="block block--check" id="${check.id}" aria-labelledby="${check.id}-title" data-check data-view="${view}">\n` +
    `<h3 class="block__kind" id="${check.id}-title">${heading}</h3>\n<div class="check__question" id="${check.id}-q">${check.questionHtml}</div>${hint}\n` +
    `<fieldset class="check__options"><legend>${label("check.options")}</legend><ul>\n${options}</ul></fieldset>\n` +
    `<div class="check__result" data-result aria-live="polite" tabindex="-1"></div>\n` +
    `<div class="check__actions" data-enhance hidden><button type="button" data-action="check">${label("check.submit")}</button> <button type="button" data-action="retry" hidden>${label("check.retry")}</button></div>\n</section>\n`
  );
}
