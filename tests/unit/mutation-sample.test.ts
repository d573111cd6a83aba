// The mutation-score tooling (scripts/mutation): the README quotes its numbers, so they must be right.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { testTempRoot } from "../helpers/paths.ts";
import { join } from "node:path";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import { describe, expect, it } from "vitest";
import {
  filesToMutate,
  listMutants,
  mutantKey,
  quietLogger,
  type PlannedMutant,
} from "../../scripts/mutation/list-mutants.ts";
import {
  scoreByFolder,
  wilson95,
  type Report,
  type SampleFile,
} from "../../scripts/mutation/score-by-folder.ts";

const root = process.cwd();
const toRanges = (
  mutants: { start: { line: number; column: number }; end: { line: number; column: number } }[],
) =>
  // As the --mutate option gives them to the instrumenter: lines from 0, columns from 0.
  mutants.map(({ start, end }) => ({
    start: { line: start.line - 1, column: start.column - 1 },
    end: { line: end.line - 1, column: end.column - 1 },
  }));

describe("mutation score per folder", () => {
  it("gives a 95 % interval that stays inside 0–100 % and narrows with the sample", () => {
    const [low0, high0] = wilson95(0, 10);
    expect(low0).toBe(0);
    expect(high0).toBeCloseTo(0.2775, 3);
    const [low5, high5] = wilson95(5, 5);
    expect(low5).toBeCloseTo(0.5655, 3);
    expect(high5).toBe(1);
    const [low30, high30] = wilson95(24, 30);
    const [low300, high300] = wilson95(240, 300);
    expect(high300 - low300).toBeLessThan(high30 - low30);
    expect(low300).toBeLessThan(0.8);
    expect(high300).toBeGreaterThan(0.8);
  });

  const mutant = (line: number, status: string) => ({
    mutatorName: "StringLiteral",
    replacement: '""',
    status,
    location: { start: { line, column: 1 }, end: { line, column: 5 } },
  });
  const key = (fileName: string, line: number) =>
    mutantKey({
      fileName,
      mutatorName: "StringLiteral",
      replacement: '""',
      start: { line, column: 1 },
      end: { line, column: 5 },
    });

  it("adds up a full run's counts per folder, subfolders included", () => {
    const report: Report = {
      files: {
        "src/a/x.ts": {
          mutants: [mutant(1, "Killed"), mutant(2, "Survived"), mutant(3, "CompileError")],
        },
        "src/a/b/y.ts": { mutants: [mutant(1, "Timeout"), mutant(2, "NoCoverage")] },
      },
    };
    const scores = Object.fromEntries(scoreByFolder(report).map((s) => [s.folder, s]));
    expect(Object.keys(scores)).toEqual(["src", "src/a", "src/a/b"]);
    expect(scores["src/a/b"]!.score).toBe(0.5);
    expect(scores["src/a"]!.tally).toEqual({ killed: 2, survived: 1, noCoverage: 1, other: 1 });
    expect(scores["src/a"]!.score).toBe(0.5);
    expect(scores["src/a"]!.interval).toBeUndefined();
  });

  it("scores only sampled mutants, and weighs each subfolder by its size", () => {
    // src/a: 100 mutants in all, sampled 4, all killed. src/a/b: 300 in all, sampled 4, half killed.
    const report: Report = {
      files: {
        "src/a/x.ts": {
          mutants: [1, 2, 3, 4, 9].map((line) => mutant(line, line === 9 ? "Survived" : "Killed")),
        },
        "src/a/b/y.ts": {
          mutants: [1, 2, 3, 4].map((line) => mutant(line, line <= 2 ? "Killed" : "Survived")),
        },
      },
    };
    const sample: SampleFile = {
      seed: 1,
      perFolder: 4,
      population: { "src/a": 100, "src/a/b": 300 },
      keys: [1, 2, 3, 4].flatMap((line) => [key("src/a/x.ts", line), key("src/a/b/y.ts", line)]),
    };
    const scores = Object.fromEntries(scoreByFolder(report, sample).map((s) => [s.folder, s]));
    // Line 9 was tested (nested in a sampled place) but not drawn: it does not count.
    expect(scores["src/a"]!.tally.survived).toBe(2);
    expect(scores["src/a/b"]!.score).toBe(0.5);
    expect(scores["src/a/b"]!.interval).toEqual(wilson95(2, 4));
    // Not (4 + 2) / 8 = 75 %: a quarter of the mutants score 100 %, three quarters 50 %.
    expect(scores["src/a"]!.score).toBeCloseTo(0.625, 10);
    expect(scores["src/a"]!.mutants).toBe(400);
    expect(scores["src"]!.score).toBeCloseTo(0.625, 10);
  });
});

