import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_TMP_ENV } from "../helpers/paths.ts";
import { SHARED_BUILDS_ENV, removeSharedBuilds } from "../helpers/shared-site.ts";

/**
 * One temporary folder for the whole run, removed when the run ends: test workers inherit it
 * through the environment, and every temporary folder a test makes (tests/helpers/paths.ts
 * `tempDir`) goes inside it, so none is left behind. The run's shared course builds (see
 * tests/helpers/shared-site.ts) are in it too; the projects that use this setup share the folder.
 * (TMPDIR itself stays: tsx keeps its compile cache there, and the commands the tests start use it.)
 */
export default function setup(): (() => Promise<void>) | undefined {
  if (process.env[SHARED_BUILDS_ENV]) return undefined;
  const runRoot = mkdtempSync(join(tmpdir(), "onion-test-run-"));
  const sharedBuilds = join(runRoot, "shared-builds");
  mkdirSync(sharedBuilds);
  process.env[TEST_TMP_ENV] = runRoot;
  process.env[SHARED_BUILDS_ENV] = sharedBuilds;
  return async () => {
    await removeSharedBuilds(runRoot);
    delete process.env[SHARED_BUILDS_ENV];
    delete process.env[TEST_TMP_ENV];
  };
}
