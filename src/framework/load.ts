import { access } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { ValidationError, type Finding } from "../errors.ts";
import { checkFramework, findingAt } from "./cross-checks.ts";
import { noteMissingSiteUrl } from "./site-url-note.ts";
import { checkShortTitle } from "./short-title-check.ts";
import {
  courseSettingsSchema,
  frameworkSchema,
  LOCALE_PATTERN,
  type CourseSettings,
  type FrameworkData,
} from "./schema.ts";
import { suggest } from "../text/did-you-mean.ts";
import { findingsFromZod } from "./zod-findings.ts";
import { readYamlSource, type YamlSource } from "./yaml-source.ts";
import type { YamlReadCaches } from "./yaml-parse-cache.ts";

export const COURSE_FILE = "framework/course.yaml";
export const FRAMEWORK_FILE = "framework/framework.yaml";

/** Collects findings across files so every problem is reported together. */
export class FindingCollector {
  readonly findings: Finding[] = [];
  add(...items: Finding[]): void {
    this.findings.push(...items);
  }
  get hasErrors(): boolean {
    return this.findings.some((f) => f.severity === "error");
  }
  get warnings(): Finding[] {
    return this.findings.filter((f) => f.severity === "warning");
  }
  get notes(): Finding[] {
    return this.findings.filter((f) => f.severity === "note");
  }
  /** Errors and warnings: what a failed load reports (notes only matter once the course loads). */
  get problems(): Finding[] {
    return this.findings.filter((f) => f.severity !== "note");
  }
}

/**
 * Reads a YAML file, reporting a missing file or a syntax error as a finding. With `caches` (serving),
 * a file whose text has not changed since the last load is not parsed again.
 */
export async function openYaml(
  courseDir: string,
  file: string,
  found: FindingCollector,
  required = true,
  caches?: YamlReadCaches,
): Promise<YamlSource | undefined> {
  const abs = join(courseDir, file);
  try {
    await access(abs);
  } catch {
    if (required)
      found.add({
        file,
        line: 1,
        column: 1,
        dataPath: "",
        message: `The file ${file} is missing`,
        hint: `Create ${file}; the default course's copy shows every key with a comment.`,
        severity: "error",
      });
    return undefined;
  }
  const source = await readYamlSource(abs, courseDir, caches);
  found.add(...source.syntaxFindings);
  return source.syntaxFindings.length ? undefined : source;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
  found: FindingCollector,
): z.output<S> | undefined {
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return result.data;
  found.add(...findingsFromZod(result.error, schema, source));
  return undefined;
}

/** The locales a course declares, read leniently so other files can be checked against them; none when unreadable. */
export function declaredLocales(source: YamlSource | undefined): string[] {
  const raw = (source?.data as { locales?: unknown } | undefined)?.locales;
  return Array.isArray(raw)
    ? raw.filter((l): l is string => typeof l === "string" && LOCALE_PATTERN.test(l))
    : [];
}

export interface FrameworkFiles {
  settings: CourseSettings;
  framework: FrameworkData;
  locales: string[];
  /** The parsed files, for findings that point into them. */
  courseSource: YamlSource;
  frameworkSource: YamlSource;
}

/** Loads course settings and the framework; returns undefined when any of it is invalid. */
export async function loadFrameworkFiles(
  courseDir: string,
  found: FindingCollector,
  caches?: YamlReadCaches,
): Promise<FrameworkFiles | undefined> {
  const courseSource = await openYaml(courseDir, COURSE_FILE, found, true, caches);
  const locales = declaredLocales(courseSource);
  const settings = courseSource && parseWith(courseSettingsSchema(locales), courseSource, found);
  if (courseSource) found.add(...checkSettings(courseSource, locales));
  if (courseSource && settings)
    found.add(
      ...noteMissingSiteUrl(courseSource, settings),
      ...checkShortTitle(courseSource, settings),
    );

  const frameworkSource = await openYaml(courseDir, FRAMEWORK_FILE, found, true, caches);
  let framework: FrameworkData | undefined;
  if (frameworkSource) {
    framework = parseWith(frameworkSchema(locales), frameworkSource, found);
    found.add(...checkFramework(frameworkSource));
  }
  if (courseSource && settings && framework)
    found.add(...checkProgramme(courseSource, settings, framework));
  return courseSource && frameworkSource && settings && framework
    ? { settings, framework, locales, courseSource, frameworkSource }
    : undefined;
}

