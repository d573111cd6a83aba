import { relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Stryker stops at a mutant's first failing test (bail). Running the cheap files first (unit tests,
// then build tests, each from the shortest last run) kills most mutants in seconds instead of after a
// full site build; a surviving mutant still runs every test that covers it, so the score is unchanged.
class CheapFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (spec: TestSpecification): number => {
      const file = relative(this.ctx.config.root, spec.moduleId);
      const lastRun = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`);
      const group = file.startsWith("tests/unit/") ? 0 : 1;
      return group * 1e9 + (lastRun?.duration ?? 1e8);
    };
    return [...files].sort((a, b) => cost(a) - cost(b));
  }
}

// The tests mutation testing runs against each mutant: unit and build tests (command-line tests run the CLI in a child process, where a mutant is not active). Browser
// tests are left out (each starts Chromium, too slow to repeat for thousands of mutants).
// MUTATION_TESTS=unit limits the run to the unit tests, without the property tests (the bad-input
// corpus, which builds sites, is a build test: tests/build/). Each takes half a minute to minutes, and
// a surviving mutant runs every test that reaches it: a score for what the quick tests catch, in hours instead of days (README, "Mutation score").
// MUTATION_TEST_FILES=a.test.ts,b.test.ts runs only those files (with `--coverageAnalysis all`, so
// code a build test reaches in its beforeAll counts): e.g. the exporters against the build tests
// that check their output (README, "Mutation score").
const unit = process.env.MUTATION_TESTS === "unit";
const only = process.env.MUTATION_TEST_FILES?.split(",").filter(Boolean);
const include = only?.length
  ? only
  : unit
    ? ["tests/unit/**/*.test.ts"]
    : ["tests/unit/**/*.test.ts", "tests/build/**/*.test.ts"];
// The mutation tooling's own test reads src/ as Stryker does, which in Stryker's sandbox is src/ with
// the mutants already planted: it belongs to `npm test`, not to a mutation run.
const tooling = "tests/unit/mutation-sample.test.ts";
const exclude = unit
  ? ["tests/unit/property-*.test.ts", tooling, "node_modules/**"]
  : [tooling, "node_modules/**"];

export default defineConfig({
  test: {
    include,
    exclude,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    sequence: { sequencer: CheapFirstSequencer },
  },
});
