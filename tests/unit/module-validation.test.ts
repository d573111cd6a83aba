import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFinding, ValidationError, type Finding } from "../../src/errors.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { findingsOf } from "../helpers/courses.ts";
import { fixture, tempDir } from "../helpers/paths.ts";

const BASE = fixture("module-base");
const EN = "modules/information-literacy/en.md";
const ZH = "modules/information-literacy/zh-CN.md";
const FRAMEWORK = "framework/framework.yaml";

/** A change to a copy of the base fixture. `replace` must match exactly once, so no edit is silently lost. */
type Edit =
  | { file: string; replace: string | RegExp; with: string }
  | { file: string; remove: true }
  | { file: string; copyOf: string }
  | { file: string; write: string };

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

async function brokenCopy(edits: Edit[]): Promise<string> {
  const dir = await tempDir("module-validation-");
  made.push(dir);
  await cp(BASE, dir, { recursive: true });
  for (const edit of edits) {
    const path = join(dir, edit.file);
    if ("remove" in edit) await rm(path, { recursive: true });
    else if ("copyOf" in edit) {
      await mkdir(dirname(path), { recursive: true });
      await cp(join(dir, edit.copyOf), path);
    } else if ("write" in edit) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, edit.write);
    } else {
      const text = await readFile(path, "utf8");
      const count =
        typeof edit.replace === "string"
          ? text.split(edit.replace).length - 1
          : (text.match(new RegExp(edit.replace, "g")) ?? []).length;
      if (count !== 1)
        throw new Error(
          `Edit of ${edit.file}: ${String(edit.replace)} matches ${count} times, not once`,
        );
      await writeFile(path, text.replace(edit.replace, edit.with));
    }
  }
  return dir;
}

/** 1-based line of the first line of `file` (in `dir`) containing `text`. */
async function lineOf(dir: string, file: string, text: string): Promise<number> {
  const at = (await readFile(join(dir, file), "utf8"))
    .split("\n")
    .findIndex((l) => l.includes(text));
  if (at === -1) throw new Error(`${file} has no line containing ${text}`);
  return at + 1;
}

const report = (findings: Finding[]) => findings.map(formatFinding).join("\n");

interface Rule {
  rule: string;
  edits: Edit[];
  /** The file the finding names. */
  file: string;
  /** The exact line, or text on that line of `file` after the edits. */
  line: number | string;
  message: RegExp;
  hint: RegExp;
}

async function expectFinding(c: Rule): Promise<Finding> {
  const dir = await brokenCopy(c.edits);
  const findings = await findingsOf(dir);
  const match = findings.find((f) => f.file === c.file && c.message.test(f.message));
  expect(
    match,
    `no finding in ${c.file} matching ${c.message}; got:\n${report(findings)}`,
  ).toBeDefined();
  const line = typeof c.line === "number" ? c.line : await lineOf(dir, c.file, c.line);
  expect(match!.line, formatFinding(match!)).toBe(line);
  expect(match!.column).toBeGreaterThanOrEqual(1);
  expect(match!.hint).toMatch(c.hint);
  expect(match!.severity).toBe("error");
  return match!;
}

it("the base fixture is a valid course, strict", async () => {
  const model = await loadCourse(BASE, { strict: true });
  expect(model.warnings).toEqual([]);
  expect(model.modules).toHaveLength(1);
});

