import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isPair, isScalar, parseDocument, visit, type Scalar } from "yaml";
import { UI_STRINGS_DIR } from "../../src/paths.ts";
import { CURRENT_FORMAT } from "../../src/course/course-format.ts";

/**
 * A pseudo-locale course: two languages the engine does not ship, whose interface text (every key of
 * the engine's en.yaml) and whose course data (framework, reflection, glossary, module Markdown, home
 * and About texts) are wrapped in ⟦…⟧. A page of it in which some visible text is not inside markers
 * shows text that came from neither the course nor its interface file: an engine string that escapes
 * translation, or text of another course.
 */
export const OPEN = "⟦";
export const CLOSE = "⟧";
export const PSEUDO_LOCALES = ["en-XA", "qps-ploc"] as const;

/** Interface keys that are settings, not text: left as they are. */
const NOT_TEXT = new Set(["meta.direction"]);

/** The tag after the opening marker: which language a text is in, so text in the wrong one shows. */
export const TAGS: Record<string, string> = { "en-XA": "α", "qps-ploc": "ǫ" };
/** The tag of course data written once for every language (the source's authors, the licence). */
export const NEUTRAL = "∅";

/** A text in `locale` (or in no language in particular): ⟦α text⟧, ⟦ǫ text⟧, ⟦∅ text⟧. */
export function mark(text: string, locale?: string): string {
  return `${OPEN}${locale ? TAGS[locale] : NEUTRAL} ${text}${CLOSE}`;
}

/** `{ en-XA: ⟦α text⟧, qps-ploc: ⟦ǫ text⟧ }` as inline YAML. */
function loc(text: string): string {
  return `{ ${PSEUDO_LOCALES.map((l) => `${l}: ${JSON.stringify(mark(text, l))}`).join(", ")} }`;
}

/** The engine's English interface text with every text wrapped in markers, as a course i18n file. */
export async function pseudoInterfaceFile(locale: string): Promise<string> {
  const doc = parseDocument(await readFile(join(UI_STRINGS_DIR, "en.yaml"), "utf8"));
  visit(doc, {
    Scalar(key, node: Scalar, path) {
      if (key !== "value" || typeof node.value !== "string" || node.value === "") return;
      const keys = path.flatMap((p) => (isPair(p) && isScalar(p.key) ? [String(p.key.value)] : []));
      if (!NOT_TEXT.has(keys.join("."))) node.value = mark(node.value, locale);
    },
  });
  doc.setIn(["meta", "languageName"], mark(`Pseudo ${locale}`, locale));
  return doc.toString({ lineWidth: 0 });
}

const courseYaml = () => `format: ${CURRENT_FORMAT}
title: ${loc("Pseudo course")}
subtitle: ${loc("A course whose every text is marked")}
organisation: ${loc("Pseudo hospital")}
locales: [${PSEUDO_LOCALES.join(", ")}]
defaultLocale: ${PSEUDO_LOCALES[0]}
pathPrefix: /
licence:
  name: ${JSON.stringify(mark("Pseudo licence"))}
  url: https://creativecommons.org/licenses/by/4.0/
source:
  authors: ${JSON.stringify(mark("Author A, Author B"))}
  title: ${JSON.stringify(mark("A pseudo framework"))}
  journal: ${JSON.stringify(mark("Pseudo Journal"))}
  year: 2024
  volume: 3
  articleNumber: "45"
  doi: 10.1234/pseudo.5678
  shortName: ${JSON.stringify(mark("Pseudo framework"))}
caseSettings:
  - id: ward
    label: ${loc("Ward")}
  - id: telephone
    label: ${loc("Telephone")}
support: ${loc("Talk to the staff support service")}
paperSize: A4
lms:
  completion: checks
  masteryScore: 80
`;