/** Checks read from the raw data, so they run even when another key of course.yaml is wrong. */
function checkSettings(source: YamlSource, locales: string[]): Finding[] {
  const out: Finding[] = [];
  const raw = (source.data ?? {}) as { defaultLocale?: unknown; locales?: unknown };
  if (
    typeof raw.defaultLocale === "string" &&
    locales.length &&
    !locales.includes(raw.defaultLocale)
  ) {
    const guess = suggest(raw.defaultLocale, locales);
    out.push(
      findingAt(
        source,
        ["defaultLocale"],
        `The default locale \`${raw.defaultLocale}\` is not in \`locales\``,
        guess ? `Did you mean \`${guess}\`?` : `Use one of: ${locales.join(", ")}.`,
      ),
    );
  }
  out.push(...checkOwnFramework(source), ...checkCaseSettings(source));
  const listed = Array.isArray(raw.locales) ? (raw.locales as unknown[]) : [];
  listed.forEach((l, i) => {
    if (listed.indexOf(l) !== i)
      out.push(
        findingAt(
          source,
          ["locales", i],
          `Locale \`${String(l)}\` is listed twice`,
          "Remove the second one.",
        ),
      );
  });
  return out;
}

/** A course without a published `source` cites its own framework, so it must say which version and when. */
function checkOwnFramework(source: YamlSource): Finding[] {
  const raw = (source.data ?? {}) as Record<string, unknown>;
  if (raw.source !== undefined) return [];
  return (["version", "published"] as const)
    .filter((key) => raw[key] === undefined)
    .map((key) =>
      findingAt(
        source,
        [],
        `Without a published \`source\`, course.yaml must give \`${key}\``,
        key === "version"
          ? 'Add `version: "1.0"` (the version of your framework), or add `source:` if it is a published framework.'
          : "Add `published: 2026-11-15` (the date this version of your framework was published).",
      ),
    );
}

/** Each case setting id once. */
function checkCaseSettings(source: YamlSource): Finding[] {
  const raw = (source.data ?? {}) as { caseSettings?: unknown };
  const ids = Array.isArray(raw.caseSettings)
    ? raw.caseSettings.map((s) =>
        s && typeof s === "object" ? (s as { id?: unknown }).id : undefined,
      )
    : [];
  return ids.flatMap((id, i) =>
    typeof id === "string" && ids.indexOf(id) !== i
      ? [
          findingAt(
            source,
            ["caseSettings", i, "id"],
            `Case setting \`${id}\` is listed twice`,
            "Give each case setting its own id.",
          ),
        ]
      : [],
  );
}

/** The optional explicit teaching order must name each trainable competency once. */
function checkProgramme(
  source: YamlSource,
  settings: CourseSettings,
  framework: FrameworkData,
): Finding[] {
  if (!settings.programme) return [];
  const trainable = framework.layers.flatMap((l) =>
    l.competencies.filter((c) => c.trainable).map((c) => c.id),
  );
  const out: Finding[] = [];
  settings.programme.forEach((id, i) => {
    if (!trainable.includes(id)) {
      const guess = suggest(id, trainable);
      out.push(
        findingAt(
          source,
          ["programme", i],
          `\`${id}\` is not a trainable competency, so the programme order cannot place it`,
          guess
            ? `Did you mean \`${guess}\`?`
            : `List only trainable competencies: ${trainable.join(", ")}.`,
        ),
      );
    } else if (settings.programme!.indexOf(id) !== i) {
      out.push(
        findingAt(
          source,
          ["programme", i],
          `\`${id}\` is listed twice in the programme`,
          "Keep one.",
        ),
      );
    }
  });
  const missing = trainable.filter((id) => !settings.programme!.includes(id));
  if (missing.length)
    out.push(
      findingAt(
        source,
        ["programme"],
        `The programme order leaves out ${missing.map((m) => `\`${m}\``).join(", ")}`,
        "List every trainable competency once, or remove `programme:` to use the framework's order.",
      ),
    );
  return out;
}

export function throwIfErrors(found: FindingCollector): void {
  if (found.hasErrors) throw new ValidationError(found.problems);
}
