import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import type { Finding } from "../../src/errors.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import {
  copyCourse,
  describeFindings,
  editFile,
  findingsOf,
  lineOf,
  replaceOnce,
} from "../helpers/courses.ts";
import { fixture, tempDir } from "../helpers/paths.ts";

const MINIMAL = fixture("minimal");
const COURSE = "framework/course.yaml";
const FRAMEWORK = "framework/framework.yaml";
const MODULE_EN = "modules/digital-skills/en.md";
const MODULE_ZH = "modules/digital-skills/zh-CN.md";

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Edit {
  file: string;
  /** Changes the file's text; with neither `edit` nor `content`, the file is deleted. */
  edit?: (text: string) => string;
  /** Creates the file (and its folder) with this text. */
  content?: string;
}

/** A copy of the minimal course with `edits` applied; returns its folder and the edited texts. */
async function brokenCourse(edits: Edit[]) {
  const dir = await copyCourse(MINIMAL);
  made.push(dir);
  const texts: Record<string, string> = {};
  for (const { file, edit, content } of edits) {
    if (edit) texts[file] = await editFile(dir, file, edit);
    else if (content !== undefined) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), content);
      texts[file] = content;
    } else await rm(join(dir, file));
  }
  const textOf = async (file: string) => texts[file] ?? readFile(join(dir, file), "utf8");
  return { dir, textOf };
}

const MINIMAL_FRAMEWORK = await readFile(join(MINIMAL, FRAMEWORK), "utf8");
const MINIMAL_MODULE = await readFile(join(MINIMAL, MODULE_EN), "utf8");

/** A regular expression that matches `text` literally. */
const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

const replace = (file: string, from: string, to: string): Edit => ({
  file,
  edit: replaceOnce(from, to),
});

/** Six more layers, to make eight: one more than the onion diagram can draw. */
const SIX_MORE_LAYERS = [3, 4, 5, 6, 7, 8]
  .map((n) =>
    [
      `  - id: layer-${n}`,
      `    title: { en: Layer ${n}, zh-CN: 第${n}层 }`,
      `    summary: { en: An extra layer., zh-CN: 额外的一层。 }`,
      `    treatment: discuss`,
      `    provenance: course`,
      `    competencies:`,
      `      - id: competency-${n}`,
      `        title: { en: Competency ${n}, zh-CN: 能力${n} }`,
      `        summary: { en: An extra competency., zh-CN: 额外的能力。 }`,
      `        provenance: course`,
      `        trainable: false`,
    ].join("\n"),
  )
  .join("\n");

/** Where a finding should point: the only line containing the text, or its nth occurrence. */
type At = string | { text: string; nth: number } | number;

function resolveLine(text: string, at: At): number {
  if (typeof at === "number") return at;
  if (typeof at === "string") return lineOf(text, at);
  const hits = text.split("\n").flatMap((line, i) => (line.includes(at.text) ? [i + 1] : []));
  if (hits.length < at.nth) throw new Error(`Test setup: fewer than ${at.nth} × ${at.text}`);
  return hits[at.nth - 1]!;
}

interface Case {
  name: string;
  edits: Edit[];
  file: string;
  at: At;
  message: RegExp;
  /** The hint must match this; a function gets the broken file's text, for line references. */
  hint: RegExp | ((text: string) => RegExp);
  /** The hint must not match this (e.g. no "Did you mean" when nothing is close). */
  hintNot?: RegExp;
  dataPath?: string;
}

