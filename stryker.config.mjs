// Mutation testing (npm run mutation): how many deliberate faults in src/ the unit and build tests
// catch. Slow; not part of npm test. `npm run mutation -- --incremental` reuses the last run's
// results for unchanged code and tests; `-- --mutate 'src/print/**/*.ts'` limits a run to one folder.
// Static mutants (module-level constants, which every test would have to rerun) are ignored.
//
// The tests come from vitest.mutation.config.ts: MUTATION_TESTS=unit for the unit tests only, or
// MUTATION_TEST_FILES=a.test.ts,b.test.ts for chosen files. Chosen files are build tests, whose
// builds run in beforeAll, where per-test coverage cannot see them: so every mutant runs all the
// chosen tests ("all" coverage, which cannot ignore static mutants).
const chosenFiles = Boolean(process.env.MUTATION_TEST_FILES);
// `npm run mutation:sample` sets MUTATION_SAMPLE: only the sampled mutants are planted.
const sampled = Boolean(process.env.MUTATION_SAMPLE);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  plugins: [
    "@stryker-mutator/vitest-runner",
    ...(sampled ? ["./scripts/mutation/sample-ignorer.mjs"] : []),
  ],
  ignorers: sampled ? ["sample"] : [],
  mutate: ["src/**/*.ts", "!src/cli/main.ts", "!src/**/*.d.ts"],
  coverageAnalysis: chosenFiles ? "all" : "perTest",
  ignoreStatic: !chosenFiles,
  concurrency: 2,
  timeoutMS: 60000,
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  incrementalFile: "reports/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ignorePatterns: ["site", "dist", "reports", "bench/results", ".site-*"],
};
