/**
 * A corpus of bad (and hostile) course inputs, one row each, the way trainers, translators and
 * copied examples get them wrong. Each refused input must give a finding at the right file and line
 * with a hint, print no stack trace, and leave the previous site byte-for-byte as it was. Inputs
 * that are allowed (markup, template syntax, byte-order marks) must build without any executable
 * markup. Everything runs in-process on copies of tests/fixtures/minimal; the real command line is
 * tried in tests/cli/bad-input-corpus.test.ts.
 */
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { reportError } from "../../src/cli/report.ts";
import { CourseError, ValidationError, type Finding } from "../../src/errors.ts";
import { copyCourse, describeFindings } from "../helpers/courses.ts";
import { executableMarkupInSite, textOf } from "../helpers/html-safety.ts";
import {
  add,
  ALIAS_BOMB,
  applyAll,
  bytes,
  COURSE,
  EN,
  FW,
  fingerprint,
  gbk,
  linkOut,
  outsideFolders,
  put,
  rebase,
  REFLECTION,
  remove,
  sub,
  utf16le,
  withBom,
  ZH,
  type Edit,
} from "../helpers/bad-input-edits.ts";
import { fixture, tempDir } from "../helpers/paths.ts";

/** A refused input: where the finding must point (file, and the line holding `at`), and what it says. */
interface Refused {
  kind: string;
  name: string;
  edits: Edit[];
  file: string;
  /** Text on the reported line (searched in the edited file), or the line number itself. */
  at: string | number;
  message: RegExp;
  hint?: RegExp;
}

