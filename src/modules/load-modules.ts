import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../errors.ts";
import { findingAt } from "../framework/cross-checks.ts";
import {
  FRAMEWORK_FILE,
  openYaml,
  parseWith,
  type FindingCollector,
  type FrameworkFiles,
} from "../framework/load.ts";
import { listCompetencies } from "../framework/competencies.ts";
import { suggest } from "../text/did-you-mean.ts";
import { parseYamlSource } from "../framework/yaml-source.ts";
import { readCourseText } from "../security/read-course-file.ts";
import type { CourseTextCache } from "../security/course-text-cache.ts";
import { analyseBody } from "./body/analyse-body.ts";
import { moduleDefaultsSchema, moduleFrontMatterSchema, splitFrontMatter } from "./front-matter.ts";
import { createModuleMarkdown } from "./markdown.ts";
import { courseAnswerCueFindings } from "./answer-cues.ts";
import { compareStructure } from "./parity.ts";
import { checkReview, todayIso } from "./review-status.ts";
import { checkReviewedContent } from "./review-change.ts";
import { contentFingerprint } from "./review-fingerprint.ts";
import { computeSessionPlan } from "./session-plan.ts";
import type { CourseModule, ModuleVersion } from "./types.ts";
import { ModuleVersionCache } from "./version-cache.ts";

export const MODULES_DIR = "modules";
export const DEFAULTS_FILE = "modules/defaults.yaml";
const PLACEHOLDER = /\bTODO\b/;
const FRONT_MATTER_SCHEMA = moduleFrontMatterSchema();

const exists = (path: string) =>
  stat(path).then(
    (s) => s,
    () => undefined,
  );

/**
 * Loads one module per trainable competency and locale, checks each against the framework and the
 * default locale's version, and renders the learner and guide views.
 */
export async function loadModules(
  courseDir: string,
  files: FrameworkFiles,
  found: FindingCollector,
  ui: Record<string, Record<string, string>> = {},
  cache?: ModuleVersionCache,
  textCache?: CourseTextCache,
): Promise<CourseModule[]> {
  const { framework, settings, locales } = files;
  const entries = listCompetencies(framework);
  const trainable = entries.filter((e) => e.competency.trainable);
  const defaultsSource = await openYaml(courseDir, DEFAULTS_FILE, found, false);
  const defaults =
    (defaultsSource && parseWith(moduleDefaultsSchema(locales), defaultsSource, found)) ?? {};

  // Folders that do not match a trainable competency.
  const dirs = (
    await readdir(join(courseDir, MODULES_DIR), { withFileTypes: true }).catch(() => [])
  )
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const byId = new Map(entries.map((e) => [e.competency.id, e]));
  for (const dir of dirs) {
    const entry = byId.get(dir);
    const file = `${MODULES_DIR}/${dir}/`;
    if (!entry) {
      const guess = suggest(
        dir,
        trainable.map((e) => e.competency.id),
      );
      found.add(
        fileFinding(
          file,
          `The folder \`${dir}\` does not name a competency of the framework`,
          guess
            ? `Did you mean \`${guess}\`? Rename the folder.`
            : `Module folders are named after trainable competencies: ${trainable.map((e) => e.competency.id).join(", ")}.`,
        ),
      );
    } else if (!entry.competency.trainable) {
      const where = files.frameworkSource.locate([
        "layers",
        entry.layerIndex,
        "competencies",
        entry.layer.competencies.indexOf(entry.competency),
        "trainable",
      ]);
      found.add(
        fileFinding(
          file,
          `\`${dir}\` has a module, but the competency is not trainable`,
          `Set \`trainable: true\` for it in ${FRAMEWORK_FILE} (line ${where.line}), or remove the folder modules/${dir}/.`,
        ),
      );
    }
    for (const name of await readdir(join(courseDir, MODULES_DIR, dir))) {
      const locale = name.replace(/\.md$/, "");
      if (name.endsWith(".md") && !locales.includes(locale)) {
        const guess = suggest(locale, locales);
        found.add(
          fileFinding(
            `${file}${name}`,
            `\`${locale}\` is not a locale of this course`,
            guess
              ? `Did you mean \`${guess}.md\`?`
              : `Name module files after the course's locales: ${locales.map((l) => `${l}.md`).join(", ")}.`,
          ),
        );
      }
    }
  }

  const md = createModuleMarkdown();
  const order = settings.programme ?? trainable.map((e) => e.competency.id);
  const trainableById = new Map(trainable.map((e) => [e.competency.id, e]));
  // Every module file is read at once (the disk works while the first ones are analysed); the
  // analysis below runs in order, so findings come in the same order as before.
  const reads = new Map(
    order.flatMap((id) =>
      trainableById.has(id)
        ? locales.map((locale) => {
            const file = `${MODULES_DIR}/${id}/${locale}.md`;
            const read = exists(join(courseDir, file)).then((found) =>
              found ? readCourseText(courseDir, file, textCache) : undefined,
            );
            // Awaited in the loop below; this only keeps an early failure from going unhandled.
            read.catch(() => {});
            return [file, read] as const;
          })
        : [],
    ),
  );
  const modules: CourseModule[] = [];
  for (const id of order) {
    const entry = trainableById.get(id);
    if (!entry) continue;
    const versions: Record<string, ModuleVersion> = {};
    for (const locale of locales) {
      const file = `${MODULES_DIR}/${id}/${locale}.md`;
      const read = await reads.get(file);
      if (!read) {
        found.add(
          fileFinding(
            file,
            `The trainable competency \`${id}\` has no module in \`${locale}\``,
            `Create ${file} (run \`npm run new-module -- ${id}\` to scaffold every locale), or set \`trainable: false\` in ${FRAMEWORK_FILE}.`,
          ),
        );
        continue;
      }
      const localeUi = ui[locale] ?? ui.en ?? {};
      const analyse = (into: FindingCollector) =>
        loadVersion(
          read,
          file,
          locale,
          entry,
          defaults,
          md,
          localeUi,
          settings.caseSettings,
          into,
          settings.review,
        );
      const version =
        cache && read.text !== undefined
          ? cache.get(
              {
                file,
                text: read.text,
                context: contextOf(locale, entry, defaults, localeUi, settings),
              },
              analyse,
              found,
            )
          : analyse(found);
      if (version) versions[locale] = version;
    }
    const base = versions[settings.defaultLocale];
    // A version whose blocks have errors is reported for those; comparing it would blame the other file.
    if (base && !base.hasBlockErrors)
      for (const locale of locales) {
        const other = versions[locale];
        if (locale !== settings.defaultLocale && other && !other.hasBlockErrors)
          found.add(...compareStructure(base, other));
      }
    if (Object.keys(versions).length === locales.length)
      modules.push({ competencyId: id, layerId: entry.layer.id, versions });
  }
  found.add(
    ...courseAnswerCueFindings(
      Object.fromEntries(locales.map((l) => [l, modules.map((m) => m.versions[l]!)])),
    ),
  );
  return modules;
}