describe("block rules", () => {
  const rules: Rule[] = [
    {
      rule: "unknown block type, with did-you-mean",
      edits: [{ file: EN, replace: "::: activity minutes=10", with: "::: activty minutes=10" }],
      file: EN,
      line: "::: activty",
      message: /^Unknown block type `activty`$/,
      hint: /^Did you mean `activity`\? Blocks are: objectives, case, activity, check, keypoints, facilitator\.$/,
    },
    {
      rule: "unknown block type, nothing close",
      edits: [{ file: EN, replace: "::: keypoints", with: "::: summary" }],
      file: EN,
      line: "::: summary",
      message: /^Unknown block type `summary`$/,
      hint: /^Blocks are: objectives, case, activity, check, keypoints, facilitator\.$/,
    },
    {
      rule: "a block with no type",
      edits: [{ file: EN, replace: "::: keypoints", with: ":::" }],
      file: EN,
      line: 62,
      message: /^A `:::` block has no type$/,
      hint: /Blocks are: .*keypoints/,
    },
    {
      rule: "unknown attribute, with did-you-mean",
      edits: [{ file: EN, replace: "grouping=pairs", with: "groupng=pairs" }],
      file: EN,
      line: ":::: activity minutes=15 groupng=pairs",
      message: /^Unknown attribute `groupng` on a `activity` block$/,
      hint: /^Did you mean `grouping`\?$/,
    },
    {
      rule: "unknown attribute, nothing close",
      edits: [
        {
          file: EN,
          replace: "::: case setting=douyin",
          with: "::: case setting=douyin colour=red",
        },
      ],
      file: EN,
      line: "::: case setting=douyin colour=red",
      message: /^Unknown attribute `colour` on a `case` block$/,
      hint: /^Allowed: setting\.$/,
    },
    {
      rule: "attribute on a block that takes none",
      edits: [{ file: EN, replace: "::: keypoints", with: "::: keypoints title=Summary" }],
      file: EN,
      line: "::: keypoints title=Summary",
      message: /^Unknown attribute `title` on a `keypoints` block$/,
      hint: /takes no attributes/,
    },
    {
      rule: "activity without minutes",
      edits: [
        {
          file: EN,
          replace: ":::: activity minutes=15 grouping=pairs",
          with: ":::: activity grouping=pairs",
        },
      ],
      file: EN,
      line: ":::: activity grouping=pairs",
      message: /^This activity has no `minutes`$/,
      hint: /minutes=15/,
    },
    {
      rule: "minutes not a number",
      edits: [{ file: EN, replace: "minutes=10", with: "minutes=ten" }],
      file: EN,
      line: "::: activity minutes=ten",
      message: /^`minutes=ten` is not a whole number of minutes$/,
      hint: /whole number above zero, e\.g\. minutes=15/,
    },
    {
      rule: "minutes not a whole number",
      edits: [{ file: EN, replace: "minutes=10", with: "minutes=7.5" }],
      file: EN,
      line: "::: activity minutes=7.5",
      message: /`minutes=7\.5` is not a whole number/,
      hint: /whole number/,
    },
    {
      rule: "unknown grouping, with did-you-mean",
      edits: [{ file: EN, replace: "grouping=whole-group", with: "grouping=wholegroup" }],
      file: EN,
      line: "grouping=wholegroup",
      message: /^`grouping=wholegroup` is not a known grouping$/,
      hint: /^Did you mean `whole-group`\?$/,
    },
    {
      rule: "unknown grouping, nothing close",
      edits: [{ file: EN, replace: "grouping=pairs", with: "grouping=teams-of-five" }],
      file: EN,
      line: "grouping=teams-of-five",
      message: /^`grouping=teams-of-five` is not a known grouping$/,
      hint: /^Use one of: individual, pairs, small-groups, whole-group\.$/,
    },
    {
      rule: "case without setting",
      edits: [{ file: EN, replace: "::: case setting=douyin", with: "::: case" }],
      file: EN,
      line: "::: case",
      message: /^This case has no `setting`$/,
      hint: /::: case setting=douyin.*douyin, weibo, zhihu, xiaohongshu, wechat/,
    },
    {
      rule: "unknown setting, with did-you-mean",
      edits: [{ file: EN, replace: "setting=douyin", with: "setting=douyn" }],
      file: EN,
      line: "::: case setting=douyn",
      message: /^`setting=douyn` is not a case setting of this course$/,
      hint: /^Did you mean `douyin`\?/,
    },
    {
      rule: "unknown setting, nothing close",
      edits: [{ file: EN, replace: "setting=douyin", with: "setting=facebook" }],
      file: EN,
      line: "::: case setting=facebook",
      message: /^`setting=facebook` is not a case setting of this course$/,
      hint: /^Use one of the case settings in framework\/course.yaml: douyin, weibo, zhihu, xiaohongshu, wechat\.$/,
    },
    {
      rule: "check without options",
      edits: [
        {
          file: EN,
          replace: /- \[ \] The one with the most likes\.[\s\S]*?\[@debunking2020\]\.\n/,
          with: "",
        },
      ],
      file: EN,
      line: "::: check",
      message: /^This knowledge check has no options$/,
      hint: /- \[x\] right answer.*- \[ \] wrong answer.*`>`/,
    },
    {
      rule: "check without a correct answer",
      edits: [{ file: EN, replace: "- [x] The one that cites", with: "- [ ] The one that cites" }],
      file: EN,
      line: "::: check",
      message: /^This knowledge check has no correct answer$/,
      hint: /Mark the right option with `\[x\]`/,
    },
    {
      rule: "check option without feedback",
      edits: [{ file: EN, replace: "  > Popularity is not evidence.\n", with: "" }],
      file: EN,
      line: "- [ ] The one with the most likes.",
      message: /^Option 1 has no feedback$/,
      hint: /line starting with `>`/,
    },
    {
      rule: "`correct=2` with one marked",
      edits: [{ file: EN, replace: "::: check", with: "::: check correct=2" }],
      file: EN,
      line: "::: check correct=2",
      message: /marks 1 correct options? but expects 2/,
      hint: /Mark 2 options with `\[x\]`, or change `correct=`/,
    },
    {
      rule: "two marked without `correct=2`",
      edits: [
        {
          file: EN,
          replace: "- [ ] The one with the most likes.",
          with: "- [x] The one with the most likes.",
        },
      ],
      file: EN,
      line: "::: check",
      message: /marks 2 correct options but expects 1/,
      hint: /::: check correct=2/,
    },
    {
      rule: "serves a category that does not exist",
      edits: [{ file: EN, replace: 'serves="source-appraisal', with: 'serves="source-apraisal' }],
      file: EN,
      line: "## Checking the source",
      message: /^`source-apraisal` is not a category of this competency$/,
      hint: /^Did you mean `source-appraisal`\?$/,
    },
    {
      rule: "serves a category of nothing like it",
      edits: [{ file: ZH, replace: 'serves="source-appraisal', with: 'serves="empathy' }],
      file: ZH,
      line: "## 核查来源",
      message: /^`empathy` is not a category of this competency$/,
      hint: /^Categories: source-appraisal, misinformation-detection\.$/,
    },
    {
      rule: "citation with no reference, with did-you-mean",
      edits: [{ file: EN, replace: "[@who2021]", with: "[@who2012]" }],
      file: EN,
      line: "[@who2012]",
      message: /^The citation `\[@who2012\]` names no reference of this module$/,
      hint: /^Did you mean `@who2021`\?$/,
    },
    {
      rule: "citation with no reference, in an option's feedback",
      edits: [{ file: EN, replace: "[@debunking2020]", with: "[@smith1999]" }],
      file: EN,
      line: "[@smith1999]",
      message: /^The citation `\[@smith1999\]` names no reference of this module$/,
      hint: /Add it under `references:`/,
    },
  ];

  it.each(rules)("$rule", async (c) => {
    await expectFinding(c);
  });

  it("a citation with no reference is reported at its own line inside a longer paragraph", async () => {
    await expectFinding({
      rule: "citation on the second line of a paragraph",
      edits: [
        {
          file: EN,
          replace: "Health claims travel fast online, true or not [@who2021].",
          with: "Health claims travel fast online,\ntrue or not [@who2012].",
        },
      ],
      file: EN,
      line: "true or not [@who2012].",
      message: /names no reference/,
      hint: /Did you mean `@who2021`\?/,
    });
  });

  it("`correct=` that is not a number is reported as such, not as expecting NaN", async () => {
    const dir = await brokenCopy([
      { file: EN, replace: "::: check", with: "::: check correct=two" },
    ]);
    const findings = await findingsOf(dir);
    const line = await lineOf(dir, EN, "::: check correct=two");
    const mine = findings.filter((f) => f.file === EN && f.line === line);
    expect(mine.length, report(findings)).toBeGreaterThan(0);
    for (const f of mine) expect(`${f.message} ${f.hint}`).not.toMatch(/NaN/);
    expect(mine.some((f) => /`correct=two`/.test(f.message))).toBe(true);
  });
});