describe("the sampled run", () => {
  it("lists every mutant Stryker plants in src/, keyed as the report keys them", async () => {
    expect(filesToMutate(root)).toContain("src/modules/session-plan.ts");
    expect(filesToMutate(root)).not.toContain("src/cli/main.ts");
    const inFile = await listMutants(root, ["src/modules/session-plan.ts"]);
    expect(inFile.length).toBeGreaterThan(10);
    // The report counts lines and columns from 1: the first mutant's text is where the key says.
    const lines = readFileSync(join(root, "src/modules/session-plan.ts"), "utf8").split("\n");
    const stringMutant = inFile.find(
      (m) => m.mutatorName === "StringLiteral" && m.start.line === m.end.line,
    )!;
    const text = lines[stringMutant.start.line - 1]!.slice(
      stringMutant.start.column - 1,
      stringMutant.end.column - 1,
    );
    expect(text).toMatch(/^(["'`]).*\1$/);
  });

  it("plants the sampled mutant and not the ones nested inside its range", async () => {
    const fileName = "src/modules/session-plan.ts";
    const all = await listMutants(root, [fileName]);
    // A function body: its range holds many other mutants.
    const body = all.find(
      (m) => m.mutatorName === "BlockStatement" && m.end.line - m.start.line > 3,
    )!;
    const nested = all.filter(
      (m) => m !== body && m.start.line >= body.start.line && m.end.line <= body.end.line,
    );
    expect(nested.length).toBeGreaterThan(3);
    const leaf = nested.find(
      (m) => m.mutatorName === "StringLiteral" || m.mutatorName === "ArithmeticOperator",
    )!;

    const { strykerPlugins } = await import("../../scripts/mutation/sample-ignorer.mjs");
    const dir = mkdtempSync(join(testTempRoot(), "mutation-sample-"));
    // The ignorer reads a sample file once per path, as a Stryker run does: a new file per sample.
    let samples = 0;
    const plant = async (drawn: PlannedMutant[]): Promise<string[]> => {
      const samplePath = join(dir, `sample-${(samples += 1)}.json`);
      writeFileSync(samplePath, JSON.stringify({ keys: drawn.map(mutantKey) }));
      process.env.MUTATION_SAMPLE = samplePath;
      const { mutants } = await new Instrumenter(quietLogger).instrument(
        [
          {
            name: join(root, fileName),
            content: readFileSync(join(root, fileName), "utf8"),
            mutate: toRanges(drawn),
          },
        ],
        { plugins: null, excludedMutations: [], ignorers: [strykerPlugins[0]!.value] },
      );
      delete process.env.MUTATION_SAMPLE;
      return mutants
        .filter((m) => m.status !== "Ignored")
        .map((m) =>
          mutantKey({
            fileName,
            mutatorName: m.mutatorName,
            replacement: m.replacement,
            start: { line: m.location.start.line + 1, column: m.location.start.column + 1 },
            end: { line: m.location.end.line + 1, column: m.location.end.column + 1 },
          }),
        );
    };
    try {
      // Without the ignorer, the body's range would plant every mutant nested in it.
      expect(await plant([body])).toEqual([mutantKey(body)]);
      // A leaf comes with the other mutants of its own node (same place), and nothing else.
      const place = `${fileName}:${leaf.start.line}:${leaf.start.column}-${leaf.end.line}:${leaf.end.column} `;
      const planted = await plant([leaf]);
      expect(planted).toContain(mutantKey(leaf));
      expect(planted.every((k) => k.startsWith(place))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
