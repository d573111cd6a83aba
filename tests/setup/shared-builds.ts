import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHARED_BUILDS_ENV, removeSharedBuilds } from "../helpers/shared-site.ts";

/**
 * One temporary folder for the whole run, removed when the run ends: test workers, the commands
 * they start and Chromium inherit it as TMPDIR, so every temporary folder a test makes goes inside
 * it and none is left behind. The run's shared course builds (see tests/helpers/shared-site.ts) are
 * in it too; the projects that use this setup share the same folder.
 */
export default function setup(): (() => Promise<void>) | undefined {
  if (process.env[SHARED_BUILDS_ENV]) return undefined;
  const previousTmp = process.env.TMPDIR;
  const runRoot = mkdtempSync(join(tmpdir(), "onion-test-run-"));
  const sharedBuilds = join(runRoot, "shared-builds");
  mkdirSync(sharedBuilds);
  process.env.TMPDIR = runRoot;
  process.env[SHARED_BUILDS_ENV] = sharedBuilds;
  return async () => {
    await removeSharedBuilds(runRoot);
    delete process.env[SHARED_BUILDS_ENV];
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  };
}