describe("front matter rules", () => {
  const rules: Rule[] = [
    {
      rule: "objectives missing",
      edits: [
        { file: EN, replace: /objectives:\n(?: {2}- level: \w+\n {4}text: .*\n)+/, with: "" },
      ],
      file: EN,
      line: 2,
      message: /^Required key `objectives` is missing$/,
      hint: /Add `objectives:` here\. Write a list/,
    },
    {
      rule: "objectives empty",
      edits: [
        {
          file: EN,
          replace: /objectives:\n(?: {2}- level: \w+\n {4}text: .*\n)+/,
          with: "objectives: []\n",
        },
      ],
      file: EN,
      line: "objectives: []",
      message: /is empty: a module needs at least one learning objective/,
      hint: /Add at least 1 item\./,
    },
    {
      rule: "bad Bloom level, with did-you-mean",
      edits: [{ file: EN, replace: "level: analyse", with: "level: analyze" }],
      file: EN,
      line: "level: analyze",
      message:
        /^`analyze` must be a level of Bloom's taxonomy: remember, understand, apply, analyse, evaluate, create$/,
      hint: /^Did you mean `analyse`\?$/,
    },
    {
      rule: "bad Bloom level, nothing close",
      edits: [{ file: ZH, replace: "level: create", with: "level: know" }],
      file: ZH,
      line: "level: know",
      message: /^`know` must be a level of Bloom's taxonomy/,
      hint: /remember, understand, apply, analyse, evaluate, create/,
    },
    {
      rule: "duration not the sum of the activities' minutes",
      edits: [{ file: EN, replace: "duration: 25", with: "duration: 30" }],
      file: EN,
      line: "duration: 30",
      message: /^The session lasts 30 minutes, but its activities add up to 25 \(15 \+ 10\)$/,
      hint: /^Change `duration` to 25, or the activities' minutes so they add up to 30\.$/,
    },
    {
      rule: "a reference's DOI with a space in it",
      edits: [
        {
          file: EN,
          replace: "  - key: who2021\n",
          with: '  - key: who2021\n    doi: "10.1177/2055 2076"\n',
        },
      ],
      file: EN,
      line: "doi:",
      message: /is not a DOI such as `10\.1177\/…`$/,
      hint: /./,
    },
    {
      rule: "competency in front matter differs from the folder",
      edits: [
        { file: ZH, replace: "competency: information-literacy", with: "competency: key-traits" },
      ],
      file: ZH,
      line: "competency: key-traits",
      message: /says it is for `key-traits`, but it sits in the folder of `information-literacy`/,
      hint: /Set `competency: information-literacy`, or move the file to modules\/key-traits\//,
    },
  ];

  it.each(rules)("$rule", async (c) => {
    await expectFinding(c);
  });

  it("a front matter whose closing `---` has trailing spaces loads", async () => {
    const dir = await brokenCopy([{ file: EN, replace: /\n---\n/, with: "\n---  \n" }]);
    const model = await loadCourse(dir);
    const version = model.modules.find((m) => m.competencyId === "information-literacy")?.versions[
      "en"
    ];
    expect(version?.title).toBeTruthy();
    // The front matter ended at that line: none of it became page text.
    expect(version?.learnerHtml).not.toMatch(/competency: |objectives:/);
  });

  it("an empty list of objectives is an error at the `objectives` key", async () => {
    await expectFinding({
      rule: "no objectives",
      edits: [
        {
          file: EN,
          replace: /objectives:\n(?: {2}- level: .*\n {4}text: .*\n)+/,
          with: "objectives: []\n",
        },
      ],
      file: EN,
      line: "objectives: []",
      message: /objectives is empty/,
      hint: /at least 1/,
    });
  });
});

