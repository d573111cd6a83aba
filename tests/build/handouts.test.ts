import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { uiFor } from "../../src/framework/ui-strings.ts";
import { buildInTemp } from "../helpers/build.ts";
import { REPO_DIR } from "../helpers/paths.ts";

/** Text as a reader sees it: tags dropped, entities read, white space collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) =>
      e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : "'",
    )
    .replace(/\s+/g, " ")
    .trim();
}

const handoutsOf = (page: string) =>
  [...page.matchAll(/<section class="handout[^"]*"[^>]*>([\s\S]*?)<\/section>/g)].map((m) => m[1]!);

/**
 * Words that send the reader further down the page. On a handout, what they point at must be on the
 * handout: a list, a quotation, a table or a question, after the paragraph that says it.
 */
const POINTS_DOWN = /\bbelow\b|ci-dessous|suivant(e|es|s)? :|下面|下列|下方|如下|以下/;
const MATERIAL = /<(ul|ol|blockquote|table|div class="handout__check)[\s>]/;
/** …or the paragraph itself goes on to quote it: `reply to the comment below: "…"`. */
const QUOTES_IT = /(below|下面|下列|下方|如下|以下)[^。.]*[:：]\s*["“]/;

/** Paragraphs of a handout that point down the page with nothing of the kind after them. */
function danglingPointers(handout: string): string[] {
  const body = handout.replace(/^[\s\S]*?<\/h2>/, "");
  return [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .filter((m) => POINTS_DOWN.test(textOf(m[1]!)))
    .filter((m) => !QUOTES_IT.test(textOf(m[1]!)))
    .filter((m) => !MATERIAL.test(body.slice(m.index! + m[0].length)))
    .map((m) => textOf(m[1]!));
}

describe.each([
  ["the default course", REPO_DIR],
  ["the example course", join(REPO_DIR, "examples", "breaking-bad-news")],
])("handouts in every printed guide of %s", (_name, courseDir) => {
  let out: string;
  let model: CourseModel;
  beforeAll(async () => {
    ({ out, model } = await buildInTemp(courseDir));
  });

  const guides = () =>
    model.locales.flatMap((locale) => model.modules.map((m) => ({ locale, module: m })));
  const guidePage = (locale: string, id: string) =>
    readFile(join(out, locale, "facilitators", id, "index.html"), "utf8");

  it("print every knowledge check, question and options, on the handout of the activity that sets it", async () => {
    let checked = 0;
    for (const { locale, module } of guides()) {
      const version = module.versions[locale]!;
      const handouts = handoutsOf(await guidePage(locale, module.competencyId)).map(textOf);
      for (const check of version.checks) {
        const where = `${locale} ${module.competencyId} ${check.id}`;
        const holding = handouts.filter((h) => h.includes(textOf(check.questionHtml)));
        expect(holding, where).toHaveLength(1);
        for (const option of check.options)
          expect(holding[0], where).toContain(textOf(option.html));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("keep answers and feedback off the handouts, in the facilitator's answer key", async () => {
    for (const { locale, module } of guides()) {
      const ui = uiFor(model.ui, locale);
      const page = await guidePage(locale, module.competencyId);
      const handouts = handoutsOf(page).join("\n");
      const where = `${locale} ${module.competencyId}`;
      expect(handouts, where).not.toMatch(/verdict|answer__feedback|data-correct|check__feedback/);
      expect(textOf(handouts), where).not.toContain(ui("check.correct"));
      const answerKey = page.slice(page.indexOf(`id="${module.competencyId}-answers"`));
      for (const check of module.versions[locale]!.checks)
        for (const option of check.options) {
          const feedback = textOf(option.feedbackHtml);
          expect(textOf(handouts), where).not.toContain(feedback);
          expect(textOf(answerKey), where).toContain(feedback);
        }
    }
  });

  it("promise nothing they do not hold: what a handout says is below is on it", async () => {
    const dangling = [];
    for (const { locale, module } of guides())
      for (const handout of handoutsOf(await guidePage(locale, module.competencyId)))
        for (const text of danglingPointers(handout))
          dangling.push(`${locale} ${module.competencyId}: ${text}`);
    expect(dangling).toEqual([]);
  });
});