const CASES: Case[] = [
  {
    name: "YAML syntax error: unquoted `: ` in a value (course.yaml)",
    edits: [replace(COURSE, "  name: CC BY 4.0", "  name: CC BY: 4.0")],
    file: COURSE,
    at: "name: CC BY: 4.0",
    message: /^YAML syntax: /,
    hint: /quote/i,
  },
  {
    name: "YAML syntax error: unquoted `: ` inside { en: …, zh-CN: … } (framework.yaml)",
    edits: [
      replace(
        FRAMEWORK,
        "title: { en: Motivation, zh-CN: 动机层 }",
        "title: { en: Motivation: why, zh-CN: 动机层 }",
      ),
    ],
    file: FRAMEWORK,
    at: "Motivation: why",
    message: /^YAML syntax: /,
    hint: /`: ` .*quoted/,
  },
  {
    name: "YAML syntax error: a tab used for indentation",
    edits: [replace(COURSE, "  name: CC BY 4.0", "\tname: CC BY 4.0")],
    file: COURSE,
    at: "\tname: CC BY 4.0",
    message: /^YAML syntax: Tabs/,
    hint: /spaces, not tabs/,
  },
  {
    name: "YAML syntax error at the end of the file: an unclosed [ on the last line",
    edits: [{ file: COURSE, edit: (text) => `${text.trimEnd()}\n  - [digital-skills\n` }],
    file: COURSE,
    // On the last line, where the editor shows the mistake, not on the empty line after it.
    at: "  - [digital-skills",
    message: /^YAML syntax: /,
    hint: /./,
  },
  {
    name: "unknown key with a near miss: titel",
    edits: [replace(COURSE, "\ntitle: {", "\ntitel: {")],
    file: COURSE,
    at: "titel:",
    message: /^Unknown key `titel`$/,
    hint: /^Did you mean `title`\?/,
    dataPath: "titel",
  },
  {
    name: "unknown key with a near miss, nested: sumary in a competency",
    edits: [
      replace(
        FRAMEWORK,
        "        summary: { en: Posting safely",
        "        sumary: { en: Posting safely",
      ),
    ],
    file: FRAMEWORK,
    at: "sumary:",
    message: /^Unknown key `sumary`$/,
    hint: /^Did you mean `summary`\?/,
    dataPath: "layers[1].competencies[0].sumary",
  },
  {
    name: "unknown key with no near miss: colour",
    edits: [
      replace(
        FRAMEWORK,
        "        provenance: course\n        trainable: false\n",
        "        provenance: course\n        trainable: false\n        colour: red\n",
      ),
    ],
    file: FRAMEWORK,
    at: "colour: red",
    message: /^Unknown key `colour`$/,
    hint: /Known keys here: id, title, summary, provenance, trainable, categories, levels\./,
    hintNot: /Did you mean/,
    dataPath: "layers[0].competencies[0].colour",
  },
  {
    name: "missing required field: a competency without summary",
    edits: [
      replace(
        FRAMEWORK,
        "        summary: { en: The inner drivers., zh-CN: 内在驱动因素。 }\n",
        "",
      ),
    ],
    file: FRAMEWORK,
    at: "- id: intrinsic-motivation",
    message: /^Required key `summary` is missing$/,
    hint: /Add `summary:`/,
    dataPath: "layers[0].competencies[0]",
  },
  {
    name: "wrong type: trainable: yes",
    edits: [replace(FRAMEWORK, "        trainable: true", "        trainable: yes")],
    file: FRAMEWORK,
    at: "trainable: yes",
    message: /expected boolean/,
    hint: /`true` or `false`/,
    dataPath: "layers[1].competencies[0].trainable",
  },
  {
    name: 'wrong type: trainable: "yes"',
    edits: [replace(FRAMEWORK, "        trainable: true", '        trainable: "yes"')],
    file: FRAMEWORK,
    at: 'trainable: "yes"',
    message: /expected boolean/,
    hint: /`true` or `false`/,
    dataPath: "layers[1].competencies[0].trainable",
  },
  {
    name: "wrong type: a year in words",
    edits: [replace(COURSE, "year: 2025", "year: twenty twenty-five")],
    file: COURSE,
    at: "year: twenty",
    message: /expected number/,
    hint: /number/,
    dataPath: "source.year",
  },
  {
    name: "bad id format: Digital Skills",
    edits: [replace(FRAMEWORK, "      - id: information-literacy", "      - id: Digital Skills")],
    file: FRAMEWORK,
    at: "id: Digital Skills",
    message: /^`Digital Skills` is not a valid id$/,
    hint: /lowercase letters and digits joined by single hyphens/,
    dataPath: "layers[1].competencies[1].id",
  },
  {
    name: "duplicate id: two competencies",
    edits: [replace(FRAMEWORK, "      - id: information-literacy", "      - id: digital-skills")],
    file: FRAMEWORK,
    at: { text: "- id: digital-skills", nth: 2 },
    message: /^Duplicate id `digital-skills`/,
    hint: (text) =>
      new RegExp(
        `already used at layers\\[1\\]\\.competencies\\[0\\]\\.id \\(line ${resolveLine(text, { text: "- id: digital-skills", nth: 1 })}\\)`,
      ),
    dataPath: "layers[1].competencies[1].id",
  },
  {
    name: "duplicate id: a category reusing a competency id",
    edits: [
      replace(FRAMEWORK, "          - id: patient-privacy", "          - id: intrinsic-motivation"),
    ],
    file: FRAMEWORK,
    at: { text: "- id: intrinsic-motivation", nth: 2 },
    message: /^Duplicate id `intrinsic-motivation`/,
    hint: (text) =>
      new RegExp(
        `already used at layers\\[0\\]\\.competencies\\[0\\]\\.id \\(line ${resolveLine(text, { text: "- id: intrinsic-motivation", nth: 1 })}\\)`,
      ),
    dataPath: "layers[1].competencies[0].categories[0].id",
  },
  {
    name: "unknown reference: a `levels:` key that is not a scale level",
    edits: [
      replace(
        FRAMEWORK,
        "          aware: { en: Knows that consent",
        "          awear: { en: Knows that consent",
      ),
    ],
    file: FRAMEWORK,
    at: "awear:",
    message: /^`awear` is not a level of the proficiency scale$/,
    hint: /^Did you mean `aware`\?/,
    dataPath: "layers[1].competencies[0].levels.awear",
  },
  {
    name: "unknown reference: scale target, nothing close",
    edits: [replace(FRAMEWORK, "  target: proficient", "  target: expert")],
    file: FRAMEWORK,
    at: "target: expert",
    message: /^`expert` is not a level of the proficiency scale$/,
    hint: /aware, proficient/,
    hintNot: /Did you mean/,
    dataPath: "scale.target",
  },
  {
    name: "unknown reference: scale target, near miss",
    edits: [replace(FRAMEWORK, "  target: proficient", "  target: proficent")],
    file: FRAMEWORK,
    at: "target: proficent",
    message: /^`proficent` is not a level of the proficiency scale$/,
    hint: /^Did you mean `proficient`\?/,
    dataPath: "scale.target",
  },
  {
    name: "a text cut short by a comma inside { en: …, zh-CN: … }",
    edits: [
      replace(
        FRAMEWORK,
        "title: { en: Motivation, zh-CN: 动机层 }",
        "title: { en: Motivation, drive, zh-CN: 动机层 }",
      ),
    ],
    file: FRAMEWORK,
    at: "Motivation, drive",
    message: /^The text before `drive` seems to be cut at a comma$/,
    hint: /a comma separates languages: put text that contains a comma in double quotes/,
    dataPath: "layers[0].title.drive",
  },
  {
    name: "a DOI with a space in it",
    edits: [replace(COURSE, "doi: 10.1234/example.5678", 'doi: "10.1234/example 5678"')],
    file: COURSE,
    at: "doi:",
    message: /^source\.doi is not a DOI such as `10\.1177\/2055…`$/,
    hint: /./,
    dataPath: "source.doi",
  },
  {
    name: "unknown reference: programme names an unknown competency",
    edits: [replace(COURSE, "  - digital-skills", "  - digital-skill")],
    file: COURSE,
    at: "- digital-skill",
    message: /^`digital-skill` is not a trainable competency/,
    hint: /^Did you mean `digital-skills`\?/,
    dataPath: "programme[0]",
  },
  {
    name: "unknown reference: programme names a competency that is not trainable",
    edits: [replace(COURSE, "  - digital-skills", "  - information-literacy")],
    file: COURSE,
    at: "- information-literacy",
    message: /^`information-literacy` is not a trainable competency/,
    hint: /List only trainable competencies: digital-skills\./,
    dataPath: "programme[0]",
  },
  {
    name: "a string missing in a configured locale (zh-CN)",
    edits: [
      replace(
        FRAMEWORK,
        "title: { en: Digital skills, zh-CN: 数字技能 }",
        "title: { en: Digital skills }",
      ),
    ],
    file: FRAMEWORK,
    at: "title: { en: Digital skills }",
    message: /^The text in locale `zh-CN` is missing$/,
    hint: /`zh-CN: …`/,
    dataPath: "layers[1].competencies[0].title",
  },
  {
    name: "an unknown locale key: zh-cn",
    edits: [replace(FRAMEWORK, "zh-CN: 数字技能 }", "zh-cn: 数字技能 }")],
    file: FRAMEWORK,
    at: "zh-cn: 数字技能",
    message: /^`zh-cn` is not one of this course's locales$/,
    hint: /^Did you mean `zh-CN`\?/,
    dataPath: "layers[1].competencies[0].title.zh-cn",
  },
  {
    name: "an empty layer: competencies: []",
    edits: [
      replace(
        FRAMEWORK,
        "    competencies:\n      - id: intrinsic-motivation\n        title: { en: Intrinsic motivation, zh-CN: 内在动机 }\n        summary: { en: The inner drivers., zh-CN: 内在驱动因素。 }\n        provenance: course\n        trainable: false\n",
        "    competencies: []\n",
      ),
    ],
    file: FRAMEWORK,
    at: "competencies: []",
    message: /is empty: a layer needs at least one competency/,
    hint: /Add at least 1 item\./,
    dataPath: "layers[0].competencies",
  },
  {
    name: "more than 7 layers: the onion cannot draw them",
    edits: [{ file: FRAMEWORK, edit: (text) => `${text.trimEnd()}\n${SIX_MORE_LAYERS}\n` }],
    file: FRAMEWORK,
    // The list of layers starts with its first item.
    at: "  - id: motivation",
    message: /more than 7 layers/,
    hint: /at most 7/,
    dataPath: "layers",
  },
  {
    name: "a layer colour that is not #rrggbb",
    edits: [
      replace(FRAMEWORK, "    treatment: reflect\n", "    treatment: reflect\n    colour: blue\n"),
    ],
    file: FRAMEWORK,
    at: "colour: blue",
    message: /^layers\[0\]\.colour must be a colour written as `#` and six hex digits/,
    hint: /Correct the value/,
    dataPath: "layers[0].colour",
  },
  {
    name: "a layer colour too light to read on white",
    edits: [
      replace(
        FRAMEWORK,
        "    treatment: reflect\n",
        '    treatment: reflect\n    colour: "#f5c518"\n',
      ),
    ],
    file: FRAMEWORK,
    at: 'colour: "#f5c518"',
    message: /^layers\[0\]\.colour is too light: .* at least 4\.5:1$/,
    hint: /darker shade/,
    dataPath: "layers[0].colour",
  },
  {
    name: "defaultLocale not in locales (near miss)",
    edits: [replace(COURSE, "defaultLocale: en", "defaultLocale: zh-cn")],
    file: COURSE,
    at: "defaultLocale: zh-cn",
    message: /^The default locale `zh-cn` is not in `locales`$/,
    hint: /^Did you mean `zh-CN`\?/,
    dataPath: "defaultLocale",
  },
  {
    name: "defaultLocale not in locales (nothing close)",
    edits: [replace(COURSE, "defaultLocale: en", "defaultLocale: fr")],
    file: COURSE,
    at: "defaultLocale: fr",
    message: /^The default locale `fr` is not in `locales`$/,
    hint: /Use one of: en, zh-CN\./,
    hintNot: /Did you mean/,
    dataPath: "defaultLocale",
  },
  {
    name: "a locale listed twice",
    edits: [replace(COURSE, "  - zh-CN\n", "  - zh-CN\n  - zh-CN\n")],
    file: COURSE,
    at: { text: "  - zh-CN", nth: 2 },
    message: /^Locale `zh-CN` is listed twice$/,
    hint: /Remove the second/,
    dataPath: "locales[2]",
  },
  {
    name: "a missing framework file",
    edits: [{ file: FRAMEWORK }],
    file: FRAMEWORK,
    at: 1,
    message: /^The file framework\/framework\.yaml is missing$/,
    hint: /^Create framework\/framework\.yaml/,
    dataPath: "",
  },
  {
    name: "a missing course file",
    edits: [{ file: COURSE }],
    file: COURSE,
    at: 1,
    message: /^The file framework\/course\.yaml is missing$/,
    hint: /^Create framework\/course\.yaml/,
    dataPath: "",
  },
  {
    name: "a trainable competency without its zh-CN module",
    edits: [{ file: MODULE_ZH }],
    file: MODULE_ZH,
    at: 1,
    message: /has no module in `zh-CN`/,
    hint: /npm run new-module -- digital-skills/,
  },
  {
    name: "a module folder that names no competency",
    edits: [{ file: "modules/digital-skils/en.md", content: MINIMAL_MODULE }],
    file: "modules/digital-skils/",
    at: 1,
    message: /^The folder `digital-skils` does not name a competency of the framework$/,
    hint: /^Did you mean `digital-skills`\?/,
  },
  {
    name: "a module for a competency that is not trainable",
    edits: [{ file: "modules/information-literacy/en.md", content: MINIMAL_MODULE }],
    file: "modules/information-literacy/",
    at: 1,
    message: /^`information-literacy` has a module, but the competency is not trainable$/,
    hint: literal(
      `Set \`trainable: true\` for it in framework/framework.yaml (line ${resolveLine(MINIMAL_FRAMEWORK, { text: "trainable: false", nth: 2 })})`,
    ),
  },
  {
    name: "a module file named after a locale the course does not have",
    edits: [{ file: "modules/digital-skills/zh-cn.md", content: MINIMAL_MODULE }],
    file: "modules/digital-skills/zh-cn.md",
    at: 1,
    message: /^`zh-cn` is not a locale of this course$/,
    hint: /^Did you mean `zh-CN\.md`\?/,
  },
  {
    name: "module: duration does not equal the activities' minutes",
    edits: [
      replace(MODULE_EN, "duration: 20", "duration: 25"),
      replace(MODULE_ZH, "duration: 20", "duration: 25"),
    ],
    file: MODULE_EN,
    at: "duration: 25",
    message: /^The session lasts 25 minutes, but its activities add up to 20/,
    hint: /Change `duration` to 20/,
    dataPath: "duration",
  },
  {
    name: "module: a misspelt Bloom level in the front matter",
    edits: [replace(MODULE_EN, "  - level: apply", "  - level: aply")],
    file: MODULE_EN,
    at: "level: aply",
    message: /^`aply` must be a level of Bloom's taxonomy/,
    hint: /^Did you mean `apply`\?/,
    dataPath: "objectives[0].level",
  },
  {
    name: "module: a check option without feedback",
    edits: [replace(MODULE_EN, "  > Yes: no patient can be identified.\n", "")],
    file: MODULE_EN,
    at: "- [x] A photo of an empty ward",
    message: /^Option 2 has no feedback$/,
    hint: /`>`/,
  },
  {
    name: "module: a citation of an unknown reference",
    edits: [replace(MODULE_EN, "[@pipl2021]", "[@pipl2012]")],
    file: MODULE_EN,
    at: "[@pipl2012]",
    message: /^The citation `\[@pipl2012\]` names no reference/,
    hint: /^Did you mean `@pipl2021`\?/,
  },
  {
    name: "module: a heading serving an unknown category",
    edits: [replace(MODULE_EN, 'serves="patient-privacy"', 'serves="patient-privacey"')],
    file: MODULE_EN,
    at: 'serves="patient-privacey"',
    message: /^`patient-privacey` is not a category of this competency$/,
    hint: /^Did you mean `patient-privacy`\?/,
  },
  {
    name: "module: an unfinished TODO is an error in strict mode",
    edits: [replace(MODULE_EN, "Read the draft post", "TODO Read the draft post")],
    file: MODULE_EN,
    at: "TODO Read the draft post",
    message: /TODO/,
    hint: /Replace the TODO/,
  },
];

