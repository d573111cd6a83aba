import type { Finding } from "../errors.ts";
import type { Competency } from "../framework/schema.ts";
import { findingAt } from "../framework/cross-checks.ts";
import { parseWith, type FindingCollector, type FrameworkFiles } from "../framework/load.ts";
import { parseYamlSource } from "../framework/yaml-source.ts";
import { analyseBody } from "./body/analyse-body.ts";
import { moduleFrontMatterSchema, splitFrontMatter } from "./front-matter.ts";
import type { createModuleMarkdown } from "./markdown.ts";
import { checkReview } from "./review-status.ts";
import { checkReviewedContent } from "./review-change.ts";
import { contentFingerprint } from "./review-fingerprint.ts";
import { computeSessionPlan } from "./session-plan.ts";
import type { ModuleVersion } from "./types.ts";

const PLACEHOLDER = /\bTODO\b/;
const FRONT_MATTER_SCHEMA = moduleFrontMatterSchema();

/** What the analysis of every version of a course reads besides its own file. */
export interface VersionContext {
  defaults: {
    duration?: number;
    audience?: Record<string, string | undefined>;
    prerequisites?: Record<string, string | undefined>;
  };
  /** Interface text per locale. */
  ui: Record<string, Record<string, string>>;
  caseSettings: FrameworkFiles["settings"]["caseSettings"];
  reviewSettings?: FrameworkFiles["settings"]["review"];
}

/** One module file to analyse: its text, where it is, and the competency it is for. */
export interface VersionTask {
  text: string;
  file: string;
  locale: string;
  competency: Competency;
}

export function fileFinding(
  file: string,
  message: string,
  hint: string,
  line = 1,
  severity: Finding["severity"] = "error",
): Finding {
  return { file, line, column: 1, dataPath: "", message, hint, severity };
}

/**
 * Checks one module file against the framework and renders its learner and guide views; adds what
 * it finds to `found`. A plain copy (no function, no shared string), so that it can be sent between
 * threads and keeps no piece of the file's text alive.
 */
export function analyseVersion(
  task: VersionTask,
  context: VersionContext,
  md: ReturnType<typeof createModuleMarkdown>,
  found: FindingCollector,
): ModuleVersion | undefined {
  const { text: raw, file, locale, competency } = task;
  const { defaults, caseSettings, reviewSettings } = context;
  const ui = context.ui[locale] ?? context.ui.en ?? {};
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
  if (front.competency !== competency.id) {
    found.add(
      findingAt(
        source,
        ["competency"],
        `This module says it is for \`${front.competency}\`, but it sits in the folder of \`${competency.id}\``,
        `Set \`competency: ${competency.id}\`, or move the file to modules/${front.competency}/.`,
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
    categoryTitles: new Map(competency.categories.map((c) => [c.id, c.title[locale] ?? c.id])),
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
      moduleId: competency.id,
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
