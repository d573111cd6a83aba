import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHARED_BUILDS_ENV, removeSharedBuilds } from "../helpers/shared-site.ts";

/**
 * One folder for the run's shared course builds (see tests/helpers/shared-site.ts). Test workers
 * inherit it through the environment; the projects that use this setup share the same folder.
 */
export default function setup(): (() => Promise<void>) | undefined {
  if (process.env[SHARED_BUILDS_ENV]) return undefined;
  const root = mkdtempSync(join(tmpdir(), "onion-shared-builds-"));
  process.env[SHARED_BUILDS_ENV] = root;
  return async () => {
    await removeSharedBuilds(root);
    delete process.env[SHARED_BUILDS_ENV];
  };
}
