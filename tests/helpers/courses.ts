import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ValidationError, type Finding } from "../../src/errors.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { afterAll } from "vitest";
import { fixture, tempDir } from "./paths.ts";

/** Copies a course (a fixture, usually) into a fresh temporary folder and returns that folder. */
export async function copyCourse(from: string): Promise<string> {
  const dir = await tempDir("course-copy-");
  await cp(from, dir, { recursive: true });
  return dir;
}

/**
 * A maker of fresh copies of a fixture course for one test file: each call copies it again, and every
 * copy is removed after the file's tests.
 */
export function fixtureCopies(name = "module-base"): () => Promise<string> {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
  return async () => {
    const dir = await copyCourse(fixture(name));
    made.push(dir);
    return dir;
  };
}

/** An edit that replaces `from` with `to`; fails loudly unless `from` occurs exactly once. */
export function replaceOnce(from: string, to: string): (text: string) => string {
  return (text) => {
    const count = text.split(from).length - 1;
    if (count !== 1)
      throw new Error(`Test setup: expected ${JSON.stringify(from)} once, found it ${count} times`);
    return text.replace(from, () => to);
  };
}

/** Applies `edit` to a file of the course and returns the new text. */
export async function editFile(
  courseDir: string,
  file: string,
  edit: (text: string) => string,
): Promise<string> {
  const path = join(courseDir, file);
  const text = edit(await readFile(path, "utf8"));
  await writeFile(path, text);
  return text;
}

/** The 1-based line of the only line containing `needle`; fails loudly if there is not exactly one. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split("\n");
  const hits = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1)
    throw new Error(
      `Test setup: expected one line containing ${JSON.stringify(needle)}, found ${hits.length}`,
    );
  return hits[0]!;
}

/** Loads a course that must fail validation and returns the findings it reports. */
export async function findingsOf(courseDir: string, strict = true): Promise<Finding[]> {
  try {
    await loadCourse(courseDir, { strict });
  } catch (error) {
    if (error instanceof ValidationError) return error.findings;
    throw error;
  }
  throw new Error("Expected the course to fail validation, but it loaded");
}

/** Findings as one line each, for readable assertion failures. */
export function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.severity} ${f.file}:${f.line}:${f.column} [${f.dataPath}] ${f.message}`)
    .join("\n");
}