describe("loadCourse on broken copies of the minimal course", () => {
  it("accepts the minimal course itself in strict mode", async () => {
    const model = await loadCourse(MINIMAL, { strict: true });
    expect(model.locales).toEqual(["en", "zh-CN"]);
    expect(model.framework.layers.map((l) => l.id)).toEqual(["motivation", "professional"]);
    expect(model.modules.map((m) => m.competencyId)).toEqual(["digital-skills"]);
    expect(model.warnings).toEqual([]);
  });

  it.each(CASES)("$name", async (c) => {
    const { dir, textOf } = await brokenCourse(c.edits);
    const findings = await findingsOf(dir);
    const matching = findings.filter((f) => f.file === c.file && c.message.test(f.message));
    expect(matching, describeFindings(findings)).toHaveLength(1);
    const finding = matching[0]!;
    const text = c.edits.some((e) => e.file === c.file && e.edit) ? await textOf(c.file) : "";
    expect(finding).toMatchObject({
      file: c.file,
      line: resolveLine(text, c.at),
      severity: "error",
    });
    expect(finding.column).toBeGreaterThanOrEqual(1);
    if (c.dataPath !== undefined) expect(finding.dataPath).toBe(c.dataPath);
    const hint = typeof c.hint === "function" ? c.hint(text) : c.hint;
    expect(finding.hint).toMatch(hint);
    if (c.hintNot) expect(finding.hint).not.toMatch(c.hintNot);
  });

  it("reports every problem in two files at once", async () => {
    const { dir, textOf } = await brokenCourse([
      replace(COURSE, "pathPrefix: /", "pathPrefix: training"),
      replace(COURSE, "licence:\n", "paperSize: A5\nlicence:\n"),
      replace(FRAMEWORK, "        trainable: true", "        trainable: yes"),
      replace(FRAMEWORK, "      - id: information-literacy", "      - id: Information Literacy"),
      replace(FRAMEWORK, "  target: proficient", "  target: expert"),
    ]);
    const findings = await findingsOf(dir);
    const course = await textOf(COURSE);
    const framework = await textOf(FRAMEWORK);
    const where = (f: Finding) => `${f.file}:${f.line}`;
    expect(
      findings
        .filter((f) => f.severity === "error")
        .map(where)
        .sort(),
    ).toEqual(
      [
        `${COURSE}:${lineOf(course, "paperSize: A5")}`,
        `${COURSE}:${lineOf(course, "pathPrefix: training")}`,
        `${FRAMEWORK}:${lineOf(framework, "trainable: yes")}`,
        `${FRAMEWORK}:${lineOf(framework, "id: Information Literacy")}`,
        `${FRAMEWORK}:${lineOf(framework, "target: expert")}`,
      ].sort(),
    );
    expect(findings).toHaveLength(5);
  });

  it("reports a TODO as a warning with its line when not strict, and loads", async () => {
    const { dir, textOf } = await brokenCourse([
      replace(MODULE_EN, "Read the draft post", "TODO Read the draft post"),
    ]);
    const model = await loadCourse(dir, { strict: false });
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toMatchObject({
      file: MODULE_EN,
      line: lineOf(await textOf(MODULE_EN), "TODO Read the draft post"),
      severity: "warning",
    });
  });

  it("warns about an ASCII colon or comma between Chinese characters, at its line, with the full-width form", async () => {
    const { dir, textOf } = await brokenCourse([
      replace(FRAMEWORK, "zh-CN: 了解其内容。", 'zh-CN: "了解:其内容。"'),
      replace(FRAMEWORK, "zh-CN: 能稳定地做到。", 'zh-CN: "能稳定地, 做到。"'),
    ]);
    const model = await loadCourse(dir, { strict: false });
    const text = await textOf(FRAMEWORK);
    expect(model.warnings.map((w) => [w.file, w.line, w.severity])).toEqual([
      [FRAMEWORK, lineOf(text, "了解:其内容"), "warning"],
      [FRAMEWORK, lineOf(text, "能稳定地, 做到"), "warning"],
    ]);
    expect(model.warnings[0]!.hint).toContain("：");
    expect(model.warnings[1]!.hint).toContain("，");
    // Strict validation (npm test) makes them errors.
    await expect(loadCourse(dir, { strict: true })).rejects.toThrow(/2 problems/);
  });
});

