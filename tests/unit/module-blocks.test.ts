import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/errors.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { FindingCollector } from "../../src/framework/load.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { loadUiStrings, type UiStrings } from "../../src/framework/ui-strings.ts";
import { analyseBody, type BodyContext } from "../../src/modules/body/analyse-body.ts";
import { parseBlockInfo } from "../../src/modules/block-tree.ts";
import { createModuleMarkdown } from "../../src/modules/markdown.ts";
import type { ModuleVersion } from "../../src/modules/types.ts";
import { fixture } from "../helpers/paths.ts";

/** Markdown from lines, so each test shows its body line by line (line 1 is the first element). */
const lines = (...ls: string[]) => ls.join("\n") + "\n";

const md = createModuleMarkdown();
let ui: UiStrings;

beforeAll(async () => {
  const found = new FindingCollector();
  ui = await loadUiStrings(["en", "zh-CN"], found);
  expect(found.findings).toEqual([]);
});

function analyse(markdown: string, overrides: Partial<BodyContext> = {}) {
  const ctx: BodyContext = {
    md,
    file: "modules/test/en.md",
    lineOffset: 0,
    locale: "en",
    ui: ui.en!,
    categoryTitles: new Map([
      ["source-appraisal", "Source appraisal"],
      ["misinformation-detection", "Misinformation detection"],
    ]),
    referenceNumbers: new Map([
      ["who2021", 1],
      ["debunking2020", 2],
    ]),
    objectives: [
      { level: "evaluate", text: "Judge a health claim." },
      { level: "create", text: "Compose a post that names its sources." },
    ],
    caseSettings: new Map([
      ["douyin", "Douyin"],
      ["weibo", "Weibo"],
      ["zhihu", "Zhihu"],
      ["xiaohongshu", "Xiaohongshu"],
    ]),
    findings: [],
    ...overrides,
  };
  const body = analyseBody(markdown, ctx);
  return { ...body, findings: ctx.findings as Finding[] };
}

const MATERIALS = new Map(
  [
    { id: "printed-case", name: "Printed case", quantity: 1, per: "group" as const },
    { id: "pens", name: "pens" },
    { id: "sticky-notes", name: "sticky notes" },
  ].map((m) => [m.id, m]),
);

describe("parseBlockInfo", () => {
  it("reads the block type, bare, double- and single-quoted attributes, and what is left over", () => {
    expect(
      parseBlockInfo(
        ` activity minutes=15 grouping=pairs materials="Printed case; pens" note='a b' stray`,
      ),
    ).toEqual({
      type: "activity",
      attrs: { minutes: "15", grouping: "pairs", materials: "Printed case; pens", note: "a b" },
      leftover: "stray",
    });
    expect(parseBlockInfo("")).toEqual({ type: "", attrs: {}, leftover: "" });
  });
});

