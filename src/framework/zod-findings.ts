import type { z } from "zod";
import type { Finding } from "../errors.ts";
import { suggest } from "../text/did-you-mean.ts";
import { LOCALE_PATTERN } from "./schema.ts";
import { formatDataPath, type DataPath, type YamlSource } from "./yaml-source.ts";
import { kindOf, schemaAt, shapeKeys } from "./zod-schema-walk.ts";

type Issue = z.core.$ZodIssue;
/** Adds a finding at a data path (on its key rather than its value when `onKey`). */
type Report = (path: DataPath, message: string, hint: string, onKey?: boolean) => void;

const TYPE_HINTS: Record<string, string> = {
  string: "Write text here (put it in quotes if it contains `: ` or ` #`).",
  boolean: "Write `true` or `false`.",
  number: "Write a number.",
  array: "Write a list: one item per line, each starting with `- `.",
  object: "Write a block of `key: value` lines, indented under this key.",
};

/** Turns zod issues into findings that name the file, line, data path, problem and fix. */
export function findingsFromZod(
  error: z.ZodError,
  schema: z.ZodType,
  source: YamlSource,
): Finding[] {
  const out: Finding[] = [];
  const suggested = keysSuggestedByUnknownOnes(error, schema);
  const at: Report = (p, message, hint, onKey = false) =>
    out.push({
      file: source.file,
      ...source.locate(p, onKey),
      dataPath: formatDataPath(p),
      message,
      hint,
      severity: "error",
    });
  for (const issue of error.issues) {
    const path = pathOf(issue);
    if (issue.code === "unrecognized_keys") reportUnknownKeys(issue, schema, path, at);
    else if (
      (issue.code === "invalid_type" || issue.code === "invalid_value") &&
      valueAt(source.data, path) === undefined
    ) {
      if (!suggested.has(formatDataPath(path))) reportMissing(issue, schema, path, at);
    } else reportWrongValue(issue, schema, path, source, at);
  }
  return out;
}

const pathOf = (issue: Issue): DataPath =>
  issue.path.filter((p): p is string | number => typeof p !== "symbol");

function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const p of path)
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/**
 * A misspelt key is one mistake: when an unknown key suggests a missing one, only the former is
 * reported. The data paths of the keys the unknown ones suggest.
 */
function keysSuggestedByUnknownOnes(error: z.ZodError, schema: z.ZodType): Set<string> {
  const suggested = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const shape = shapeKeys(schemaAt(schema, pathOf(issue)));
    for (const k of issue.keys) {
      const guess = suggest(k, shape);
      if (guess) suggested.add(formatDataPath([...pathOf(issue), guess]));
    }
  }
  return suggested;
}

function reportUnknownKeys(
  issue: Extract<Issue, { code: "unrecognized_keys" }>,
  schema: z.ZodType,
  path: DataPath,
  at: Report,
): void {
  const here = schemaAt(schema, path);
  const shape = shapeKeys(here);
  const isLocale = kindOf(here) === "localized";
  for (const k of issue.keys) {
    const guess = suggest(k, shape);
    if (isLocale && !LOCALE_PATTERN.test(k)) {
      // `{ en: Doctors, nurses take part., zh-CN: … }`: the comma ended the text early.
      at(
        [...path, k],
        `The text before \`${k}\` seems to be cut at a comma`,
        'Inside `{ … }` a comma separates languages: put text that contains a comma in double quotes, e.g. `en: "Doctors, nurses and pharmacists"`.',
        true,
      );
      continue;
    }
    const what = isLocale ? `\`${k}\` is not one of this course's locales` : `Unknown key \`${k}\``;
    const known = `Known ${isLocale ? "locales" : "keys"} here: ${shape.join(", ")}.`;
    at(
      [...path, k],
      what,
      guess ? `Did you mean \`${guess}\`? ${known}` : `Remove it, or check its spelling. ${known}`,
      true,
    );
  }
}

/** A required key, or a locale's text, that is not there at all. */
function reportMissing(
  issue: Extract<Issue, { code: "invalid_type" | "invalid_value" }>,
  schema: z.ZodType,
  path: DataPath,
  at: Report,
): void {
  const parent = path.slice(0, -1);
  const key = path[path.length - 1];
  const options =
    issue.code === "invalid_value" ? ` Use one of: ${issue.values.map(String).join(", ")}.` : "";
  if (kindOf(schemaAt(schema, parent)) === "localized") {
    at(
      parent,
      `The text in locale \`${key}\` is missing`,
      `Add a line \`${key}: …\` with the text in that language; every text needs all the course's locales.`,
    );
  } else {
    const typeHint = issue.code === "invalid_type" ? (TYPE_HINTS[issue.expected] ?? "") : "";
    at(
      parent,
      `Required key \`${key}\` is missing`,
      `Add \`${key}:\` here.${options} ${typeHint}`.trim(),
    );
  }
}

/** A value that is there but of the wrong type, format or choice, or that breaks another rule. */
function reportWrongValue(
  issue: Issue,
  schema: z.ZodType,
  path: DataPath,
  source: YamlSource,
  at: Report,
): void {
  if (issue.code === "invalid_type") {
    at(path, `Wrong type: expected ${issue.expected}`, TYPE_HINTS[issue.expected] ?? issue.message);
  } else if (issue.code === "invalid_format" && kindOf(schemaAt(schema, path)) === "id") {
    at(
      path,
      `\`${String(valueAt(source.data, path))}\` ${issue.message}`,
      "Use lowercase letters and digits joined by single hyphens, e.g. `digital-skills`.",
    );
  } else if (issue.code === "invalid_value") {
    const options = issue.values.map(String);
    const value = String(valueAt(source.data, path));
    const guess = suggest(value, options);
    at(
      path,
      `\`${value}\` ${issue.message}`,
      guess ? `Did you mean \`${guess}\`?` : `Use one of: ${options.join(", ")}.`,
    );
  } else {
    at(path, `${formatDataPath(path) || "This value"} ${issue.message}`, hintFor(issue));
  }
}

function hintFor(issue: Issue): string {
  const own = (issue as { params?: { hint?: unknown } }).params?.hint;
  if (issue.code === "custom" && typeof own === "string") return own;
  if (issue.code === "too_small" && issue.origin === "array")
    return `Add at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}.`;
  if (issue.code === "too_small" && issue.origin === "string") return "Write the text here.";
  if (issue.code === "too_big" && issue.origin === "array")
    return `Keep at most ${String(issue.maximum)} items.`;
  return "Correct the value as the message says.";
}