const frameworkYaml = () => `scale:
  title: ${loc("Proficiency")}
  summary: ${loc("How well it is done")}
  provenance: course
  target: proficient
  levels:
    - id: developing
      title: ${loc("Developing")}
      summary: ${loc("Does it with help")}
    - id: proficient
      title: ${loc("Proficient")}
      summary: ${loc("Does it reliably")}
layers:
  - id: core
    title: ${loc("Core")}
    summary: ${loc("Why people take part")}
    treatment: reflect
    provenance: paper
    competencies:
      - id: purpose
        title: ${loc("Purpose")}
        summary: ${loc("The inner drive")}
        provenance: paper
        trainable: false
  - id: roles
    title: ${loc("Roles")}
    summary: ${loc("Who people are at work")}
    treatment: discuss
    provenance: course
    competencies:
      - id: teamwork
        title: ${loc("Teamwork")}
        summary: ${loc("Working with others")}
        provenance: course
        trainable: false
        categories:
          - id: handover
            title: ${loc("Handover")}
            summary: ${loc("Passing work on")}
            provenance: course
  - id: skills
    title: ${loc("Skills")}
    summary: ${loc("What people can do")}
    treatment: train
    assessed: true
    provenance: paper
    competencies:
      - id: telling
        title: ${loc("Telling")}
        summary: ${loc("Giving news clearly")}
        provenance: paper
        trainable: true
        categories:
          - id: plain-words
            title: ${loc("Plain words")}
            provenance: paper
          - id: checking
            title: ${loc("Checking")}
            summary: ${loc("Asking what was understood")}
            provenance: course
        levels:
          developing: ${loc("Uses plain words with prompting")}
          proficient: ${loc("Uses plain words and checks")}
      - id: listening
        title: ${loc("Listening")}
        summary: ${loc("Hearing what is said")}
        provenance: course
        trainable: false
        levels:
          developing: ${loc("Listens when reminded")}
          proficient: ${loc("Listens and reflects back")}
`;

const reflectionYaml = () => `model:
  id: cycle
  title: ${loc("A reflective cycle")}
  summary: ${loc("Prompts go round the cycle")}
  citation: ${JSON.stringify(mark("Author C. A reflective cycle. 1990."))}
  stages:
    - id: describe
      title: ${loc("Describe")}
      hint: ${loc("What happened?")}
    - id: plan
      title: ${loc("Plan")}
      hint: ${loc("What next?")}
showSupportWith: [purpose]
prompts:
  - id: purpose-describe
    about: purpose
    stage: describe
    provenance: course
    text: ${loc("Describe a day that mattered")}
  - id: teamwork-plan
    about: teamwork
    stage: plan
    modules: [telling]
    provenance: course
    text: ${loc("Plan a better handover")}
  - id: telling-describe
    about: telling
    stage: describe
    modules: [telling]
    provenance: course
    text: ${loc("Describe the last news you gave")}
`;

const glossaryYaml = () => `terms:
  - id: handover
    term: ${loc("handover")}
    definition: ${loc("Passing care to a colleague")}
    provenance: course
  - id: plain-words
    term: ${loc("plain words")}
    definition: ${loc("Words the listener uses")}
    provenance: paper
`;

const defaultsYaml = () => `audience: ${loc("Nurses and doctors")}
prerequisites: ${loc("None")}
`;

