import { access, mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CourseError } from "../errors.ts";
import { CURRENT_FORMAT } from "./course-format.ts";
import { courseRepositoryFiles } from "./course-repository.ts";
import { COURSE_FILE, FindingCollector, FRAMEWORK_FILE } from "../framework/load.ts";
import { LOCALE_PATTERN } from "../framework/schema.ts";
import { COURSE_UI_DIR, listEngineLocales, readEngineStrings } from "../framework/ui-strings.ts";
import { moduleSkeleton } from "../modules/scaffold.ts";
import { COURSE_PAGES_DIR } from "./course-pages.ts";
import { localeTemplate } from "./new-locale.ts";

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

const COMPETENCY = "first-competency";
const LAYER = "professional-skills";

/** A text in every locale, marked TODO so validation lists it until it is written. */
function todo(locales: string[], english: string, indent: string): string {
  return locales.map((l) => `\n${indent}${l}: ${JSON.stringify(`TODO ${english}`)}`).join("");
}

function courseYaml(locales: string[], today: string): string {
  return `# Course settings: title, languages and publishing options. Every key is explained on the built
# site's "For trainers" page. Replace each TODO, then run \`npm run validate\`.

# The course format these files are written in. When the engine moves on, \`npm run migrate\`
# converts the course (the engine's CHANGELOG.md says what changed).
format: ${CURRENT_FORMAT}

title:${todo(locales, "The course title", "  ")}
subtitle:${todo(locales, "Who the course is for, in one line", "  ")}
organisation:${todo(locales, "Your hospital or department", "  ")}

# The languages of the course; the first one below is the one visitors see first.
locales:
${locales.map((l) => `  - ${l}`).join("\n")}
defaultLocale: ${locales[0]}
pathPrefix: /

licence:
  name: CC BY 4.0
  url: https://creativecommons.org/licenses/by/4.0/

# Your own framework: its version and publication date. If the framework is a published one, replace
# these two lines with \`source:\` (authors, title, journal, year, doi).
version: "0.1"
published: ${today}

# The kinds of place your cases happen in; a module's case names one with \`::: case setting=<id>\`.
caseSettings:
  - id: clinic
    label:${todo(locales, "Clinic", "      ")}

# Where learners can get support (shown beside reflection prompts that may weigh on them).
support:${todo(locales, "Your hospital's staff support service and how to reach it", "  ")}

paperSize: A4
`;
}

function frameworkYaml(locales: string[]): string {
  return `# The competency framework: layers from the core outwards, each with its competencies. Mark each
# item's provenance: \`paper\` if your source framework names it, \`course\` if you added it.

scale:
  title:${todo(locales, "Proficiency", "    ")}
  provenance: course
  target: proficient
  levels:
    - id: developing
      title:${todo(locales, "Developing", "        ")}
      summary:${todo(locales, "What a developing practitioner does", "        ")}
    - id: proficient
      title:${todo(locales, "Proficient", "        ")}
      summary:${todo(locales, "What a proficient practitioner does", "        ")}

layers:
  - id: ${LAYER}
    title:${todo(locales, "The layer's name", "      ")}
    summary:${todo(locales, "What the layer is about", "      ")}
    treatment: train
    assessed: true
    # colour (optional): the layer's colour in the onion and on its pages, e.g. "#1d5b8f".
    provenance: course
    competencies:
      - id: ${COMPETENCY}
        title:${todo(locales, "The competency's name", "          ")}
        summary:${todo(locales, "What the competency is about", "          ")}
        provenance: course
        trainable: true
        levels:
          developing:${todo(locales, "What this competency looks like at the developing level", "            ")}
          proficient:${todo(locales, "What this competency looks like at the proficient level", "            ")}
`;
}

function reflectionYaml(locales: string[]): string {
  return `# Reflection prompts, each at one stage of a reflective model (the model's stages are data).

model:
  id: reflective-model
  title:${todo(locales, "The reflective model you use", "    ")}
  summary:${todo(locales, "How the prompts are arranged", "    ")}
  citation: "TODO The reference of the reflective model"
  stages:
    - id: describe
      title:${todo(locales, "Describe", "        ")}
      hint:${todo(locales, "What happened?", "        ")}
    - id: plan
      title:${todo(locales, "Plan", "        ")}
      hint:${todo(locales, "What will you do next time?", "        ")}

prompts:
  - id: first-prompt
    about: ${COMPETENCY}
    stage: describe
    modules: [${COMPETENCY}]
    provenance: course
    text:${todo(locales, "A question for learners to think about", "      ")}
`;
}