describe("analyseBody: activities", () => {
  it("extracts title, minutes, grouping and the materials named by id", () => {
    const body = analyse(
      lines(
        '::: activity minutes=15 grouping=pairs materials=" printed-case  pens sticky-notes pens"',
        "### Rate the video",
        "",
        "With a partner, rate the video.",
        ":::",
        "",
        "::: activity minutes=10",
        "### Share",
        "",
        "Report back.",
        ":::",
      ),
      { materials: MATERIALS },
    );
    expect(body.findings).toEqual([]);
    expect(body.activities).toHaveLength(2);
    expect(body.activities[0]).toMatchObject({
      title: "Rate the video",
      minutes: 15,
      grouping: "pairs",
      materials: ["Printed case", "pens", "sticky notes"],
      materialIds: ["printed-case", "pens", "sticky-notes"],
      facilitatorHtml: [],
    });
    expect(body.activities[0]!.html).toContain("<p>With a partner, rate the video.</p>");
    expect(body.activities[1]).toMatchObject({
      title: "Share",
      minutes: 10,
      grouping: undefined,
      materials: [],
    });
    expect(body.signature.map((s) => [s.type, s.line, s.detail])).toEqual([
      ["activity", 1, "15 min, pairs, materials printed-case pens sticky-notes"],
      ["activity", 7, "10 min, no grouping"],
    ]);
  });

  it("renders the minutes, grouping label and materials on the page", () => {
    const body = analyse(
      lines(
        '::: activity minutes=15 grouping=small-groups materials="printed-case pens"',
        "### Rate it",
        ":::",
      ),
      { materials: MATERIALS },
    );
    expect(body.learnerHtml).toContain(
      '<section class="block block--activity" aria-labelledby="rate-it">',
    );
    expect(body.learnerHtml).toContain("Activity · 15 min · Small groups");
    expect(body.learnerHtml).toContain("<strong>Materials:</strong> Printed case, pens");
  });

  it("joins the block labels with the locale's separator and fills plural minutes", () => {
    const own = {
      ...ui.en!,
      "compose.separator": " | ",
      "module.minutes": "{n, plural, one {# minute} other {# minutes}}",
    };
    const body = analyse(
      lines(
        '## Part {serves="source-appraisal misinformation-detection"}',
        "",
        "::: case setting=weibo",
        "### A post",
        ":::",
        "",
        "::: activity minutes=1 grouping=pairs",
        "### Rate it",
        ":::",
      ),
      { ui: own },
    );
    expect(body.learnerHtml).toContain("Serves: Source appraisal | Misinformation detection");
    expect(body.learnerHtml).toContain("Case | Weibo");
    expect(body.learnerHtml).toContain("Activity | 1 minute | Pairs");
  });

  it("records a wrong `minutes` as 0, so it never counts towards the duration", () => {
    const body = analyse(
      lines(
        "::: activity minutes=ten",
        "### T",
        ":::",
        "",
        "::: activity minutes=-5",
        "### U",
        ":::",
      ),
    );
    expect(body.activities.map((a) => a.minutes)).toEqual([0, 0]);
    expect(body.findings.map((f) => [f.line, f.message])).toEqual([
      [1, "`minutes=ten` is not a whole number of minutes"],
      [5, "`minutes=-5` is not a whole number of minutes"],
    ]);
  });

  it("reports an activity without a title", () => {
    const body = analyse(lines("::: activity minutes=5", "Just text.", ":::"));
    expect(body.findings).toEqual([
      expect.objectContaining({ line: 1, message: "This activity has no title" }),
    ]);
  });

  it("reports text after the block name that is not key=value", () => {
    const body = analyse(lines("::: activity minutes=5 for pairs", "### T", ":::"));
    expect(body.findings).toEqual([
      expect.objectContaining({
        line: 1,
        message: "Cannot read `for pairs` after `::: activity`",
        hint: expect.stringMatching(/key=value/),
      }),
    ]);
  });
});

describe("analyseBody: knowledge checks", () => {
  const check = lines(
    "::: check",
    "Which post is **safest** to share?",
    "",
    "- [ ] The one with the most likes.",
    "  > Popularity is not evidence.",
    "- [x] The one that cites a *current* guideline.",
    "  > Yes: you can check the source [@who2021].",
    "- [ ] The one from a verified account.",
    "  > A badge says who is speaking, not that they are right.",
    ":::",
  );

  it("extracts the question, the options, which are correct, and each option's feedback", () => {
    const body = analyse(check);
    expect(body.findings).toEqual([]);
    expect(body.checks).toHaveLength(1);
    const [c] = body.checks;
    expect(c!.id).toBe("check-1");
    expect(c!.questionHtml).toBe("<p>Which post is <strong>safest</strong> to share?</p>\n");
    expect(c!.options.map((o) => o.correct)).toEqual([false, true, false]);
    expect(c!.options.map((o) => o.html)).toEqual([
      "The one with the most likes.",
      "The one that cites a <em>current</em> guideline.",
      "The one from a verified account.",
    ]);
    expect(c!.options[0]!.feedbackHtml).toBe("<p>Popularity is not evidence.</p>\n");
    expect(c!.options[1]!.feedbackHtml).toContain('<a href="#ref-who2021">1</a>');
    expect(body.signature).toEqual([{ type: "check", line: 1, detail: "3 options, correct 2" }]);
  });

  it("renders a single-answer check as radio buttons with feedback under each option", () => {
    const html = analyse(check).learnerHtml;
    expect(html).toContain('id="check-1"');
    expect(html).toContain("Question 1 of 1");
    expect(html.match(/type="radio"/g)).toHaveLength(3);
    expect(html).not.toContain('type="checkbox"');
    expect(html).toContain('data-correct="true"');
    expect(html.match(/class="check__feedback"/g)).toHaveLength(3);
    // The `[x]` / `[ ]` marks are not shown as text.
    expect(html).not.toMatch(/\[x\]|\[ \]/);
  });

  it("accepts `correct=2` with two marked options and renders checkboxes", () => {
    const body = analyse(
      lines(
        "::: check correct=2",
        "Which two are warning signs?",
        "",
        "- [x] Absolute promises.",
        "  > Yes.",
        "- [X] A study without a citation.",
        "  > Yes.",
        "- [ ] A named author.",
        "  > No.",
        ":::",
      ),
    );
    expect(body.findings).toEqual([]);
    expect(body.checks[0]!.options.map((o) => o.correct)).toEqual([true, true, false]);
    expect(body.learnerHtml.match(/type="checkbox"/g)).toHaveLength(3);
    expect(body.learnerHtml).toContain("Choose every answer that applies.");
  });

  it("numbers several checks in order", () => {
    const one = lines("::: check", "Q?", "", "- [x] a", "  > yes", "- [ ] b", "  > no", ":::");
    const body = analyse(one + "\n" + one);
    expect(body.checks.map((c) => c.id)).toEqual(["check-1", "check-2"]);
    expect(body.learnerHtml).toContain("Question 2 of 2");
  });

  it("reports an option without a `[x]` or `[ ]` mark at the option's line", () => {
    const body = analyse(
      lines("::: check", "Q?", "", "- [x] a", "  > yes", "- b", "  > no", ":::"),
    );
    expect(body.findings).toContainEqual(
      expect.objectContaining({
        line: 6,
        message: "A knowledge-check option does not start with `[x]` or `[ ]`",
      }),
    );
  });

  it("reports a check with fewer than two options", () => {
    const body = analyse(lines("::: check", "Q?", "", "- [x] a", "  > yes", ":::"));
    expect(body.findings).toEqual([
      expect.objectContaining({
        line: 1,
        message: "This knowledge check has fewer than two options",
      }),
    ]);
  });
});

