// Runs Stryker on chosen mutants only, named by their keys (list-mutants.ts): a --mutate range for
// each, and the sample ignorer (MUTATION_SAMPLE, stryker.config.mjs) to drop what else the ranges hold.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { placeOf } from "./sample-ignorer.mjs";

/** The --mutate range for a key: lines from 1, columns from 0 (as Stryker reads them). */
export function rangeOf(key: string): string {
  const place = placeOf(key);
  if (!place) throw new Error(`Not a mutant key: ${key}`);
  const { file, startLine, startColumn, endLine, endColumn } = place;
  return `${file}:${startLine}:${startColumn - 1}-${endLine}:${endColumn - 1}`;
}

/**
 * Runs Stryker on the mutants `keysFile` lists (a JSON object with `keys`, such as sample.json) and
 * returns its exit status.
 */
export function runStrykerOn(keysFile: string, strykerOptions: string[]): number {
  const { keys } = JSON.parse(readFileSync(keysFile, "utf8")) as { keys: string[] };
  const ranges = [...new Set(keys.map(rangeOf))];
  const run = spawnSync(
    "npx",
    ["stryker", "run", "--mutate", ranges.join(","), ...strykerOptions],
    {
      stdio: "inherit",
      env: { ...process.env, MUTATION_SAMPLE: keysFile },
    },
  );
  return run.status ?? 1;
}
