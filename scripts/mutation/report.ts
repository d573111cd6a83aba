// Prints the last mutation run's score per folder, as a Markdown table (the README quotes it).
//
//   npm run mutation:report               # every mutant in reports/mutation/mutation.json
//   npm run mutation:report -- --sample   # only those drawn into reports/mutation/sample.json
import { existsSync, readFileSync } from "node:fs";
import { formatScores, scoreByFolder, type Report, type SampleFile } from "./score-by-folder.ts";

const reportPath = "reports/mutation/mutation.json";
const samplePath = "reports/mutation/sample.json";

if (!existsSync(reportPath)) {
  console.error(`No report at ${reportPath}: run \`npm run mutation\` first.`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, "utf8")) as Report;
let sample: SampleFile | undefined;
if (process.argv.includes("--sample")) {
  if (!existsSync(samplePath)) {
    console.error(`No sample at ${samplePath}: run \`npm run mutation:sample\` first.`);
    process.exit(1);
  }
  sample = JSON.parse(readFileSync(samplePath, "utf8")) as SampleFile;
}
console.log(formatScores(scoreByFolder(report, sample), sample));