describe("locale parity rules", () => {
  const structure = /^The structure differs from modules\/information-literacy\/en\.md: /;
  const rules: Rule[] = [
    {
      rule: "an activity removed in zh-CN",
      edits: [
        {
          file: ZH,
          replace: /::: activity minutes=10 grouping=whole-group\n[\s\S]*?\n:::\n\n/,
          with: "",
        },
        { file: ZH, replace: "duration: 25", with: "duration: 15" },
      ],
      file: ZH,
      line: "::: check",
      message: new RegExp(
        structure.source +
          /block 4 is check \(2 options, correct 2\) here but activity \(10 min, whole-group\) there \(line 47\)$/
            .source,
      ),
      hint: /same blocks in the same order in every locale \(6 structural blocks in modules\/information-literacy\/en\.md, 5 here\)/,
    },
    {
      rule: "a check's correct option changed in zh-CN",
      edits: [
        { file: ZH, replace: "- [ ] 点赞最多的那条。", with: "- [x] 点赞最多的那条。" },
        {
          file: ZH,
          replace: "- [x] 引用了你读过的现行指南的那条。",
          with: "- [ ] 引用了你读过的现行指南的那条。",
        },
      ],
      file: ZH,
      line: "::: check",
      message: new RegExp(
        structure.source +
          /block 5 is check \(2 options, correct 1\) here but check \(2 options, correct 2\) there \(line 53\)$/
            .source,
      ),
      hint: /same minutes, case settings and correct answers/,
    },
    {
      rule: "a case's setting changed in zh-CN",
      edits: [{ file: ZH, replace: "setting=douyin", with: "setting=weibo" }],
      file: ZH,
      line: "::: case setting=weibo",
      message: new RegExp(
        structure.source +
          /block 2 is case \(weibo\) here but case \(douyin\) there \(line 31\)$/.source,
      ),
      hint: /same minutes, case settings and correct answers/,
    },
    {
      rule: "an activity's minutes changed in zh-CN",
      edits: [
        { file: ZH, replace: "minutes=15", with: "minutes=20" },
        { file: ZH, replace: "duration: 25", with: "duration: 30" },
      ],
      file: ZH,
      line: ":::: activity minutes=20",
      message: new RegExp(
        structure.source +
          /block 3 is activity \(20 min, pairs, materials printed-case pens\) here but activity \(15 min, pairs, materials printed-case pens\) there/
            .source,
      ),
      hint: /same minutes/,
    },
    {
      rule: "a different duration in zh-CN",
      edits: [{ file: ZH, replace: "duration: 25", with: "duration: 26" }],
      file: ZH,
      line: "duration: 26",
      message: /^The duration is 26 minutes here but 25 in modules\/information-literacy\/en\.md$/,
      hint: /same duration/,
    },
  ];

  it.each(rules)("$rule", async (c) => {
    await expectFinding(c);
  });

  it("does not count facilitator notes as structure: a translation may add or drop them", async () => {
    const dir = await brokenCopy([
      { file: ZH, replace: /::: facilitator\n最后请每组举一个例子作为总结。\n:::\n/, with: "" },
    ]);
    const model = await loadCourse(dir, { strict: true });
    expect(model.modules[0]!.versions["zh-CN"]!.facilitatorNotes).toHaveLength(1);
  });
});