/** Regression tests: one mistake gives one finding, at the right place, with a useful hint. */
describe("one mistake, one clear finding", () => {
  // A broken or missing course.yaml must not flood framework.yaml with locale findings.
  it.each([
    {
      name: "a YAML syntax error in course.yaml",
      edits: [replace(COURSE, "  name: CC BY 4.0", "  name: CC BY: 4.0")],
    },
    { name: "a missing course.yaml", edits: [{ file: COURSE }] },
  ])("$name is not followed by findings in framework.yaml", async ({ edits }) => {
    const { dir } = await brokenCourse(edits);
    const findings = await findingsOf(dir);
    expect(
      findings.filter((f) => f.file !== COURSE),
      describeFindings(findings),
    ).toEqual([]);
  });

  // A missing enum key is a missing key (zod reports it as invalid_value), with the allowed values.
  it.each([
    {
      key: "treatment",
      from: "    treatment: reflect\n",
      hint: /reflect, discuss, train|`reflect`/,
    },
    {
      key: "provenance",
      from: "    provenance: paper\n    competencies:\n      - id: intrinsic",
      hint: /paper/,
    },
  ])("a missing `$key` is reported as a missing key", async ({ key, from, hint }) => {
    const { dir } = await brokenCourse([
      replace(FRAMEWORK, from, from.replace(/^ {4}\w+: \w+\n/, "")),
    ]);
    const findings = await findingsOf(dir);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]!.message).toBe(`Required key \`${key}\` is missing`);
    expect(findings[0]!.message).not.toMatch(/undefined/);
    expect(findings[0]!.hint).toMatch(hint);
  });

  // defaultLocale is checked from the raw data, even when another key of course.yaml is wrong.
  it("checks defaultLocale even when another key of course.yaml is wrong", async () => {
    const { dir, textOf } = await brokenCourse([
      replace(COURSE, "defaultLocale: en", "defaultLocale: zh-cn"),
      replace(COURSE, "pathPrefix: /", "pathPrefix: training"),
    ]);
    const findings = await findingsOf(dir);
    const course = await textOf(COURSE);
    expect(findings.map((f) => f.line).sort(), describeFindings(findings)).toEqual(
      [lineOf(course, "defaultLocale: zh-cn"), lineOf(course, "pathPrefix: training")].sort(),
    );
  });

  // A locale with no interface strings is reported at its entry under `locales:`.
  it("a locale without interface strings is reported once, first, at its line in `locales:`, with what to run", async () => {
    const toFrench = (text: string) => text.replaceAll("zh-CN", "fr");
    const { dir, textOf } = await brokenCourse([
      { file: COURSE, edit: toFrench },
      { file: FRAMEWORK, edit: toFrench },
      // A second, unrelated mistake: the language finding must still come first.
      replace(
        FRAMEWORK,
        "summary: { en: Why professionals take part., fr",
        "summry: { en: Why professionals take part., fr",
      ),
    ]);
    await rename(join(dir, MODULE_ZH), join(dir, "modules/digital-skills/fr.md"));
    const findings = await findingsOf(dir);
    const language = findings.filter((f) => /interface has no text for locale/.test(f.message));
    expect(language, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]!.message).toBe("The interface has no text for locale `fr`");
    expect(findings[0]!.hint).toMatch(/npm run new-locale -- fr/);
    expect(findings[0]).toMatchObject({
      file: COURSE,
      line: lineOf(await textOf(COURSE), "  - fr"),
      dataPath: "locales[1]",
    });
    expect(findings.length).toBeGreaterThan(1);
  });

  // A comma in unquoted text inside `{ en: …, zh-CN: … }` is explained as such.
  it("explains a comma in unquoted text inside { en: …, zh-CN: … }", async () => {
    const { dir, textOf } = await brokenCourse([
      replace(
        FRAMEWORK,
        "summary: { en: Why professionals take part., zh-CN",
        "summary: { en: Why doctors, nurses take part., zh-CN",
      ),
    ]);
    const findings = await findingsOf(dir);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]!.line).toBe(lineOf(await textOf(FRAMEWORK), "Why doctors, nurses"));
    expect(findings[0]!.hint).toMatch(/quote/i);
    expect(findings[0]!.message).not.toMatch(/is not one of this course's locales/);
  });

  // A misspelt key is reported once (not also as a missing key).
  it.each([
    { name: "titel", edits: [replace(COURSE, "\ntitle: {", "\ntitel: {")] },
    { name: "zh-cn", edits: [replace(FRAMEWORK, "zh-CN: 数字技能 }", "zh-cn: 数字技能 }")] },
  ])("a misspelt key ($name) is reported once, with its suggestion", async ({ edits }) => {
    const { dir } = await brokenCourse(edits);
    const findings = await findingsOf(dir);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]!.hint).toMatch(/^Did you mean/);
  });

  // One YAML mistake gives one finding, not the parser's knock-on errors.
  it.each([
    {
      name: "a tab",
      edits: [replace(COURSE, "  name: CC BY 4.0", "\tname: CC BY 4.0")],
      file: COURSE,
    },
    {
      name: "a mis-indented line",
      edits: [
        replace(
          FRAMEWORK,
          "    treatment: reflect\n",
          "    treatment: reflect\n   provenance: paper\n",
        ),
      ],
      file: FRAMEWORK,
    },
  ])("one YAML mistake ($name) gives one finding", async ({ edits, file }) => {
    const { dir } = await brokenCourse(edits);
    const findings = (await findingsOf(dir)).filter((f) => f.file === file);
    expect(findings, describeFindings(findings)).toHaveLength(1);
  });

  // A duration that differs between locales points at the translation's `duration:` line.
  it("a duration that differs between locales points at the `duration:` line", async () => {
    const { dir, textOf } = await brokenCourse([
      replace(MODULE_EN, "duration: 20", "duration: 25"),
      replace(MODULE_EN, "minutes=20", "minutes=25"),
      // Same structure in both locales, so only the durations differ.
      replace(MODULE_ZH, "minutes=20", "minutes=25"),
    ]);
    const findings = await findingsOf(dir);
    const finding = findings.find((f) => /The duration is 20 minutes here but 25/.test(f.message));
    expect(finding, describeFindings(findings)).toBeDefined();
    expect(finding!.file).toBe(MODULE_ZH);
    expect(finding!.line).toBe(lineOf(await textOf(MODULE_ZH), "duration: 20"));
  });

  // An unknown block in en.md is not also blamed on the correct zh-CN.md.
  it("an unknown block in en.md is reported in en.md only", async () => {
    const { dir } = await brokenCourse([replace(MODULE_EN, "::: check", "::: chek")]);
    const findings = await findingsOf(dir);
    expect(
      findings.map((f) => f.file),
      describeFindings(findings),
    ).toEqual([MODULE_EN]);
  });
});