const REFUSED: Refused[] = [
  // Syntax
  {
    kind: "syntax",
    name: "an unclosed flow mapping",
    edits: [
      sub(
        COURSE,
        "title: { en: Minimal course, zh-CN: 最小课程 }",
        "title: { en: Minimal course, zh-CN: 最小课程",
      ),
    ],
    file: COURSE,
    // YAML notices the missing brace on the next line.
    at: "subtitle:",
    message: /YAML syntax/,
  },
  {
    kind: "syntax",
    name: "a tab used for indentation",
    edits: [sub(FW, "  provenance: course\n  target", "\tprovenance: course\n  target")],
    file: FW,
    at: "\tprovenance: course",
    message: /YAML syntax|tab/i,
  },
  {
    kind: "syntax",
    name: "a key written twice",
    edits: [add(COURSE, "defaultLocale: zh-CN\n")],
    file: COURSE,
    at: "defaultLocale: zh-CN",
    message: /twice|duplicate|unique/i,
  },
  {
    kind: "syntax",
    name: "an unterminated quoted string",
    edits: [sub(COURSE, "name: CC BY 4.0", 'name: "CC BY 4.0')],
    file: COURSE,
    // YAML looks for the closing quote to the end of the file, and reports it on the file's last line.
    at: 20,
    message: /YAML syntax: Missing closing "quote/,
  },
  {
    kind: "syntax",
    name: "a list item indented deeper than the one before (it joins it)",
    edits: [sub(COURSE, "  - zh-CN\n", "   - zh-CN\n")],
    file: COURSE,
    at: "  - en",
    message: /is not a locale code/,
  },
  {
    kind: "syntax",
    name: "a YAML syntax error in a module's front matter",
    edits: [sub(EN, "duration: 20", "duration: [20")],
    file: EN,
    at: "audience:",
    message: /YAML syntax/,
  },
  {
    kind: "syntax",
    name: "front matter that is never closed",
    edits: [sub(EN, "---\n\n## Consent first", "\n## Consent first")],
    file: EN,
    at: 1,
    message: /front matter/i,
  },
  {
    kind: "syntax",
    name: "an empty course.yaml",
    edits: [put(COURSE, "")],
    file: COURSE,
    at: 1,
    message: /empty|missing|required|expected/i,
  },
  {
    kind: "syntax",
    name: "two YAML documents in one file",
    edits: [add(COURSE, "---\ntitle: again\n")],
    file: COURSE,
    at: "---",
    message: /multiple documents/,
  },
  {
    kind: "syntax",
    name: "an alias bomb (billion laughs)",
    edits: [add(FW, ALIAS_BOMB)],
    file: FW,
    at: 1,
    message: /alias/i,
  },
  // Shape
  {
    kind: "shape",
    name: "framework.yaml that is a list, not a mapping",
    edits: [put(FW, "- id: one\n- id: two\n")],
    file: FW,
    at: 1,
    message: /./,
  },
  {
    kind: "shape",
    name: "a misspelt key",
    edits: [sub(COURSE, "subtitle:", "subtitel:")],
    file: COURSE,
    at: "subtitel:",
    message: /Unknown key `subtitel`/,
    hint: /subtitle/,
  },
  {
    kind: "shape",
    name: "locales as a string, not a list",
    edits: [sub(COURSE, "locales:\n  - en\n  - zh-CN\n", "locales: en, zh-CN\n")],
    file: COURSE,
    at: "locales: en, zh-CN",
    message: /./,
  },
  {
    kind: "shape",
    name: "a title that is a number",
    edits: [sub(FW, "title: { en: Aware, zh-CN: 了解 }", "title: 42")],
    file: FW,
    at: "title: 42",
    message: /./,
  },
  {
    kind: "shape",
    name: "a layer treatment that does not exist",
    edits: [sub(FW, "treatment: reflect", "treatment: lecture")],
    file: FW,
    at: "treatment: lecture",
    message: /./,
  },
  {
    kind: "shape",
    name: "a competency without a title",
    edits: [sub(FW, "        title: { en: Information literacy, zh-CN: 信息素养 }\n", "")],
    file: FW,
    at: "- id: information-literacy",
    message: /title/,
  },
  {
    kind: "shape",
    name: "a module duration in words",
    edits: [sub(EN, "duration: 20", "duration: twenty minutes")],
    file: EN,
    at: "duration: twenty minutes",
    message: /./,
  },
  {
    kind: "shape",
    name: "an objective level outside Bloom's verbs",
    edits: [sub(EN, "  - level: apply", "  - level: memorise")],
    file: EN,
    at: "level: memorise",
    message: /./,
  },
  {
    kind: "shape",
    name: "a course title without its Chinese",
    edits: [
      sub(
        COURSE,
        "title: { en: Minimal course, zh-CN: 最小课程 }",
        "title: { en: Minimal course }",
      ),
    ],
    file: COURSE,
    at: "title: { en: Minimal course }",
    message: /zh-CN/,
  },
  {
    kind: "shape",
    name: "an activity with no minutes",
    edits: [sub(EN, ":::: activity minutes=20 grouping=pairs", ":::: activity grouping=pairs")],
    file: EN,
    at: ":::: activity grouping=pairs",
    message: /minutes/,
  },
  // Ids
  {
    kind: "ids",
    name: "a competency id with capitals and a space",
    edits: [sub(FW, "- id: information-literacy", '- id: "Information Literacy"')],
    file: FW,
    at: '- id: "Information Literacy"',
    message: /./,
  },
  {
    kind: "ids",
    name: "the same competency id twice",
    edits: [sub(FW, "- id: information-literacy", "- id: digital-skills")],
    file: FW,
    at: 44,
    message: /Duplicate id `digital-skills`/,
  },
  {
    kind: "ids",
    name: "a layer id that climbs out of its folder",
    edits: [sub(FW, "- id: motivation", '- id: "../../etc"')],
    file: FW,
    at: '- id: "../../etc"',
    message: /./,
  },
  {
    kind: "ids",
    name: "a category id with a quote in it",
    edits: [sub(FW, "- id: patient-privacy", `- id: 'patient"privacy'`)],
    file: FW,
    at: `- id: 'patient"privacy'`,
    message: /./,
  },
  {
    kind: "ids",
    name: "a module for a competency that is not in the framework",
    edits: [sub(EN, "competency: digital-skills", "competency: digital-skill")],
    file: EN,
    at: "competency: digital-skill",
    message: /digital-skill/,
  },
  {
    kind: "ids",
    name: "a competency id that is also a page of the site",
    edits: [sub(FW, "- id: information-literacy", "- id: assess")],
    file: FW,
    at: "- id: assess",
    message: /assess/,
  },
  {
    kind: "ids",
    name: "a scale target that is not a level",
    edits: [sub(FW, "target: proficient", "target: expert")],
    file: FW,
    at: "target: expert",
    message: /expert/,
  },
  {
    kind: "ids",
    name: "a level description for a level the scale lacks",
    edits: [
      sub(
        FW,
        "aware: { en: Knows where guidelines are.",
        "expert: { en: Knows where guidelines are.",
      ),
    ],
    file: FW,
    at: "expert: { en: Knows where",
    message: /expert/,
  },
  {
    kind: "ids",
    name: "a section serving a category that does not exist",
    edits: [sub(EN, '{serves="patient-privacy"}', '{serves="patient-secrets"}')],
    file: EN,
    at: "## Consent first",
    message: /patient-secrets/,
  },
  {
    kind: "ids",
    name: "a programme listing an unknown competency",
    edits: [sub(COURSE, "  - digital-skills\n", "  - digital-skills\n  - teamwork\n")],
    file: COURSE,
    at: "  - teamwork",
    message: /teamwork/,
  },
  // Locales
  {
    kind: "locales",
    name: "a locale code that is not a language tag",
    edits: [sub(COURSE, "  - zh-CN\n", "  - zh_CN!\n")],
    file: COURSE,
    at: "  - zh_CN!",
    message: /./,
  },
  {
    kind: "locales",
    name: "a default locale that is not among the locales",
    edits: [sub(COURSE, "defaultLocale: en", "defaultLocale: fr")],
    file: COURSE,
    at: "defaultLocale: fr",
    message: /fr/,
  },
  {
    kind: "locales",
    name: "a locale listed twice",
    edits: [sub(COURSE, "  - zh-CN\n", "  - zh-CN\n  - en\n")],
    file: COURSE,
    at: 8,
    message: /Locale `en` is listed twice/,
  },
  {
    kind: "locales",
    name: "a module missing its Chinese file",
    edits: [remove(ZH)],
    file: ZH,
    at: 1,
    message: /zh-CN/,
  },
  {
    kind: "locales",
    name: "a locale that climbs out of the folder",
    edits: [sub(COURSE, "  - zh-CN\n", '  - "../../zh"\n')],
    file: COURSE,
    at: '  - "../../zh"',
    message: /./,
  },
  // References
  {
    kind: "references",
    name: "a citation of a reference the module does not list",
    edits: [sub(EN, "[@pipl2021]", "[@gdpr2016]")],
    file: EN,
    at: "[@gdpr2016]",
    message: /gdpr2016/,
  },
  {
    kind: "references",
    name: "the same reference key twice",
    edits: [sub(EN, "references:\n", 'references:\n  - key: pipl2021\n    text: "Again."\n')],
    file: EN,
    at: 13,
    message: /Duplicate reference key `pipl2021`/,
  },
  {
    kind: "references",
    name: "a reference with a javascript: URL",
    edits: [sub(EN, '    text: "Personal', '    url: javascript:alert(1)\n    text: "Personal')],
    file: EN,
    at: "url: javascript:alert(1)",
    message: /javascript|URL|address/i,
  },
  {
    kind: "references",
    name: "a reference without its text",
    edits: [
      sub(
        EN,
        '    text: "Personal Information Protection Law of the People\'s Republic of China. 2021."\n',
        "",
      ),
    ],
    file: EN,
    at: "- key: pipl2021",
    message: /text/,
  },
  // URLs
  {
    kind: "urls",
    name: "a Markdown link to javascript:",
    edits: [sub(EN, "Read the draft post", "Read [the draft](javascript:alert(1)) post")],
    file: EN,
    at: "Read [the draft](javascript:",
    message: /javascript/i,
  },
  {
    kind: "urls",
    name: "a Markdown link to javascript: in mixed case",
    edits: [sub(EN, "Read the draft post", "Read [the draft](JaVaScRiPt:alert(1)) post")],
    file: EN,
    at: "Read [the draft](JaVa",
    message: /./,
  },
  {
    kind: "urls",
    name: "a Markdown link to a data: HTML page",
    edits: [
      sub(EN, "Read the draft post", "Read [the draft](data:text/html;base64,PHNjcmlwdD4=) post"),
    ],
    file: EN,
    at: "data:text/html",
    message: /data/i,
  },
  {
    kind: "urls",
    name: "an image from a javascript: URL",
    edits: [sub(EN, "Read the draft post", "![draft](javascript:alert(1)) Read the draft post")],
    file: EN,
    at: "![draft](javascript:",
    message: /javascript/i,
  },
  {
    kind: "urls",
    name: "a Markdown link with an encoded colon",
    edits: [sub(EN, "Read the draft post", "Read [the draft](javascript&#58;alert(1)) post")],
    file: EN,
    at: "javascript&#58;",
    message: /./,
  },
  {
    kind: "urls",
    name: "a licence URL to javascript:",
    edits: [
      sub(
        COURSE,
        "url: https://creativecommons.org/licenses/by/4.0/",
        "url: javascript:alert(document.cookie)",
      ),
    ],
    file: COURSE,
    at: "url: javascript:alert",
    message: /not an allowed address/,
  },
  {
    kind: "urls",
    name: "a licence URL to vbscript:",
    edits: [
      sub(COURSE, "url: https://creativecommons.org/licenses/by/4.0/", "url: vbscript:msgbox(1)"),
    ],
    file: COURSE,
    at: "url: vbscript:",
    message: /not an allowed address/,
  },
  {
    kind: "urls",
    name: "a licence URL to a file on the trainer's disk",
    edits: [
      sub(COURSE, "url: https://creativecommons.org/licenses/by/4.0/", "url: file:///etc/passwd"),
    ],
    file: COURSE,
    at: "url: file:///etc/passwd",
    message: /not an allowed address/,
  },
  // Attributes
  {
    kind: "attributes",
    name: "a heading id that breaks out of its attribute",
    edits: [
      sub(
        EN,
        '{serves="patient-privacy"}',
        '{id=a"onmouseover="alert(1) serves="patient-privacy"}',
      ),
    ],
    file: EN,
    at: "## Consent first",
    message: /./,
  },
  {
    kind: "attributes",
    name: "an event handler on a heading",
    edits: [sub(EN, '{serves="patient-privacy"}', '{serves="patient-privacy" onclick="alert(1)"}')],
    file: EN,
    at: "## Consent first",
    message: /onclick/,
  },
  {
    kind: "attributes",
    name: "a style attribute on a heading",
    edits: [
      sub(EN, '{serves="patient-privacy"}', '{serves="patient-privacy" style="display:none"}'),
    ],
    file: EN,
    at: "## Consent first",
    message: /style/,
  },
  {
    kind: "attributes",
    name: "an event handler on an activity block",
    edits: [
      sub(
        EN,
        ":::: activity minutes=20 grouping=pairs",
        ":::: activity minutes=20 grouping=pairs onload=alert(1)",
      ),
    ],
    file: EN,
    at: ":::: activity minutes=20",
    message: /onload/,
  },
  {
    kind: "attributes",
    name: "activity minutes that are not a number",
    edits: [
      sub(
        EN,
        ":::: activity minutes=20 grouping=pairs",
        ":::: activity minutes=abc grouping=pairs",
      ),
    ],
    file: EN,
    at: ":::: activity minutes=abc",
    message: /minutes/,
  },
  {
    kind: "attributes",
    name: "an activity grouping that does not exist",
    edits: [
      sub(EN, ":::: activity minutes=20 grouping=pairs", ":::: activity minutes=20 grouping=crowd"),
    ],
    file: EN,
    at: "grouping=crowd",
    message: /crowd/,
  },
  {
    kind: "attributes",
    name: "a block type that does not exist",
    edits: [sub(EN, "::: facilitator", "::: script")],
    file: EN,
    at: "::: script",
    message: /script/,
  },
  // Sizes
  {
    kind: "sizes",
    name: "a module file over the size limit",
    edits: [add(EN, `\n${"A very long paragraph. ".repeat(50_000)}\n`)],
    file: EN,
    at: 1,
    message: /too large/,
  },
  {
    kind: "sizes",
    name: "a framework file over the size limit",
    edits: [add(FW, `# ${"x".repeat(1_100_000)}\n`)],
    file: FW,
    at: 1,
    message: /too large/,
  },
  // Encodings
  {
    kind: "encodings",
    name: "a course file saved as UTF-16",
    edits: [bytes(COURSE, utf16le)],
    file: COURSE,
    at: 1,
    message: /UTF-16/,
    hint: /UTF-8/,
  },
  {
    kind: "encodings",
    name: "a module saved in GBK",
    edits: [bytes(ZH, gbk)],
    file: ZH,
    at: 1,
    message: /not UTF-8/,
    hint: /UTF-8/,
  },
  // File system
  {
    kind: "file system",
    name: "no course.yaml",
    edits: [remove(COURSE)],
    file: COURSE,
    at: 1,
    message: /./,
  },
  {
    kind: "file system",
    name: "course.yaml that is a folder",
    edits: [remove(COURSE), put(`${COURSE}/readme.txt`, "oops")],
    file: COURSE,
    at: 1,
    message: /./,
  },
  {
    kind: "file system",
    name: "the module folder of a trainable competency missing",
    edits: [remove("modules/digital-skills")],
    file: EN,
    at: 1,
    message: /digital-skills/,
  },
  {
    kind: "file system",
    name: "a module file that links out of the course",
    edits: [linkOut(EN)],
    file: EN,
    at: 1,
    message: /outside the course/,
  },
  {
    kind: "file system",
    name: "a module folder that links out of the course",
    edits: [linkOut("modules/digital-skills")],
    file: EN,
    at: 1,
    message: /outside the course/,
  },
  {
    kind: "file system",
    name: "framework.yaml that links out of the course",
    edits: [linkOut(FW)],
    file: FW,
    at: 1,
    message: /outside the course/,
  },
  {
    kind: "file system",
    name: "a course page text (pages/about.en.md) that links out of the course",
    edits: [
      put("pages/about.en.md", "About this course.\n"),
      put("pages/about.zh-CN.md", "关于本课程。\n"),
      linkOut("pages/about.en.md"),
    ],
    file: "pages/about.en.md",
    at: 1,
    message: /outside the course/,
  },
  {
    kind: "file system",
    name: "a reflection file that links out of the course",
    edits: [put(REFLECTION, "prompts: []\n"), linkOut(REFLECTION)],
    file: REFLECTION,
    at: 1,
    message: /outside the course/,
  },
];