/** What the analysis of a version reads besides its file, for the cache's key (memoised per load). */
const contexts = new WeakMap<object, Map<string, string>>();
function contextOf(
  locale: string,
  entry: ReturnType<typeof listCompetencies>[number],
  defaults: object,
  ui: Record<string, string>,
  settings: FrameworkFiles["settings"],
): string {
  let byLocale = contexts.get(ui);
  if (!byLocale) contexts.set(ui, (byLocale = new Map()));
  let shared = byLocale.get(locale);
  if (!shared) {
    // Review status depends on the day, too.
    const today = todayIso();
    shared = ModuleVersionCache.context([
      locale,
      today,
      defaults,
      ui,
      settings.caseSettings,
      settings.review,
    ]);
    byLocale.set(locale, shared);
  }
  // Not hashed: a thousand modules' digests took longer than comparing the text.
  return `${shared}:${JSON.stringify(entry.competency)}`;
}

function fileFinding(
  file: string,
  message: string,
  hint: string,
  line = 1,
  severity: Finding["severity"] = "error",
): Finding {
  return { file, line, column: 1, dataPath: "", message, hint, severity };
}

function loadVersion(
  read: Awaited<ReturnType<typeof readCourseText>>,
  file: string,
  locale: string,
  entry: ReturnType<typeof listCompetencies>[number],
  defaults: {
    duration?: number;
    audience?: Record<string, string | undefined>;
    prerequisites?: Record<string, string | undefined>;
  },
  md: ReturnType<typeof createModuleMarkdown>,
  ui: Record<string, string>,
  caseSettings: FrameworkFiles["settings"]["caseSettings"],
  found: FindingCollector,
  reviewSettings?: FrameworkFiles["settings"]["review"],
): ModuleVersion | undefined {
  if (read.finding) {
    found.add(read.finding);
    return undefined;
  }
  const raw = read.text;
  // Most files have none: only a file with a TODO is split into lines to say where.
  if (PLACEHOLDER.test(raw))
    raw.split("\n").forEach((line, i) => {
      if (PLACEHOLDER.test(line))
        found.add(
          fileFinding(
            file,
            "Unfinished placeholder (TODO)",
            "Replace the TODO with the real content; strict validation (npm test) treats this as an error.",
            i + 1,
            "warning",
          ),
        );
    });
  const split = splitFrontMatter(raw);
  if (!split) {
    found.add(
      fileFinding(
        file,
        "The module has no front matter",
        "Start the file with a `---` line, the module's settings (competency, title, objectives, …), and another `---` line. See modules/README.md.",
      ),
    );
    return undefined;
  }
  const source = parseYamlSource(split.frontMatter, file, 1);
  found.add(...source.syntaxFindings);
  if (source.syntaxFindings.length) return undefined;
  const data = {
    duration: defaults.duration,
    audience: defaults.audience?.[locale],
    prerequisites: defaults.prerequisites?.[locale],
    ...(source.data as object),
  };
  const front = parseWith(FRONT_MATTER_SCHEMA, { ...source, data }, found);
  if (!front) return undefined;
  if (front.competency !== entry.competency.id) {
    found.add(
      findingAt(
        source,
        ["competency"],
        `This module says it is for \`${front.competency}\`, but it sits in the folder of \`${entry.competency.id}\``,
        `Set \`competency: ${entry.competency.id}\`, or move the file to modules/${front.competency}/.`,
      ),
    );
  }
  const keys = front.references.map((r) => r.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i)
      found.add(
        findingAt(
          source,
          ["references", i, "key"],
          `Duplicate reference key \`${k}\``,
          "Give each reference its own key.",
        ),
      );
  });
  const materialIds = front.materials.map((m) => m.id);
  materialIds.forEach((m, i) => {
    if (materialIds.indexOf(m) !== i)
      found.add(
        findingAt(
          source,
          ["materials", i, "id"],
          `Duplicate material id \`${m}\``,
          "List each material once; activities name it by id as often as they need it.",
        ),
      );
  });
  const findings: Finding[] = [];
  const body = analyseBody(split.body, {
    md,
    file,
    lineOffset: split.bodyLineOffset,
    locale,
    ui,
    categoryTitles: new Map(
      entry.competency.categories.map((c) => [c.id, c.title[locale] ?? c.id]),
    ),
    caseSettings: new Map(caseSettings.map((s) => [s.id, s.label[locale] ?? s.id])),
    referenceNumbers: new Map(front.references.map((r, i) => [r.key, i + 1])),
    objectives: front.objectives,
    materials: new Map(front.materials.map((m) => [m.id, m])),
    findings,
  });
  found.add(
    ...findings,
    ...checkReview(source, front.review),
    ...checkReviewedContent(source, front.review, {
      fileText: raw,
      moduleId: entry.competency.id,
      locale,
      authoringTeam: reviewSettings?.authoringTeam,
    }),
  );
  const usedIds = new Set(body.activities.flatMap((a) => a.materialIds));
  front.materials.forEach((m, i) => {
    if (!usedIds.has(m.id))
      found.add(
        findingAt(
          source,
          ["materials", i, "id"],
          `The material \`${m.id}\` is listed but no activity uses it`,
          `Name it in an activity (\`::: activity … materials="${m.id}"\`) or remove it from \`materials:\`.`,
          "warning",
        ),
      );
  });
  const plan = computeSessionPlan(body.activities, front.duration);
  if (body.activities.length && plan.mismatch)
    found.add(
      findingAt(
        source,
        ["duration"],
        plan.mismatch,
        `Change \`duration\` to ${plan.total}, or the activities' minutes so they add up to ${front.duration}.`,
      ),
    );
  if (!body.activities.length)
    found.add(
      fileFinding(
        file,
        "The module has no activities, so no session plan can be made",
        "Add `::: activity minutes=…` blocks for the parts of the session.",
        split.bodyLineOffset + 1,
      ),
    );
  const durationLine =
    (source.data as { duration?: unknown }).duration === undefined
      ? 1
      : source.locate(["duration"]).line;
  const hasBlockErrors = findings.some((f) => f.severity === "error");
  const materialsLine = front.materials.length ? source.locate(["materials"], true).line : 1;
  const reviewCoversContent =
    !!front.review?.fingerprint && front.review.fingerprint === contentFingerprint(raw);
  // A copy, kept to the end of the build: the version's text is made of pieces of the file and of
  // the Markdown parse (titles are slices of the file's text, rendered HTML is joined from many
  // small strings), each holding what it came from. Copied, each string is one piece of its own:
  // about a quarter less memory for the model (226 to 173 MB at 512 competencies, output the same).
  return structuredClone({
    locale,
    file,
    ...front,
    ...body,
    reviewCoversContent,
    durationLine,
    materialsLine,
    hasBlockErrors,
  });
}