describe("HTML in course data", () => {
  it("is shown as text, never run, on every page", async () => {
    const { dir } = await brokenCourse([
      replace(
        FRAMEWORK,
        "title: { en: Professional competencies,",
        "title: { en: <script>alert(1)</script> Professional competencies,",
      ),
      replace(
        FRAMEWORK,
        "title: { en: Digital skills,",
        "title: { en: <script>alert(2)</script> Digital skills,",
      ),
      replace(
        MODULE_EN,
        "title: Protecting patient privacy online",
        "title: <script>alert(3)</script> Protecting patient privacy online",
      ),
      replace(
        MODULE_EN,
        "A photo can identify a patient",
        "A photo <img src=x onerror=alert(4)> can identify a patient",
      ),
    ]);
    const root = await tempDir("course-html-");
    made.push(root);
    const out = join(root, "site");
    await buildSite({ courseDir: dir, outputDir: out, strict: true, search: false });

    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = await readFile(join(out, page), "utf8");
      expect(html, page).not.toMatch(/<script>alert/i);
      expect(html, page).not.toMatch(/<img src=x/i);
    }
    const read = (page: string) => readFile(join(out, page), "utf8");
    const escaped = (n: number) => new RegExp(`(&lt;|&#60;)script(&gt;|&#62;)alert\\(${n}\\)`);

    const competency = await read("en/framework/professional/digital-skills/index.html");
    expect(competency).toContain("<h1>&lt;script&gt;alert(2)&lt;/script&gt; Digital skills</h1>");
    expect(competency).toMatch(/<title>&lt;script&gt;alert\(2\)/);
    // The layer title is also a label in the onion diagram (SVG) on the home page.
    const home = await read("en/index.html");
    expect(home.match(/<svg[\s\S]*<\/svg>/)?.[0]).toMatch(escaped(1));
    const module = await read("en/modules/digital-skills/index.html");
    expect(module).toMatch(escaped(3));
    expect(module).toContain("&lt;img src=x onerror=alert(4)&gt;");
  });
});

describe("notes", () => {
  it("says nothing about links once `siteUrl` is set", async () => {
    const { dir } = await brokenCourse([
      replace(
        COURSE,
        "pathPrefix: /\n",
        "pathPrefix: /\nsiteUrl: https://intranet.example/training/\n",
      ),
    ]);
    const model = await loadCourse(dir, { strict: true });
    expect(model.settings.siteUrl).toBe("https://intranet.example/training/");
    expect(model.notes).toEqual([]);
  });
});