describe("folder and file rules", () => {
  it.each<Omit<Rule, "line"> & { line?: number }>([
    {
      rule: "a module for a competency that is not trainable",
      edits: [
        { file: "modules/key-traits/en.md", copyOf: EN },
        { file: "modules/key-traits/zh-CN.md", copyOf: ZH },
      ],
      file: "modules/key-traits/",
      message: /^`key-traits` has a module, but the competency is not trainable$/,
      hint: /^Set `trainable: true` for it in framework\/framework\.yaml \(line \d+\), or remove the folder modules\/key-traits\/\.$/,
    },
    {
      rule: "a folder that names no competency",
      edits: [{ file: "modules/informaton-literacy/en.md", copyOf: EN }],
      file: "modules/informaton-literacy/",
      message: /^The folder `informaton-literacy` does not name a competency of the framework$/,
      hint: /^Did you mean `information-literacy`\? Rename the folder\.$/,
    },
    {
      rule: "a folder that names nothing close",
      edits: [{ file: "modules/drafts/en.md", copyOf: EN }],
      file: "modules/drafts/",
      message: /^The folder `drafts` does not name a competency of the framework$/,
      hint: /named after trainable competencies: information-literacy\.$/,
    },
    {
      rule: "a trainable competency with no module in a locale",
      edits: [{ file: ZH, remove: true }],
      file: ZH,
      message: /^The trainable competency `information-literacy` has no module in `zh-CN`$/,
      hint: /^Create modules\/information-literacy\/zh-CN\.md \(run `npm run new-module -- information-literacy`.*\), or set `trainable: false`/,
    },
    {
      rule: "a module file for a locale the course does not have",
      edits: [{ file: "modules/information-literacy/zh-cn.md", copyOf: ZH }],
      file: "modules/information-literacy/zh-cn.md",
      message: /^`zh-cn` is not a locale of this course$/,
      hint: /^Did you mean `zh-CN\.md`\?$/,
    },
    {
      rule: "a module file for a locale nothing like the course's",
      edits: [{ file: "modules/information-literacy/fr-FR.md", copyOf: EN }],
      file: "modules/information-literacy/fr-FR.md",
      message: /^`fr-FR` is not a locale of this course$/,
      hint: /^Name module files after the course's locales: en\.md, zh-CN\.md\.$/,
    },
    {
      rule: "a module file without front matter",
      edits: [{ file: ZH, write: "# Just a heading\n\nNo front matter.\n" }],
      file: ZH,
      message: /^The module has no front matter$/,
      hint: /Start the file with a `---` line/,
    },
  ])("$rule", async (c) => {
    await expectFinding({ ...c, line: c.line ?? 1 });
  });

  it("a two-letter locale file (`fr.md`) is not taken for a typo of another two-letter one (`en.md`)", async () => {
    await expectFinding({
      rule: "fr.md",
      edits: [{ file: "modules/information-literacy/fr.md", copyOf: EN }],
      file: "modules/information-literacy/fr.md",
      line: 1,
      message: /^`fr` is not a locale of this course$/,
      hint: /^Name module files after the course's locales: en\.md, zh-CN\.md\.$/,
    });
  });

  it("names the line of `trainable: false` in the hint for a non-trainable competency's module", async () => {
    const finding = await expectFinding({
      rule: "non-trainable",
      edits: [{ file: "modules/key-traits/en.md", copyOf: EN }],
      file: "modules/key-traits/",
      line: 1,
      message: /is not trainable/,
      hint: /trainable: true/,
    });
    const line = await lineOf(BASE, FRAMEWORK, "trainable: false");
    expect(finding.hint).toContain(`(line ${line})`);
  });

  it("a course with no module for a trainable competency at all reports every locale", async () => {
    const dir = await brokenCopy([{ file: "modules/information-literacy", remove: true }]);
    const findings = await findingsOf(dir);
    expect(findings.filter((f) => /has no module in/.test(f.message)).map((f) => f.file)).toEqual([
      EN,
      ZH,
    ]);
  });
});

