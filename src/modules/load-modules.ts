import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../errors.ts";
import {
  FRAMEWORK_FILE,
  FindingCollector,
  openYaml,
  parseWith,
  type FrameworkFiles,
} from "../framework/load.ts";
import { listCompetencies } from "../framework/competencies.ts";
import { suggest } from "../text/did-you-mean.ts";
import { readCourseText } from "../security/read-course-file.ts";
import type { CourseTextCache } from "../security/course-text-cache.ts";
import { analyseVersions, type AnalysedVersion, type AnalysisThreads } from "./analyse-versions.ts";
import { moduleDefaultsSchema } from "./front-matter.ts";
import {
  analyseVersion,
  fileFinding,
  type VersionContext,
  type VersionTask,
} from "./load-version.ts";
import { createModuleMarkdown } from "./markdown.ts";
import { courseAnswerCueFindings } from "./answer-cues.ts";
import { compareStructure } from "./parity.ts";
import { todayIso } from "./review-status.ts";
import type { CourseModule, ModuleVersion } from "./types.ts";
import { ModuleVersionCache } from "./version-cache.ts";

export const MODULES_DIR = "modules";
export const DEFAULTS_FILE = "modules/defaults.yaml";

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
  threads?: AnalysisThreads,
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

  const order = settings.programme ?? trainable.map((e) => e.competency.id);
  const trainableById = new Map(trainable.map((e) => [e.competency.id, e]));
  // Every module file is read at once (the disk works while the first ones are analysed).
  const reads = new Map(
    order.flatMap((id) =>
      trainableById.has(id)
        ? locales.map((locale) => {
            const file = `${MODULES_DIR}/${id}/${locale}.md`;
            const read = exists(join(courseDir, file)).then((found) =>
              found ? readCourseText(courseDir, file, textCache) : undefined,
            );
            // Awaited below; this only keeps an early failure from going unhandled.
            read.catch(() => {});
            return [file, read] as const;
          })
        : [],
    ),
  );
  let markdown: ReturnType<typeof createModuleMarkdown> | undefined;
  const md = () => (markdown ??= createModuleMarkdown());
  const context: VersionContext = {
    defaults,
    ui,
    caseSettings: settings.caseSettings,
    reviewSettings: settings.review,
  };
  // First every file's outcome (missing, unreadable, or a version to analyse), then the analyses
  // (on several threads for a large course), then the findings in the order of the files.
  type Step =
    | { kind: "finding"; finding: Finding }
    | { kind: "analyse"; task: VersionTask; analysed?: AnalysedVersion };
  const steps = new Map<string, Step>();
  const tasks: VersionTask[] = [];
  for (const id of order) {
    const entry = trainableById.get(id);
    if (!entry) continue;
    for (const locale of locales) {
      const file = `${MODULES_DIR}/${id}/${locale}.md`;
      const read = await reads.get(file);
      if (!read)
        steps.set(file, {
          kind: "finding",
          finding: fileFinding(
            file,
            `The trainable competency \`${id}\` has no module in \`${locale}\``,
            `Create ${file} (run \`npm run new-module -- ${id}\` to scaffold every locale), or set \`trainable: false\` in ${FRAMEWORK_FILE}.`,
          ),
        });
      else if (read.finding) steps.set(file, { kind: "finding", finding: read.finding });
      else {
        const task = { text: read.text, file, locale, competency: entry.competency };
        steps.set(file, { kind: "analyse", task });
        tasks.push(task);
      }
    }
  }
  const analysed = cache
    ? tasks.map((task) => {
        const local = new FindingCollector();
        const version = cache.get(
          {
            file: task.file,
            text: task.text,
            context: contextOf(
              task.locale,
              task.competency,
              defaults,
              ui[task.locale] ?? ui.en ?? {},
              settings,
            ),
          },
          (into) => analyseVersion(task, context, md(), into),
          local,
        );
        return { version, findings: local.findings };
      })
    : await analyseVersions(tasks, context, threads);
  tasks.forEach((task, i) => {
    const step = steps.get(task.file);
    if (step?.kind === "analyse") step.analysed = analysed[i];
  });

  const modules: CourseModule[] = [];
  for (const id of order) {
    const entry = trainableById.get(id);
    if (!entry) continue;
    const versions: Record<string, ModuleVersion> = {};
    for (const locale of locales) {
      const step = steps.get(`${MODULES_DIR}/${id}/${locale}.md`)!;
      if (step.kind === "finding") found.add(step.finding);
      else {
        found.add(...step.analysed!.findings);
        if (step.analysed!.version) versions[locale] = step.analysed!.version;
      }
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
  competency: VersionTask["competency"],
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
  return `${shared}:${JSON.stringify(competency)}`;
}
