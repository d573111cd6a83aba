import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import type { Finding } from "../errors.ts";
import { LOCALE_PATTERN } from "./schema.ts";
import { formatDataPath, type DataPath, type YamlSource } from "./yaml-source.ts";

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { def: SchemaDef }).def;
const kindOf = (schema: z.ZodType | undefined): string | undefined =>
  (schema?.meta() as { kind?: string } | undefined)?.kind;

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let def = defOf(s); ; def = defOf(s)) {
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return s;
    s = inner;
  }
}

/** The schema that describes the value at `path`, if the path leads anywhere. */
export function schemaAt(root: z.ZodType, path: DataPath): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const part of path) {
    if (!s) return undefined;
    const def = defOf(s);
    const next: z.ZodType | undefined =
      def.type === "object"
        ? def.shape?.[String(part)]
        : def.type === "array"
          ? def.element
          : def.type === "record"
            ? def.valueType
            : undefined;
    s = next && unwrap(next);
  }
  return s;
}

export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  // Short words need a closer match: two edits turn any two-letter word into any other.
  const limit = Math.min(Math.max(2, Math.floor(best.length / 3)), Math.max(1, word.length - 1));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const p of path)
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

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
  // A misspelt key is one mistake: when an unknown key suggests a missing one, report only the former.
  const suggested = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const here = schemaAt(
      schema,
      issue.path.filter((p): p is string | number => typeof p !== "symbol"),
    );
    const shape = here && defOf(here).shape ? Object.keys(defOf(here).shape!) : [];
    for (const k of issue.keys) {
      const guess = suggest(k, shape);
      if (guess)
        suggested.add(
          formatDataPath([
            ...issue.path.filter((p): p is string | number => typeof p !== "symbol"),
            guess,
          ]),
        );
    }
  }
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const at = (p: DataPath, message: string, hint: string, onKey = false) =>
      out.push({
        file: source.file,
        ...source.locate(p, onKey),
        dataPath: formatDataPath(p),
        message,
        hint,
        severity: "error",
      });
    const here = schemaAt(schema, path);
    const parent = path.slice(0, -1);
    const parentSchema = schemaAt(schema, parent);
    const key = path[path.length - 1];

    if (issue.code === "unrecognized_keys") {
      const shape = here && defOf(here).shape ? Object.keys(defOf(here).shape!) : [];
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
        const what = isLocale
          ? `\`${k}\` is not one of this course's locales`
          : `Unknown key \`${k}\``;
        const known = `Known ${isLocale ? "locales" : "keys"} here: ${shape.join(", ")}.`;
        at(
          [...path, k],
          what,
          guess
            ? `Did you mean \`${guess}\`? ${known}`
            : `Remove it, or check its spelling. ${known}`,
          true,
        );
      }
    } else if (
      (issue.code === "invalid_type" || issue.code === "invalid_value") &&
      valueAt(source.data, path) === undefined
    ) {
      if (suggested.has(formatDataPath(path))) continue;
      const options =
        issue.code === "invalid_value"
          ? ` Use one of: ${issue.values.map(String).join(", ")}.`
          : "";
      if (kindOf(parentSchema) === "localized") {
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
    } else if (issue.code === "invalid_type") {
      at(
        path,
        `Wrong type: expected ${issue.expected}`,
        TYPE_HINTS[issue.expected] ?? issue.message,
      );
    } else if (issue.code === "invalid_format" && kindOf(here) === "id") {
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
  return out;
}

function hintFor(issue: z.core.$ZodIssue): string {
  const own = (issue as { params?: { hint?: unknown } }).params?.hint;
  if (issue.code === "custom" && typeof own === "string") return own;
  if (issue.code === "too_small" && issue.origin === "array")
    return `Add at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}.`;
  if (issue.code === "too_small" && issue.origin === "string") return "Write the text here.";
  if (issue.code === "too_big" && issue.origin === "array")
    return `Keep at most ${String(issue.maximum)} items.`;
  return "Correct the value as the message says.";
}