describe("placeholders", () => {
  const edits: Edit[] = [
    {
      file: EN,
      replace: "Each pair reports one finding to the group.",
      with: "TODO: say what each pair reports.",
    },
  ];

  it("a TODO is a warning normally: the course loads and the warning names file and line", async () => {
    const dir = await brokenCopy(edits);
    const model = await loadCourse(dir);
    const line = await lineOf(dir, EN, "TODO");
    expect(model.warnings).toEqual([
      expect.objectContaining({
        file: EN,
        line,
        severity: "warning",
        message: "Unfinished placeholder (TODO)",
        hint: expect.stringMatching(/Replace the TODO.*strict/),
      }),
    ]);
  });

  it("a TODO is an error with strict", async () => {
    const dir = await brokenCopy(edits);
    const findings = await findingsOf(dir, true);
    const line = await lineOf(dir, EN, "TODO");
    expect(findings).toEqual([
      expect.objectContaining({
        file: EN,
        line,
        severity: "error",
        message: "Unfinished placeholder (TODO)",
      }),
    ]);
  });

  it("a TODO in the front matter is found too, and a word merely containing it is not", async () => {
    const dir = await brokenCopy([
      { file: ZH, replace: "prerequisites: 无", with: "prerequisites: TODO" },
      {
        file: EN,
        replace: "Check who is speaking.",
        with: "Check who is speaking (TODOS are fine).",
      },
    ]);
    const model = await loadCourse(dir);
    expect(model.warnings.map((w) => [w.file, w.line])).toEqual([
      [ZH, await lineOf(dir, ZH, "prerequisites: TODO")],
    ]);
  });
});

