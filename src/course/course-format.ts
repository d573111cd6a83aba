import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../errors.ts";
import { COURSE_FILE } from "../framework/load.ts";
import type { YamlSource } from "../framework/yaml-source.ts";
import { ENGINE_DIR } from "../paths.ts";

/**
 * The course formats, oldest first, each with the first engine version that wrote it. A course
 * without `format:` was written before formats were numbered: format 1 (free-text materials).
 */
export const COURSE_FORMATS = [
  { format: 1, engine: "0.1.0", what: "activities list materials as free text" },
  { format: 2, engine: "0.2.0", what: "materials listed once in a module's front matter, by id" },
] as const;

/** The format this engine writes and reads; older ones it converts with `migrate`. */
export const CURRENT_FORMAT = COURSE_FORMATS[COURSE_FORMATS.length - 1]!.format;

/** The version of the engine that is running, from its own package.json. */
export const ENGINE_VERSION = (
  JSON.parse(readFileSync(join(ENGINE_DIR, "package.json"), "utf8")) as { version: string }
).version;

/** The format a course.yaml declares: 1 when it says none, undefined when `format:` is not a number. */
export function declaredFormat(data: unknown): number | undefined {
  // An empty or broken file has no format to speak of: validation reports what is wrong with it.
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const raw = (data as { format?: unknown }).format;
  if (raw === undefined) return 1;
  return Number.isInteger(raw) && (raw as number) >= 1 ? (raw as number) : undefined;
}

/**
 * One finding when the course is in a format this engine does not read: older names the command
 * that converts it, newer names the engine version it needs (from the course's package.json, when
 * it has one). `wanted` is the engine version range the course's package.json asks for.
 */
export function checkCourseFormat(source: YamlSource, wanted?: string): Finding | undefined {
  const format = declaredFormat(source.data);
  if (format === CURRENT_FORMAT || format === undefined) return undefined;
  const at = hasFormatKey(source) ? source.locate(["format"], true) : { line: 1, column: 1 };
  const base = { file: COURSE_FILE, ...at, dataPath: "format", severity: "error" as const };
  if (format < CURRENT_FORMAT) {
    const written = format === 1 && !hasFormatKey(source) ? "has no `format:`, so it is" : "is";
    return {
      ...base,
      message: `This course ${written} in course format ${format}; this engine (onion-course ${ENGINE_VERSION}) reads format ${CURRENT_FORMAT}`,
      hint: `Convert it in place with \`npm run migrate\` (in a course folder of its own, \`npx onion-course migrate\` works too): it prints every change it makes, keeps your comments, and can be run again safely. Commit the course first so you can review the changes.`,
    };
  }
  const asks = wanted
    ? ` The course's package.json asks for onion-course ${wanted}: run \`npm install\` in the course folder.`
    : "";
  return {
    ...base,
    message: `This course is in course format ${format}, newer than this engine (onion-course ${ENGINE_VERSION}) reads (format ${CURRENT_FORMAT})`,
    hint: `It needs a newer onion-course than ${ENGINE_VERSION}.${asks || " Update the engine: `npm install onion-course@latest` in the course folder, or pull the latest engine."}`,
  };
}

function hasFormatKey(source: YamlSource): boolean {
  const data = source.data as Record<string, unknown> | null | undefined;
  return !!data && Object.hasOwn(data, "format");
}

/** The engine version range a course's own package.json asks for, if it has one and names it. */
export async function wantedEngine(courseDir: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await readFile(join(courseDir, "package.json"), "utf8")) as {
      dependencies?: Record<string, unknown>;
      devDependencies?: Record<string, unknown>;
    };
    const range = pkg.dependencies?.["onion-course"] ?? pkg.devDependencies?.["onion-course"];
    // Course data is untrusted: only a plain version range goes into a message.
    return typeof range === "string" && /^[\w.^~<>=| -]{1,40}$/.test(range) ? range : undefined;
  } catch {
    return undefined;
  }
}
