// Lists the mutants Stryker would plant in src/, without running anything: the same instrumenter and
// the same files as stryker.config.mjs (every src/**/*.ts but the CLI entry point and .d.ts files).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import type { Logger } from "@stryker-mutator/api/logging";

export interface PlannedMutant {
  /** The folder the mutant's file is in, e.g. `src/print`. */
  folder: string;
  fileName: string;
  mutatorName: string;
  replacement: string;
  /** 1-based lines and columns, as in Stryker's JSON report. */
  start: { line: number; column: number };
  end: { line: number; column: number };
}

const excluded = new Set(["src/cli/main.ts"]);

export function filesToMutate(root: string): string[] {
  return readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
    .map((file) => `src/${file.split("\\").join("/")}`)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !excluded.has(file))
    .sort();
}

export const quietLogger: Logger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  fatal: (message: string) => console.error(message),
};

export async function listMutants(
  root: string,
  fileNames: string[] = filesToMutate(root),
): Promise<PlannedMutant[]> {
  const files = fileNames.map((name) => ({
    name,
    content: readFileSync(join(root, name), "utf8"),
    mutate: true as const,
  }));
  const { mutants } = await new Instrumenter(quietLogger).instrument(files, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  // The instrumenter counts lines and columns from 0; the report and --mutate ranges from 1.
  return mutants.map((mutant) => ({
    folder: dirname(mutant.fileName),
    fileName: mutant.fileName,
    mutatorName: mutant.mutatorName,
    replacement: mutant.replacement,
    start: { line: mutant.location.start.line + 1, column: mutant.location.start.column + 1 },
    end: { line: mutant.location.end.line + 1, column: mutant.location.end.column + 1 },
  }));
}

/** Identifies a mutant across the instrumenter and the report, which number them differently. */
export function mutantKey(mutant: Omit<PlannedMutant, "folder">): string {
  const { start, end } = mutant;
  return `${mutant.fileName}:${start.line}:${start.column}-${end.line}:${end.column} ${mutant.mutatorName} ${mutant.replacement}`;
}