describe("reporting", () => {
  it("reports all problems across two module files at once", async () => {
    const dir = await brokenCopy([
      { file: EN, replace: "setting=douyin", with: "setting=douyn" },
      { file: EN, replace: "level: analyse", with: "level: analyze" },
      {
        file: ZH,
        replace: "- [x] 引用了你读过的现行指南的那条。",
        with: "- [ ] 引用了你读过的现行指南的那条。",
      },
      { file: ZH, replace: "[@debunking2020]", with: "[@nope]" },
      {
        file: ZH,
        replace: ":::: activity minutes=15 grouping=pairs",
        with: ":::: activity grouping=pairs",
      },
    ]);
    let error: unknown;
    await loadCourse(dir, { strict: true }).catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(ValidationError);
    const findings = (error as ValidationError).findings;
    const got = findings.map((f) => `${f.file}:${f.line} ${f.message}`);
    expect(got).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^${EN}:${await lineOf(dir, EN, "level: analyze")} \`analyze\``),
        ),
        // en.md fails its front matter, so its body is not analysed; zh-CN.md is checked in full.
        expect.stringMatching(
          new RegExp(
            `^${ZH}:${await lineOf(dir, ZH, ":::: activity grouping=pairs")} This activity has no \`minutes\``,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${ZH}:${await lineOf(dir, ZH, "::: check")} This knowledge check has no correct answer`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`^${ZH}:${await lineOf(dir, ZH, "[@nope]")} The citation \`\\[@nope\\]\``),
        ),
      ]),
    );
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set([EN, ZH]));
    expect((error as ValidationError).message).toMatch(/has \d+ problems to fix/);
  });

  it("gives the same lines for a file with Windows (CRLF) line endings", async () => {
    const dir = await brokenCopy([{ file: EN, replace: "setting=douyin", with: "setting=douyn" }]);
    const path = join(dir, EN);
    await writeFile(path, (await readFile(path, "utf8")).replace(/\n/g, "\r\n"));
    const findings = await findingsOf(dir);
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: EN,
        line: await lineOf(dir, EN, "setting=douyn"),
        message: "`setting=douyn` is not a case setting of this course",
      }),
    );
  });

  it("reports body problems in both files when both front matters are valid", async () => {
    const dir = await brokenCopy([
      { file: EN, replace: "setting=douyin", with: "setting=douyn" },
      { file: EN, replace: "minutes=10", with: "minutes=ten" },
      { file: ZH, replace: "::: keypoints", with: "::: keypoint" },
    ]);
    const findings = await findingsOf(dir);
    const got = findings.map((f) => [f.file, f.line, f.message]);
    expect(got).toEqual(
      expect.arrayContaining([
        [
          EN,
          await lineOf(dir, EN, "setting=douyn"),
          "`setting=douyn` is not a case setting of this course",
        ],
        [
          EN,
          await lineOf(dir, EN, "minutes=ten"),
          "`minutes=ten` is not a whole number of minutes",
        ],
        [ZH, await lineOf(dir, ZH, "::: keypoint"), "Unknown block type `keypoint`"],
      ]),
    );
  });
});

