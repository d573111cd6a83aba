import { defineConfig } from "vitest/config";

// The tests mutation testing runs against each mutant: unit and build tests (command-line tests run the CLI in a child process, where a mutant is not active). Browser
// tests are left out (each starts Chromium, too slow to repeat for thousands of mutants).
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/build/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
  },
});
