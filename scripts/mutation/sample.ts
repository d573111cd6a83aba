// Mutation score per folder from a random sample of mutants, for a machine too small to test all
// of src/ (7,500 mutants; a day on 2 cores). Draws the same number of mutants from every folder
// (all of a smaller folder's), runs Stryker on exactly those places, and prints each folder's score
// with a 95 % interval. The tests are chosen as for `npm run mutation` (MUTATION_TESTS,
// MUTATION_TEST_FILES; README, "Mutation score"); `npm run mutation:retest` then tries the
// survivors against more tests.
//
//   npm run mutation:sample -- [--per-folder 40] [--seed 1] [--folder src/print] [-- stryker options]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { listMutants, mutantKey, type PlannedMutant } from "./list-mutants.ts";
import { runStrykerOn } from "./run-sampled.ts";
import {
  formatScores,
  isWithin,
  scoreByFolder,
  type Report,
  type SampleFile,
} from "./score-by-folder.ts";

const { values, positionals } = parseArgs({
  options: {
    "per-folder": { type: "string", default: "40" },
    seed: { type: "string", default: "1" },
    folder: { type: "string", multiple: true },
  },
  allowPositionals: true,
});
const perFolder = Number(values["per-folder"]);
const seed = Number(values.seed);
if (!Number.isInteger(perFolder) || perFolder < 1 || !Number.isInteger(seed)) {
  console.error("--per-folder takes a whole number above 0, and --seed a whole number.");
  process.exit(2);
}

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(mutants: PlannedMutant[], count: number, next: () => number): PlannedMutant[] {
  const pool = [...mutants];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

const all = await listMutants(process.cwd());
const byFolder = new Map<string, PlannedMutant[]>();
for (const mutant of all)
  byFolder.set(mutant.folder, [...(byFolder.get(mutant.folder) ?? []), mutant]);
const folders = [...byFolder.keys()]
  .filter((folder) => !values.folder || values.folder.some((f) => isWithin(folder, f)))
  .sort();
if (folders.length === 0) {
  console.error(`No mutants in ${values.folder?.join(", ")}.`);
  process.exit(2);
}

const next = random(seed);
const sampled = folders.flatMap((folder) => draw(byFolder.get(folder)!, perFolder, next));
const sample: SampleFile = {
  seed,
  perFolder,
  population: Object.fromEntries(folders.map((folder) => [folder, byFolder.get(folder)!.length])),
  keys: sampled.map(mutantKey),
};
mkdirSync("reports/mutation", { recursive: true });
writeFileSync("reports/mutation/sample.json", `${JSON.stringify(sample, null, 2)}\n`);

console.log(
  `Sampled ${sampled.length} of ${all.length} mutants in ${folders.length} folders (seed ${seed}).`,
);
const status = runStrykerOn("reports/mutation/sample.json", positionals);
if (status !== 0) process.exit(status);

const report = JSON.parse(readFileSync("reports/mutation/mutation.json", "utf8")) as Report;
console.log(
  `\nMutation score per folder, sampled mutants only (seed ${seed}, ${perFolder} per folder):\n`,
);
console.log(formatScores(scoreByFolder(report, sample), sample));