/** An allowed input: it builds, and a reader of `page` sees `shows` as written (as text). */
interface Allowed {
  kind: string;
  name: string;
  edits: Edit[];
  page: string;
  shows: string;
}

const ALLOWED: Allowed[] = [
  {
    kind: "markup",
    name: "a <script> element in a module paragraph",
    edits: [
      sub(EN, "A photo can identify", "<script>alert('module')</script> A photo can identify"),
    ],
    page: "en/modules/digital-skills/index.html",
    shows: "<script>alert('module')</script> A photo can identify",
  },
  {
    kind: "markup",
    name: "an <img onerror> in a module paragraph",
    edits: [sub(EN, "mark everything that", '<img src=x onerror="alert(2)"> mark everything that')],
    page: "en/modules/digital-skills/index.html",
    shows: '<img src=x onerror="alert(2)"> mark everything that',
  },
  {
    kind: "markup",
    name: "markup in the course title",
    edits: [sub(COURSE, "en: Minimal course,", 'en: "Minimal <script>alert(3)</script> course",')],
    page: "en/index.html",
    shows: "Minimal <script>alert(3)</script> course",
  },
  {
    kind: "markup",
    name: "an attribute break-out in a competency summary",
    edits: [
      sub(
        FW,
        "en: Finding and judging evidence.",
        `en: "Finding \\"><svg onload=alert(4)> evidence."`,
      ),
    ],
    page: "en/framework/professional/information-literacy/index.html",
    shows: 'Finding "><svg onload=alert(4)> evidence.',
  },
  {
    kind: "markup",
    name: "a link element in a reference text",
    edits: [
      sub(
        EN,
        "Personal Information Protection Law",
        `<a href=javascript:alert(5)>Personal</a> Information Protection Law`,
      ),
    ],
    page: "en/modules/digital-skills/index.html",
    shows: "<a href=javascript:alert(5)>Personal</a> Information Protection Law",
  },
  {
    kind: "template syntax",
    name: "Nunjucks output tags in a module paragraph",
    edits: [sub(EN, "Hand out the draft", "{{ 7 * 7 }} Hand out the draft")],
    page: "en/facilitators/digital-skills/index.html",
    shows: "{{ 7 * 7 }} Hand out the draft",
  },
  {
    kind: "template syntax",
    name: "a Nunjucks tag in a level title",
    edits: [sub(FW, "en: Proficient,", `en: "Proficient {% include 'x.njk' %}",`)],
    page: "en/framework/professional/digital-skills/index.html",
    shows: "Proficient {% include 'x.njk' %}",
  },
  {
    kind: "template syntax",
    name: "a Handlebars expression in a competency title",
    edits: [
      sub(
        FW,
        "en: Digital skills,",
        `en: "Digital {{constructor.constructor('alert(6)')()}} skills",`,
      ),
    ],
    page: "en/framework/index.html",
    shows: "Digital {{constructor.constructor('alert(6)')()}} skills",
  },
  {
    kind: "encodings",
    name: "a byte-order mark at the start of a module",
    edits: [bytes(ZH, withBom)],
    page: "zh-CN/modules/digital-skills/index.html",
    shows: "在网上保护患者隐私",
  },
  {
    kind: "encodings",
    name: "a byte-order mark at the start of course.yaml, and CRLF line ends",
    edits: [bytes(COURSE, (t) => withBom(t.replace(/\n/g, "\r\n")))],
    page: "zh-CN/index.html",
    shows: "最小课程",
  },
];