describe("materials rules", () => {
  const rules: Rule[] = [
    {
      rule: "an activity names a material id that is not listed, with did-you-mean",
      edits: [
        {
          file: EN,
          replace: 'materials="printed-case pens"',
          with: 'materials="printed-cases pens"',
        },
      ],
      file: EN,
      line: 'materials="printed-cases pens"',
      message: /^`printed-cases` is not a material of this module$/,
      hint: /^Did you mean `printed-case`\?$/,
    },
    {
      rule: "the old free-text materials",
      edits: [
        { file: ZH, replace: 'materials="printed-case pens"', with: 'materials="打印的案例; 笔"' },
      ],
      file: ZH,
      line: 'materials="打印的案例; 笔"',
      message: /is free text; activities name materials by id$/,
      hint: /materials="case-card pens"/,
    },
    {
      rule: "a material id listed twice",
      edits: [
        {
          file: EN,
          replace: "  - { id: pens, name: Pens }",
          with: "  - { id: printed-case, name: Pens }",
        },
      ],
      file: EN,
      line: "  - { id: printed-case, name: Pens }",
      message: /^Duplicate material id `printed-case`$/,
      hint: /List each material once/,
    },
    {
      rule: "a material's `per` differs between locales",
      edits: [{ file: ZH, replace: "quantity: 1, per: group", with: "quantity: 1, per: learner" }],
      file: ZH,
      line: "materials:",
      message:
        /^The materials differ from modules\/information-literacy\/en\.md: printed-case 1 learner; pens - - here, printed-case 1 group; pens - - there/,
      hint: /only `name` is translated/,
    },
    {
      rule: "an activity uses other materials in zh-CN",
      edits: [
        { file: ZH, replace: 'materials="printed-case pens"', with: 'materials="printed-case"' },
      ],
      file: ZH,
      line: 'materials="printed-case"',
      message:
        /block 3 is activity \(15 min, pairs, materials printed-case\) here but activity \(15 min, pairs, materials printed-case pens\) there/,
      hint: /same blocks in the same order/,
    },
  ];

  it.each(rules)("$rule", async (c) => {
    await expectFinding(c);
  });

  it("a listed material that no activity uses is reported at its line (a warning; an error with strict)", async () => {
    const dir = await brokenCopy([
      {
        file: EN,
        replace: "  - { id: pens, name: Pens }",
        with: "  - { id: pens, name: Pens }\n  - { id: timer, name: Timer }",
      },
      {
        file: ZH,
        replace: "  - { id: pens, name: 笔 }",
        with: "  - { id: pens, name: 笔 }\n  - { id: timer, name: 计时器 }",
      },
    ]);
    const findings = await findingsOf(dir);
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: EN,
        line: await lineOf(dir, EN, "id: timer"),
        message: "The material `timer` is listed but no activity uses it",
      }),
    );
  });
});
