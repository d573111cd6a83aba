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
    // Two workers suit a two-core machine: each browser test file drives its own Chromium.
    maxWorkers: 2,
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