/** A module using every block the engine knows, every text in markers; inline markup marked per run. */
function moduleMd(locale: string): string {
  const m = (text: string) => mark(text, locale);
  return `---
competency: telling
title: ${JSON.stringify(m("Telling the news"))}
duration: 60
objectives:
  - level: understand
    text: ${JSON.stringify(m("Explain why plain words matter"))}
  - level: apply
    text: ${JSON.stringify(m("Give news in small pieces"))}
references:
  - key: ref-a
    text: ${JSON.stringify(m("Author A. A pseudo paper. Pseudo Journal. 2020;1:2-3."))}
    doi: 10.1234/pseudo.ref
  - key: ref-b
    text: ${JSON.stringify(m("Author B. A pseudo web page."))}
    url: https://example.org/pseudo
    accessed: 2024-05-06
materials:
  - { id: case-prints, name: ${JSON.stringify(m("Printed cases"))}, quantity: 1, per: group }
  - { id: pens, name: ${JSON.stringify(m("Pens"))}, quantity: 1, per: learner }
review:
  by: ${JSON.stringify(m("Reviewer R"))}
  on: 2026-01-02
  next: 2027-01-02
---

${m("This module trains the telling step")} **${m("in plain words")}** ${m("and checks")} [@ref-a]

::: objectives
:::

::: facilitator
${m("Print the cases before the session.")}
:::

## ${m("Plain words")} {serves="plain-words"}

${m("Say the hard word when it is needed")} [@ref-b]

- ${m("Use the listener's words.")}
- ${m("Avoid jargon.")}

| ${m("Say")} | ${m("Avoid")} |
| --- | --- |
| ${m("spread")} | ${m("metastasis")} |

::: case setting=ward
### ${m("Case one: at night")}

${m("A patient asks for the result at night.")}
:::

::: case setting=telephone
### ${m("Case two: on the phone")}

${m("A relative calls for news.")}
:::

:::: activity minutes=10 grouping=whole-group materials="case-prints pens"
### ${m("Opening")}

1. ${m("Think of a time you heard news.")}

::: facilitator
${m("Write the first sentences on the board.")}
:::
::::

## ${m("Checking")} {serves="checking"}

${m("Ask what was understood.")}

:::: activity minutes=40 grouping=small-groups
### ${m("Case work")}

${m("Plan the first two minutes.")}
::::

:::: activity minutes=10 grouping=individual
### ${m("Knowledge check")}

${m("Answer alone.")}
::::

::: check
${m("Which is plain?")}

- [x] ${m("It has spread.")}
  > ${m("Yes, plain.")}
- [ ] ${m("Hepatic involvement.")}
  > ${m("Jargon.")}
:::

::: check correct=2
${m("Which help?")}

- [x] ${m("Pausing")}
  > ${m("Yes.")}
- [x] ${m("Asking")}
  > ${m("Yes.")}
- [ ] ${m("Hurrying")}
  > ${m("No.")}
:::

::: keypoints
- ${m("Warn, then say it plainly.")}
- ${m("Check with an open question.")}
:::
`;
}

const feedbackYaml = () => `intro: ${loc("Tell us how it went")}
questions:
  - id: useful
    kind: rating
    text: ${loc("How useful was it?")}
    low: ${loc("Not useful")}
    high: ${loc("Very useful")}
  - id: better
    kind: text
    text: ${loc("One thing to do better")}
`;

/** Every file of the pseudo course, by path relative to the course folder. */
export async function pseudoCourseFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>([
    ["framework/course.yaml", courseYaml()],
    ["framework/framework.yaml", frameworkYaml()],
    ["framework/reflection.yaml", reflectionYaml()],
    ["framework/glossary.yaml", glossaryYaml()],
    ["framework/feedback.yaml", feedbackYaml()],
    ["modules/defaults.yaml", defaultsYaml()],
  ]);
  for (const locale of PSEUDO_LOCALES) {
    const m = (text: string) => mark(text, locale);
    files.set(`modules/telling/${locale}.md`, moduleMd(locale));
    files.set(
      `pages/home.${locale}.md`,
      `${m("Welcome to the pseudo course.")} *${m("Start anywhere.")}*\n`,
    );
    files.set(
      `pages/about.${locale}.md`,
      `## ${m("Who wrote it")}\n\n${m("The pseudo authors.")}\n`,
    );
    files.set(`i18n/${locale}.yaml`, await pseudoInterfaceFile(locale));
  }
  return files;
}

/** Writes the pseudo course into `dir`. */
export async function writePseudoCourse(dir: string): Promise<void> {
  for (const [file, text] of await pseudoCourseFiles()) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
}
