/**
 * `npm run check`: the static checks of `npm test` (format, types, lint, the default course strictly
 * validated), run at once rather than one after another, since each keeps only one core busy. Quiet
 * when all pass; a failing check's own output is printed under its name, and the exit code is 1.
 */
import { spawn } from "node:child_process";

const CHECKS = ["check:format", "check:types", "lint", "check:course"];

interface Outcome {
  name: string;
  code: number | null;
  output: string;
}

function run(name: string): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn("npm", ["run", "-s", name], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => done({ name, code: 1, output: error.message }));
    child.on("close", (code) => done({ name, code, output }));
  });
}

const outcomes = await Promise.all(CHECKS.map(run));
const failed = outcomes.filter((o) => o.code !== 0);
for (const { name, output } of failed) {
  process.stderr.write(`\n✗ npm run ${name} failed:\n${output.trimEnd()}\n`);
}
if (failed.length) {
  process.stderr.write(`\n${failed.length} of ${CHECKS.length} checks failed.\n`);
  process.exitCode = 1;
}