const made: string[] = [];
let previous: string;
let before: Map<string, string>;
let allowedSite: string;

/** What the command line would print for `error` (without --debug). */
function printed(error: unknown): string {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    lines.push(args.join(" "));
  });
  try {
    reportError(error);
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}

function lineIn(text: string, at: string | number): number {
  if (typeof at === "number") return at;
  const lines = text.split(/\r?\n/);
  const hits = lines.flatMap((l, i) => (l.includes(at) ? [i + 1] : []));
  if (hits.length !== 1)
    throw new Error(`Corpus setup: ${JSON.stringify(at)} on ${hits.length} lines`);
  return hits[0]!;
}

beforeAll(async () => {
  // The site a previous, good build left: every refused input must leave it exactly as it is.
  previous = join(await tempDir("corpus-previous-"), "site");
  made.push(join(previous, ".."));
  await buildSite({
    courseDir: fixture("minimal"),
    outputDir: previous,
    strict: true,
    search: false,
  });
  before = await fingerprint(previous);
  // All allowed inputs at once, in one course, built once.
  const dir = await copyCourse(fixture("minimal"));
  made.push(dir);
  for (const row of ALLOWED) await applyAll(dir, row.edits);
  allowedSite = join(await tempDir("corpus-allowed-"), "site");
  made.push(join(allowedSite, ".."));
  await buildSite({ courseDir: dir, outputDir: allowedSite, strict: true, search: false });
}, 180_000);
afterAll(() =>
  Promise.all([...made, ...outsideFolders].map((d) => rm(d, { recursive: true, force: true }))),
);