describe("analyseBody: cases", () => {
  it("extracts the title, setting and text, and labels the setting from the course's list", () => {
    const body = analyse(
      lines(
        "::: case setting=xiaohongshu",
        "### A post about sunscreen",
        "",
        "A post says sunscreen is toxic.",
        ":::",
      ),
    );
    expect(body.findings).toEqual([]);
    expect(body.cases).toEqual([
      {
        title: "A post about sunscreen",
        setting: "xiaohongshu",
        html: '<h3 id="a-post-about-sunscreen">A post about sunscreen</h3>\n<p>A post says sunscreen is toxic.</p>\n',
      },
    ]);
    expect(body.learnerHtml).toContain("Case · Xiaohongshu");
    expect(body.signature).toEqual([{ type: "case", line: 1, detail: "xiaohongshu" }]);
  });

  it("uses the label the course gives the setting in the page's locale", () => {
    const body = analyse(lines("::: case setting=weibo", "### 案例", ":::"), {
      locale: "zh-CN",
      ui: ui["zh-CN"]!,
      caseSettings: new Map([["weibo", "微博"]]),
    });
    expect(body.learnerHtml).toContain(`${ui["zh-CN"]!["module.case"]} · 微博`);
  });

  it("takes cases without a setting in a course that lists no case settings", () => {
    const body = analyse(lines("::: case", "### On the ward", ":::"), { caseSettings: new Map() });
    expect(body.findings).toEqual([]);
    expect(body.cases.map((c) => c.setting)).toEqual([""]);
    expect(body.learnerHtml).toContain('<p class="block__kind">Case</p>');
  });

  it("reports a setting in a course that lists no case settings, with what to add", () => {
    const body = analyse(lines("::: case setting=ward", "### On the ward", ":::"), {
      caseSettings: new Map(),
    });
    expect(body.findings.map((f) => f.message)).toEqual([
      "`setting=ward` is not a case setting of this course",
    ]);
    expect(body.findings[0]!.hint).toMatch(/caseSettings/);
  });
});

