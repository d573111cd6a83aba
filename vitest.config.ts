import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Browser tests each start Chromium; two at a time suits a two-core machine.
    maxWorkers: 2,
  },
});