describe("the corpus covers every kind of mistake", () => {
  it("has at least 60 rows across all kinds", () => {
    expect(REFUSED.length + ALLOWED.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set([...REFUSED, ...ALLOWED].map((r) => r.kind));
    expect([...kinds].sort()).toEqual(
      [
        "attributes",
        "encodings",
        "file system",
        "ids",
        "locales",
        "markup",
        "references",
        "shape",
        "sizes",
        "syntax",
        "template syntax",
        "urls",
      ].sort(),
    );
  });
});

describe.each(REFUSED)("refused ($kind): $name", (row) => {
  it("a finding at its file and line with a hint, no stack trace, the previous site unchanged", async () => {
    const dir = await copyCourse(fixture("minimal"));
    made.push(dir);
    await applyAll(dir, row.edits);
    // Each row gets its own copy of the previous site, so that one wrongly accepted input
    // cannot spoil the rows after it.
    const site = join(await tempDir("corpus-site-"), "site");
    made.push(join(site, ".."));
    await cp(previous, site, { recursive: true });
    const error: unknown = await buildSite({
      courseDir: dir,
      outputDir: site,
      strict: true,
      search: false,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, "the course must be refused").toBeInstanceOf(ValidationError);
    const findings: Finding[] = (error as ValidationError).findings;
    const text = await readFile(join(dir, row.file)).then(
      (b) => b.toString("utf8"),
      () => "",
    );
    const line = lineIn(text, row.at);
    const match = findings.find(
      (f) => f.file === row.file && f.line === line && row.message.test(f.message),
    );
    expect(
      match,
      `expected ${row.file}:${line} ${row.message}, got\n${describeFindings(findings)}`,
    ).toBeDefined();
    expect(match!.severity).toBe("error");
    expect(match!.hint.length).toBeGreaterThan(10);
    if (row.hint) expect(match!.hint).toMatch(row.hint);
    const output = printed(error);
    expect(output).toContain(`${row.file}:${line}:`);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toMatch(/Internal error|bug in the tool/);
    expect(await fingerprint(site)).toEqual(rebase(before, previous, site));
  });
});

describe.each(ALLOWED)("allowed ($kind): $name", (row) => {
  it("builds, shows the text as written, and runs no script", async () => {
    const html = await readFile(join(allowedSite, row.page), "utf8");
    expect(textOf(html)).toContain(row.shows);
  });
});

describe("the site built from every allowed input", () => {
  it("has no executable markup on any page", async () => {
    expect(await executableMarkupInSite(allowedSite)).toEqual([]);
  });
});

describe("failures that are not about the course data", () => {
  it("an output folder under a file is a clear message, and nothing else changes", async () => {
    const root = await tempDir("corpus-fs-");
    made.push(root);
    await writeFile(join(root, "a-file"), "x");
    const error = await buildSite({
      courseDir: fixture("minimal"),
      outputDir: join(root, "a-file", "site"),
      strict: true,
      search: false,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CourseError);
    const output = printed(error);
    expect(output).toMatch(/a-file/);
    expect(output).toMatch(/--out/);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(await readdir(root)).toEqual(["a-file"]);
  });
});
