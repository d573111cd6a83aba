import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./tests/setup/longest-first.ts";

/** Tests that build courses or drive Chromium: generous limits for a busy two-core machine. */
const slow = {
  testTimeout: 120_000,
  hookTimeout: 600_000,
  globalSetup: ["tests/setup/shared-builds.ts"],
};

export default defineConfig({
  test: {
    // A passing test prints nothing; a failing one shows what it logged (DEBUG=1 shows everything).
    silent: process.env.DEBUG ? false : "passed-only",
    // One line per file; a test is listed on its own only when it fails or takes over a minute.
    slowTestThreshold: 60_000,
    // Two workers suit a two-core machine: each drives one Chromium, shared by the browser test
    // files it runs (tests/helpers/browser.ts).
    maxWorkers: 2,
    // The files a worker runs share its modules: a shared build is loaded once per worker, and the
    // worker's Chromium stays open from file to file. No test relies on a fresh module state.
    isolate: false,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], ...slow } },
      {
        extends: true,
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts", "tests/cli/**/*.test.ts"],
          ...slow,
        },
      },
      {
        extends: true,
        test: { name: "browser", include: ["tests/browser/**/*.test.ts"], ...slow },
      },
    ],
  },
});