describe("analyseBody: facilitator notes", () => {
  const body = lines(
    "Intro for learners.",
    "",
    ":::: activity minutes=15 grouping=pairs",
    "### Rate the video",
    "",
    "Learner instructions.",
    "",
    "::: facilitator",
    "SECRET-IN-ACTIVITY: walk round and listen.",
    ":::",
    "",
    "More learner text.",
    "::::",
    "",
    "::: facilitator",
    "SECRET-AT-END: collect one example per pair.",
    ":::",
  );

  it("collects every note, in order, nested ones included", () => {
    const out = analyse(body);
    expect(out.findings).toEqual([]);
    expect(out.facilitatorNotes).toEqual([
      "<p>SECRET-IN-ACTIVITY: walk round and listen.</p>\n",
      "<p>SECRET-AT-END: collect one example per pair.</p>\n",
    ]);
    expect(out.signature.filter((s) => s.type === "facilitator")).toEqual([
      { type: "facilitator", line: 8, detail: "in activity" },
      { type: "facilitator", line: 15, detail: "" },
    ]);
  });

  it("leaves every note out of the learner page", () => {
    const { learnerHtml } = analyse(body);
    expect(learnerHtml).not.toContain("SECRET");
    expect(learnerHtml).not.toContain("facilitator-note");
    expect(learnerHtml).not.toContain(ui.en!["module.facilitatorNote"]!);
    expect(learnerHtml).toContain("Learner instructions.");
    expect(learnerHtml).toContain("More learner text.");
  });

  it("shows every note in place in the guide", () => {
    const { guideHtml } = analyse(body);
    expect(guideHtml.match(/<aside class="facilitator-note">/g)).toHaveLength(2);
    expect(guideHtml).toContain("SECRET-IN-ACTIVITY");
    expect(guideHtml).toContain("SECRET-AT-END");
    // The nested note stays inside its activity, between the learner text around it.
    const activity = /<section class="block block--activity"[\s\S]*?<\/section>/.exec(
      guideHtml,
    )![0];
    expect(activity.indexOf("Learner instructions.")).toBeLessThan(
      activity.indexOf("SECRET-IN-ACTIVITY"),
    );
    expect(activity.indexOf("SECRET-IN-ACTIVITY")).toBeLessThan(
      activity.indexOf("More learner text."),
    );
  });

  it("gives a nested note to its activity's facilitatorHtml, not to the activity's learner html", () => {
    const { activities } = analyse(body);
    expect(activities[0]!.facilitatorHtml).toEqual([
      "<p>SECRET-IN-ACTIVITY: walk round and listen.</p>\n",
    ]);
    expect(activities[0]!.html).not.toContain("SECRET");
    expect(activities[0]!.html).toContain("More learner text.");
  });

  it("keeps a note nested in a case out of the learner page too", () => {
    const out = analyse(
      lines(
        ":::: case setting=zhihu",
        "### Q",
        "",
        "Case text.",
        "",
        "::: facilitator",
        "SECRET-IN-CASE",
        ":::",
        "::::",
      ),
    );
    expect(out.learnerHtml).not.toContain("SECRET");
    expect(out.cases[0]!.html).not.toContain("SECRET");
    expect(out.guideHtml).toContain("SECRET-IN-CASE");
  });
});

