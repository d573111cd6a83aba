// Second pass for a sampled run: tries the sampled mutants that survived (or that no test reached)
// against other tests, usually build tests, and counts a mutant killed if either pass killed it. The
// first pass is cheap (unit tests, per-test coverage); build tests cost a site build per mutant, so
// they run only where the unit tests missed. Afterwards reports/mutation/mutation.json holds both
// passes merged (the first pass's copy is before-retest.json); the HTML report shows the retest only.
//
//   MUTATION_TEST_FILES=tests/build/user-visible.test.ts npm run mutation:retest -- \
//     [--folder src/eleventy] [-- stryker options]
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { runStrykerOn } from "./run-sampled.ts";
import {
  formatScores,
  isWithin,
  reportedKey,
  scoreByFolder,
  type Report,
  type SampleFile,
} from "./score-by-folder.ts";

const reportPath = "reports/mutation/mutation.json";
const samplePath = "reports/mutation/sample.json";
const retestPath = "reports/mutation/retest.json";

const { values, positionals } = parseArgs({
  options: { folder: { type: "string", multiple: true } },
  allowPositionals: true,
});
if (!existsSync(reportPath) || !existsSync(samplePath)) {
  console.error("No sampled run to build on: run `npm run mutation:sample` first.");
  process.exit(2);
}
const sample = JSON.parse(readFileSync(samplePath, "utf8")) as SampleFile;
const before = JSON.parse(readFileSync(reportPath, "utf8")) as Report;

const inFolders = (fileName: string) =>
  !values.folder || values.folder.some((folder) => isWithin(dirname(fileName), folder));

const drawn = new Set(sample.keys);
const missed = Object.entries(before.files).flatMap(([fileName, { mutants }]) =>
  inFolders(fileName)
    ? mutants
        .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
        .map((m) => reportedKey(fileName, m))
        .filter((key) => drawn.has(key))
    : [],
);
if (missed.length === 0) {
  console.log("No sampled mutant survived there: nothing to retest.");
  process.exit(0);
}
console.log(`Retesting ${missed.length} sampled mutants that survived the last pass.`);
writeFileSync(retestPath, `${JSON.stringify({ keys: missed }, null, 2)}\n`);
copyFileSync(reportPath, "reports/mutation/before-retest.json");
const status = runStrykerOn(retestPath, positionals);
if (status !== 0) {
  copyFileSync("reports/mutation/before-retest.json", reportPath);
  process.exit(status);
}

// Merge: a mutant the retest killed is killed; everything else keeps its first-pass status.
const retest = JSON.parse(readFileSync(reportPath, "utf8")) as Report;
const killedNow = new Set(
  Object.entries(retest.files).flatMap(([fileName, { mutants }]) =>
    mutants
      .filter((m) => m.status === "Killed" || m.status === "Timeout")
      .map((m) => reportedKey(fileName, m)),
  ),
);
for (const [fileName, { mutants }] of Object.entries(before.files)) {
  for (const mutant of mutants)
    if (killedNow.has(reportedKey(fileName, mutant))) mutant.status = "Killed";
}
writeFileSync(reportPath, JSON.stringify(before));
console.log(
  `\nThe retest killed ${missed.filter((key) => killedNow.has(key)).length} of ${missed.length}.`,
);
console.log("Mutation score per folder, sampled mutants only, both passes:\n");
console.log(formatScores(scoreByFolder(before, sample), sample));
