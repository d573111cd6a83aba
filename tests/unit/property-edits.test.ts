/**
 * Property: one line of the default course changed in any way (deleted, doubled, replaced with
 * hostile text, cut short, indented differently, with text inserted) makes the loader return a
 * model or a validation report, never another exception. The default course takes a few seconds
 * to load, so the runs are few; the seed is fixed, so they are the same on every machine.
 */
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";
import { hostileText, loadOrReport, SEED } from "../helpers/properties.ts";

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await tempDir("property-default-");
  for (const folder of ["framework", "modules", "pages"])
    await cp(join(REPO_DIR, folder), join(dir, folder), { recursive: true });
  files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    // Course files only: the loader never reads documentation such as modules/README.md.
    .filter((e) => e.isFile() && /\.(ya?ml|md)$/.test(e.name) && !/^[A-Z-]+\.md$/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type LineEdit = (line: string, column: number, text: string) => string[];
const EDITS: Record<string, LineEdit> = {
  delete: () => [],
  double: (line) => [line, line],
  replace: (_line, _column, text) => [text],
  insert: (line, column, text) => [line.slice(0, column) + text + line.slice(column)],
  cut: (line, column) => [line.slice(0, column)],
  indent: (line) => [` ${line}`],
  outdent: (line) => [line.trimStart()],
  tab: (line) => [line.replace(/^ {2}/, "\t")],
};

const lineEdit = fc.record({
  file: fc.nat(),
  line: fc.nat(),
  column: fc.nat({ max: 80 }),
  edit: fc.constantFrom(...Object.keys(EDITS)),
  text: fc.oneof(hostileText, fc.string({ unit: "grapheme", maxLength: 30 })),
});

describe("one-line edits of the default course", () => {
  it("give a model or a validation report, never another exception", async () => {
    expect(files.length).toBeGreaterThan(10);
    let reports = 0;
    await fc.assert(
      fc.asyncProperty(lineEdit, async (m) => {
        const file = files[m.file % files.length]!;
        const path = join(dir, file);
        const original = await readFile(path, "utf8");
        const lines = original.split("\n");
        const at = m.line % lines.length;
        const changed = EDITS[m.edit]!(lines[at]!, m.column, m.text);
        await writeFile(
          path,
          [...lines.slice(0, at), ...changed, ...lines.slice(at + 1)].join("\n"),
        );
        try {
          if (!("competencies" in (await loadOrReport(dir)))) reports++;
        } finally {
          await writeFile(path, original);
        }
      }),
      { seed: SEED, numRuns: 25, endOnFailure: true },
    );
    // The edits are not all harmless: some of them must have been reported.
    expect(reports).toBeGreaterThan(0);
  }, 240_000);
});