/** The starter's feedback questions (Kirkpatrick level 1), in the languages the engine ships. */
const FEEDBACK_TEXT: Record<string, Record<string, string>> = {
  relevance: {
    en: "How relevant was this session to your work?",
    "zh-CN": "本次培训的内容与你的日常工作相关吗？",
    "zh-TW": "本次課程的內容與你的日常工作相關嗎？",
  },
  "relevance.low": { en: "Not relevant", "zh-CN": "基本无关", "zh-TW": "幾乎無關" },
  "relevance.high": { en: "Highly relevant", "zh-CN": "非常相关", "zh-TW": "非常相關" },
  clarity: {
    en: "How clear were the explanations and activities?",
    "zh-CN": "讲解和练习清楚易懂吗？",
    "zh-TW": "講解和練習清楚易懂嗎？",
  },
  "clarity.low": { en: "Hard to follow", "zh-CN": "很难跟上", "zh-TW": "很難跟上" },
  "clarity.high": { en: "Very clear", "zh-CN": "非常清楚", "zh-TW": "非常清楚" },
  confidence: {
    en: "How confident do you feel now to do what the session practised?",
    "zh-CN": "对于今天练习的内容，你现在有多大把握自己做好？",
    "zh-TW": "對於今天練習的內容，你現在有多大把握自己做好？",
  },
  "confidence.low": { en: "Not confident", "zh-CN": "没有把握", "zh-TW": "沒有把握" },
  "confidence.high": { en: "Very confident", "zh-CN": "很有把握", "zh-TW": "很有把握" },
  intent: {
    en: "How likely are you to apply it in your work in the next month?",
    "zh-CN": "接下来一个月，你在工作中用上今天所学的可能性有多大？",
    "zh-TW": "接下來一個月，你在工作中用上今天所學的可能性有多大？",
  },
  "intent.low": { en: "Unlikely", "zh-CN": "不太可能", "zh-TW": "不太可能" },
  "intent.high": { en: "Certainly", "zh-CN": "一定会用", "zh-TW": "一定會用" },
  improve: {
    en: "One thing that would make this session better",
    "zh-CN": "如果只提一条建议，你希望这次培训在哪方面改进？",
    "zh-TW": "如果只提一個建議，你希望這次課程在哪方面改進？",
  },
};

function feedbackYaml(locales: string[]): string {
  const texts = (key: string, indent: string) =>
    locales
      .map((l) => {
        const own = FEEDBACK_TEXT[key]?.[l];
        const english = FEEDBACK_TEXT[key]?.en ?? key;
        return `\n${indent}${l}: ${JSON.stringify(own ?? `TODO ${english}`)}`;
      })
      .join("");
  const rating = (id: string) => `  - id: ${id}
    kind: rating
    text:${texts(id, "      ")}
    low:${texts(`${id}.low`, "      ")}
    high:${texts(`${id}.high`, "      ")}
`;
  return `# The end-of-session feedback form: learners' reaction to a session (level 1 of Kirkpatrick's four
# levels: reaction, learning, behaviour, results). Learners answer it on the page "Hand over to your
# facilitator" and hand it over anonymously with a QR code or a file; the facilitators' cohort page
# adds the answers up and shows nothing for fewer than \`minimumGroup\` people (5 or more).
# kind: rating (1 to 5, with what 1 and 5 mean) or text (one short answer, at most 140 characters;
# at most one). Optional file: delete it and learners hand over only their self-assessments.

minimumGroup: 5

questions:
${["relevance", "clarity", "confidence", "intent"].map(rating).join("\n")}
  - id: improve
    kind: text
    text:${texts("improve", "      ")}
`;
}

/** Every file of a starter course, by path relative to the course folder. */
export async function starterCourseFiles(
  locales: string[],
  today: string,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set(COURSE_FILE, courseYaml(locales, today));
  files.set(FRAMEWORK_FILE, frameworkYaml(locales));
  files.set("framework/reflection.yaml", reflectionYaml(locales));
  files.set("framework/feedback.yaml", feedbackYaml(locales));
  const shipped = await listEngineLocales();
  const english = await readEngineStrings("en", new FindingCollector());
  for (const locale of locales) {
    const own = shipped.includes(locale)
      ? await readEngineStrings(locale, new FindingCollector())
      : {};
    const t = (key: string) => own[key] ?? english[key] ?? key;
    files.set(
      `modules/${COMPETENCY}/${locale}.md`,
      moduleSkeleton(COMPETENCY, "", [], t, "clinic"),
    );
    files.set(
      `${COURSE_PAGES_DIR}/home.${locale}.md`,
      "TODO Introduce the course: who it is for, what it trains, and the framework it is built on.\n",
    );
    files.set(
      `${COURSE_PAGES_DIR}/about.${locale}.md`,
      "TODO Say who wrote the course, where its framework comes from, and what the course authors added.\n",
    );
    if (!shipped.includes(locale))
      files.set(`${COURSE_UI_DIR}/${locale}.yaml`, await localeTemplate(locale));
  }
  return files;
}

/**
 * Writes a starter course into `dir` as a repository of its own: one layer, one competency, one
 * module, reflection prompts, the home and About texts, interface text for languages the engine does
 * not ship, and package.json, README, .gitignore and CI workflow (see course-repository.ts). Every text to
 * write is marked TODO. Existing files are never overwritten without `force`.
 */
export async function writeStarterCourse(
  dir: string | undefined,
  localeList: string | undefined,
  force = false,
  today = new Date().toISOString().slice(0, 10),
  engine?: string,
): Promise<string[]> {
  if (!dir)
    throw new CourseError("Name the folder: `npm run new-course -- <folder> [--locales en,fr]`.");
  const locales = (localeList ?? "en")
    .split(",")
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = locales.filter((l) => !LOCALE_PATTERN.test(l));
  if (bad.length || !locales.length)
    throw new CourseError(
      `\`${bad.join(", ") || localeList}\` is not a list of language codes such as \`en,fr\`.`,
    );
  if (new Set(locales).size !== locales.length)
    throw new CourseError("A language is listed twice in --locales.");
  const files = await starterCourseFiles(locales, today);
  for (const [file, text] of courseRepositoryFiles(basename(dir), engine)) files.set(file, text);
  if (!force) {
    const present = [];
    for (const file of files.keys()) if (await exists(join(dir, file))) present.push(file);
    if (present.length)
      throw new CourseError(
        `${dir} already has ${present.join(", ")}; nothing was written. Pass --force to overwrite them.`,
      );
  }
  for (const [file, text] of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return [...files.keys()];
}
