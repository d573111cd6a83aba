/**
 * Property: whatever a course file holds, the loader returns a model or a validation report (every
 * finding with file, line and hint), never another exception. Random documents for each course
 * file of a copy of tests/fixtures/minimal: any YAML value, the real data with one value replaced
 * or removed, and raw text.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { parse, stringify } from "yaml";
import { copyCourse } from "../helpers/courses.ts";
import { fixture, REPO_DIR } from "../helpers/paths.ts";
import { anyValue, loadOrReport, pathsOf, replaceAt, SEED } from "../helpers/properties.ts";

interface CourseFile {
  file: string;
  /** Where real data of this kind is (the fixture, or the default course when the fixture has none). */
  example: string;
}

const FILES: CourseFile[] = [
  { file: "framework/course.yaml", example: fixture("minimal/framework/course.yaml") },
  { file: "framework/framework.yaml", example: fixture("minimal/framework/framework.yaml") },
  { file: "framework/reflection.yaml", example: join(REPO_DIR, "framework/reflection.yaml") },
  { file: "framework/glossary.yaml", example: join(REPO_DIR, "framework/glossary.yaml") },
  { file: "modules/defaults.yaml", example: join(REPO_DIR, "modules/defaults.yaml") },
  { file: "i18n/zh-CN.yaml", example: join(REPO_DIR, "examples/breaking-bad-news/i18n/fr.yaml") },
  {
    file: "modules/digital-skills/en.md",
    example: fixture("minimal/modules/digital-skills/en.md"),
  },
];

let dir: string;
beforeAll(async () => {
  dir = await copyCourse(fixture("minimal"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Splits a module file into its front matter (as YAML text) and its body. */
function splitModule(text: string): { yaml: string; body?: string } {
  if (!text.startsWith("---\n")) return { yaml: text };
  const end = text.indexOf("\n---\n", 4);
  return { yaml: text.slice(4, end + 1), body: text.slice(end + 5) };
}

/** A document for `file`: any value, the example with one value replaced or removed, or raw text. */
function documents(example: string) {
  const data: unknown = parse(example);
  const paths = pathsOf(data);
  return fc.oneof(
    anyValue.map((value) => stringify(value)),
    fc
      .tuple(fc.nat({ max: paths.length - 1 }), anyValue, fc.boolean())
      .map(([i, value, remove]) => stringify(replaceAt(data, paths[i]!, value, remove && i > 0))),
    fc.string({ unit: "grapheme", maxLength: 300 }),
  );
}

describe("random documents in each course file give a model or a validation report", () => {
  it.each(FILES.map((f, index) => ({ ...f, index })))(
    "$file",
    async ({ file, example, index }) => {
      const path = join(dir, file);
      const original = existsSync(path) ? await readFile(path) : undefined;
      const { yaml, body } = splitModule(await readFile(example, "utf8"));
      await mkdir(dirname(path), { recursive: true });
      try {
        await fc.assert(
          fc.asyncProperty(documents(yaml), async (doc) => {
            await writeFile(path, body === undefined ? doc : `---\n${doc}---\n${body}`);
            await loadOrReport(dir);
          }),
          { seed: SEED + index, numRuns: 12, endOnFailure: true },
        );
      } finally {
        if (original) await writeFile(path, original);
        else await rm(path, { force: true });
      }
    },
    60_000,
  );
});