describe("analyseBody: projector slides", () => {
  const sentence =
    "A nurse posts a short video from the ward at night, and a colleague shares it with a caption that names the bed.";
  const narrative = [1, 2, 3].map((n) => `Paragraph ${n}. ${sentence} ${sentence}`);
  // Two questions: short enough that, without the preference for a lead-in, the most even split
  // would be after the second paragraph.
  const questions = [1, 2].map(
    (n) => `${n}. Question ${n}: what would you change, and who would you ask first?`,
  );
  const longCase = (extra: string[] = []) =>
    lines(
      ":::: case setting=weibo",
      "### A night-shift video",
      "",
      ...narrative.flatMap((p) => [p, ""]),
      "**Questions to consider**",
      "",
      ...questions,
      ...extra,
      "::::",
    );

  it("gives a short case one slide, with its text and without its title in the body", () => {
    const out = analyse(
      lines("::: case setting=weibo", "### A post", "", "One line of case.", ":::"),
    );
    expect(out.slides).toHaveLength(1);
    const [slide] = out.slides;
    expect(slide).toMatchObject({ kind: "case", number: 2, count: 1 });
    expect(slide!.kind === "case" && slide!.parts).toEqual([
      { heading: "A post", html: "<p>One line of case.</p>\n" },
    ]);
  });

  it("splits a long case before its bold lead-in, keeping the questions together", () => {
    const out = analyse(longCase());
    expect(out.findings).toEqual([]);
    const slide = out.slides[0]!;
    expect(slide.kind).toBe("case");
    if (slide.kind !== "case") return;
    expect(slide.count).toBe(2);
    const [first, second] = slide.parts.map((p) => p.html);
    expect(slide.parts.map((p) => p.heading)).toEqual([
      "A night-shift video",
      "A night-shift video (continued)",
    ]);
    for (const n of [1, 2, 3]) expect(first).toContain(`Paragraph ${n}.`);
    expect(first).not.toContain("Questions to consider");
    expect(second).toMatch(/^<p><strong>Questions to consider<\/strong><\/p>/);
    for (const n of [1, 2]) expect(second).toContain(`Question ${n}:`);
    // Nothing is lost or shown twice.
    const all = slide.parts.map((p) => p.html).join("");
    for (const n of [1, 2, 3]) expect(all.split(`Paragraph ${n}.`)).toHaveLength(2);
  });

  it("numbers the slides after a split block on, and names the right slide beside a note", () => {
    const out = analyse(
      longCase(["", "::: facilitator", "SECRET: take answers to question 2 last.", ":::"]) +
        lines(
          "",
          "::: check",
          "Which?",
          "",
          "- [x] This",
          "  > Yes.",
          "- [ ] That",
          "  > No.",
          ":::",
        ) +
        lines("", "::: keypoints", "- One point.", ":::"),
    );
    expect(out.findings).toEqual([]);
    expect(out.slides.map((s) => [s.kind, s.number, s.count])).toEqual([
      ["case", 2, 2],
      ["check", 4, 2],
      ["keypoints", 6, 1],
    ]);
    // The note follows the questions, so it goes with slide 3, the case's second slide.
    expect(out.guideHtml).toMatch(/class="slide-ref">slide 3</);
    const parts = out.slides
      .flatMap((s) => (s.kind === "check" ? [] : s.parts.map((p) => p.html)))
      .join("");
    expect(parts).not.toContain("SECRET");
  });

  it("continues a long numbered list on the next slide at the right number, never one item alone", () => {
    const steps = Array.from(
      { length: 14 },
      (_, i) =>
        `${i + 1}. Step ${i + 1}: read the post aloud and note one change the author could make.`,
    );
    const out = analyse(lines("::: activity minutes=10", "### Steps", "", ...steps, ":::"));
    const slide = out.slides[0]!;
    if (slide.kind !== "activity") throw new Error("expected an activity");
    expect(slide.count).toBeGreaterThan(1);
    const items = slide.parts.map((p) => (p.html.match(/<li>/g) ?? []).length);
    expect(items.reduce((a, b) => a + b)).toBe(14);
    expect(Math.min(...items)).toBeGreaterThan(1);
    expect(slide.parts[0]!.html).toMatch(/^<ol>/);
    expect(slide.parts[1]!.html).toMatch(new RegExp(`^<ol start="${items[0]! + 1}">`));
  });

  it("splits long Chinese text by its wider characters and taller lines", () => {
    const zh = "护士在夜班时拍摄了病区的短视频，同事转发时在文案里写出了床号和患者的姓氏。";
    const body = lines(
      "::: case setting=weibo",
      "### 夜班短视频",
      "",
      ...[1, 2, 3, 4, 5].flatMap((n) => [`第${n}段。${zh.repeat(3)}`, ""]),
      ":::",
    );
    const out = analyse(body, {
      locale: "zh-CN",
      ui: ui["zh-CN"]!,
      caseSettings: new Map([["weibo", "微博"]]),
    });
    const slide = out.slides[0]!;
    expect(slide.count).toBeGreaterThan(1);
    // English paragraphs of as many characters fit on one slide.
    const en = analyse(
      lines(
        "::: case setting=weibo",
        "### Night shift",
        "",
        ...[1, 2, 3, 4, 5].flatMap(() => [sentence, ""]),
        ":::",
      ),
    );
    expect(en.slides[0]!.count).toBe(1);
  });

  it("gives one paragraph too long for any slide a slide of its own, and no empty slide", () => {
    const out = analyse(
      lines(
        "::: case setting=weibo",
        "### Long",
        "",
        "Short opening.",
        "",
        sentence.repeat(12),
        "",
        "Short close.",
        ":::",
      ),
    );
    const slide = out.slides[0]!;
    if (slide.kind !== "case") throw new Error("expected a case");
    expect(slide.parts.every((p) => p.html.trim().length > 0)).toBe(true);
    expect(slide.parts.filter((p) => p.html.includes(sentence.repeat(2)))).toHaveLength(1);
  });
});

describe("analyseBody: objectives and key points", () => {
  it("lists the objectives first when there is no objectives block", () => {
    const { learnerHtml, signature } = analyse(lines("Intro."));
    expect(learnerHtml.indexOf("Judge a health claim.")).toBeLessThan(
      learnerHtml.indexOf("Intro."),
    );
    expect(learnerHtml).toContain('<span class="bloom">Evaluate</span>');
    expect(signature).toEqual([]);
  });

  it("lists them where the objectives block stands, once", () => {
    const { learnerHtml, guideHtml, signature } = analyse(
      lines("Intro.", "", "::: objectives", ":::", "", "After."),
    );
    expect(learnerHtml.indexOf("Intro.")).toBeLessThan(
      learnerHtml.indexOf("Judge a health claim."),
    );
    expect(learnerHtml.indexOf("Judge a health claim.")).toBeLessThan(
      learnerHtml.indexOf("After."),
    );
    expect(learnerHtml.match(/block--objectives/g)).toHaveLength(1);
    // The guide lists them once, in its overview, not again in the content.
    expect(guideHtml.match(/block--objectives/g)).toBeNull();
    expect(signature).toEqual([{ type: "objectives", line: 3, detail: "" }]);
  });

  it("renders key points in a labelled section", () => {
    const { learnerHtml } = analyse(lines("::: keypoints", "- Check who is speaking.", ":::"));
    expect(learnerHtml).toContain(
      '<section class="block block--keypoints" aria-label="Key points">',
    );
    expect(learnerHtml).toContain("<li>Check who is speaking.</li>");
  });
});

describe("analyseBody: serves, citations and raw HTML", () => {
  it("renders `{serves}` as the categories' names under the heading", () => {
    const { learnerHtml, findings } = analyse(
      lines(
        '## Checking the source {serves="source-appraisal misinformation-detection"}',
        "",
        "Text.",
      ),
    );
    expect(findings).toEqual([]);
    expect(learnerHtml).toContain('<h2 id="checking-the-source">Checking the source</h2>\n');
    expect(learnerHtml).toContain(
      '<p class="serves">Serves: Source appraisal · Misinformation detection</p>',
    );
    expect(learnerHtml).not.toContain("serves=");
  });

  it("renders `{serves}` in the locale's language", () => {
    const { learnerHtml } = analyse(lines('## 核查来源 {serves="source-appraisal"}'), {
      locale: "zh-CN",
      ui: ui["zh-CN"]!,
      categoryTitles: new Map([["source-appraisal", "信息来源评估"]]),
    });
    expect(learnerHtml).toContain("信息来源评估");
    expect(learnerHtml).toContain(ui["zh-CN"]!["module.serves"]!);
  });

  it("reports an unknown category and leaves it out of the names", () => {
    const { learnerHtml, findings } = analyse(
      lines("Intro.", "", '## Checking {serves="source-appraisal sauce"}'),
      {
        lineOffset: 10,
      },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        line: 13,
        message: "`sauce` is not a category of this competency",
      }),
    ]);
    expect(learnerHtml).toContain('<p class="serves">Serves: Source appraisal</p>');
  });

  it("renders `[@key]` as a numbered link to the reference, and `[@a; @b]` as two", () => {
    const { learnerHtml, findings } = analyse(
      lines("One [@debunking2020], two [@who2021; @debunking2020]."),
    );
    expect(findings).toEqual([]);
    expect(learnerHtml).toContain(
      'One <sup class="cite">[<a href="#ref-debunking2020">2</a>]</sup>, two',
    );
    expect(learnerHtml).toContain(
      '<sup class="cite">[<a href="#ref-who2021">1</a>, <a href="#ref-debunking2020">2</a>]</sup>.',
    );
  });

  it("leaves ordinary links and brackets alone", () => {
    const { learnerHtml } = analyse(
      lines("[a link](https://example.org) and [plain] and email@example.org"),
    );
    expect(learnerHtml).toContain('<a href="https://example.org">a link</a>');
    expect(learnerHtml).toContain("[plain]");
    expect(learnerHtml).not.toContain("cite");
  });

  it("reports a citation of an unknown key, with a suggestion", () => {
    const { findings } = analyse(lines("Text [@who2012]."), { lineOffset: 4 });
    expect(findings).toEqual([
      expect.objectContaining({
        line: 5,
        message: "The citation `[@who2012]` names no reference of this module",
        hint: "Did you mean `@who2021`?",
      }),
    ]);
  });

  it("escapes raw HTML instead of passing it through (html: false)", () => {
    const { learnerHtml, guideHtml } = analyse(
      lines(
        "<script>alert(1)</script>",
        "",
        'Inline <b onclick="x()">bold</b> text.',
        "",
        '::: activity minutes=5 materials="danger pens"',
        "### <em>Title</em>",
        ":::",
        "",
        "::: check",
        "<i>Q</i>?",
        "",
        "- [x] <u>a</u>",
        "  > <b>yes</b>",
        "- [ ] b",
        "  > no",
        ":::",
      ),
      {
        materials: new Map([
          ["danger", { id: "danger", name: "<img src=x onerror=alert(1)>" }],
          ["pens", { id: "pens", name: "pens" }],
        ]),
      },
    );
    for (const html of [learnerHtml, guideHtml]) {
      expect(html).not.toMatch(/<(script|b|img|em|i|u)[\s>]/);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;");
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;, pens");
      expect(html).toContain("&lt;u&gt;a&lt;/u&gt;");
    }
  });
});

describe("analyseBody: line numbers", () => {
  it("counts lines from the top of the file, front matter included", () => {
    const { findings, signature } = analyse(
      lines(
        "Intro.",
        "",
        "::: case setting=douyn",
        "### T",
        ":::",
        "",
        "::: activity",
        "### U",
        ":::",
      ),
      { lineOffset: 19 },
    );
    expect(findings.map((f) => [f.line, f.column, f.file])).toEqual([
      [22, 1, "modules/test/en.md"],
      [26, 1, "modules/test/en.md"],
    ]);
    expect(signature.map((s) => s.line)).toEqual([22, 26]);
  });
});

describe("the base fixture through loadCourse", () => {
  let model: CourseModel;
  let en: ModuleVersion;
  let zh: ModuleVersion;

  beforeAll(async () => {
    model = await loadCourse(fixture("module-base"), { strict: true });
    en = model.modules[0]!.versions.en!;
    zh = model.modules[0]!.versions["zh-CN"]!;
  });

  it("loads one module in both locales with no warnings", () => {
    expect(model.warnings).toEqual([]);
    expect(model.modules.map((m) => m.competencyId)).toEqual(["information-literacy"]);
    expect(Object.keys(model.modules[0]!.versions).sort()).toEqual(["en", "zh-CN"]);
    expect(en.file).toBe("modules/information-literacy/en.md");
    expect(en.duration).toBe(25);
    expect(en.objectives).toHaveLength(3);
  });

  it("extracts the same structure from both locales", () => {
    for (const v of [en, zh]) {
      expect(v.activities.map((a) => [a.minutes, a.grouping, a.materials.length])).toEqual([
        [15, "pairs", 2],
        [10, "whole-group", 0],
      ]);
      expect(v.cases.map((c) => c.setting)).toEqual(["douyin"]);
      expect(v.checks.map((c) => c.options.map((o) => o.correct))).toEqual([[false, true]]);
      expect(v.facilitatorNotes).toHaveLength(2);
      expect(v.activities[0]!.facilitatorHtml).toHaveLength(1);
    }
    expect(en.activities[0]!.materials).toEqual(["Printed case", "Pens"]);
    expect(zh.activities[0]!.materials).toEqual(["打印的案例", "笔"]);
  });

  it("reports block lines as lines of the file", () => {
    expect(en.signature.map((s) => [s.type, s.line])).toEqual([
      ["objectives", 24],
      ["case", 31],
      ["activity", 37],
      ["facilitator", 42],
      ["activity", 47],
      ["check", 53],
      ["keypoints", 62],
      ["facilitator", 67],
    ]);
  });

  it("keeps facilitator notes out of the learner page and in the guide, in every locale", () => {
    for (const [v, notes] of [
      [en, ["Walk round and listen", "Close by collecting"]],
      [zh, ["在各组之间走动倾听", "最后请每组举一个例子"]],
    ] as const) {
      for (const note of notes) {
        expect(v.learnerHtml).not.toContain(note);
        expect(v.guideHtml).toContain(note);
      }
    }
  });

  it("renders served categories and citations in each locale", () => {
    expect(en.learnerHtml).toContain("Serves: Source appraisal · Misinformation detection");
    expect(zh.learnerHtml).toContain("信息来源评估 · 识别虚假健康信息");
    expect(en.learnerHtml).toContain('<a href="#ref-who2021">1</a>');
    expect(en.checks[0]!.options[1]!.feedbackHtml).toContain('<a href="#ref-debunking2020">2</a>');
  });
});
