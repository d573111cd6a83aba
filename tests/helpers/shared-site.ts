import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { EXAMPLE_DIR, REPO_DIR, fixture, tempDir } from "./paths.ts";

/**
 * The course builds that many test files read. Each is built once per test run (by whichever test
 * asks first; the others wait for it) and shared; a test that needs to change a build copies it.
 */
const SHARED_BUILDS = {
  /** The default course with its search index, without the offline worker (pages behave as on http). */
  default: { courseDir: REPO_DIR, search: true, offline: false },
  /** The default course as `npm run build` makes it: search index and offline worker. */
  "default-offline": { courseDir: REPO_DIR, search: true, offline: true },
  /** The example course as `npm run build` makes it. */
  example: { courseDir: EXAMPLE_DIR, search: true, offline: true },
  "four-layers": { courseDir: fixture("four-layers"), search: false, offline: false },
} as const;
export type SharedBuildName = keyof typeof SHARED_BUILDS;

/** Set by tests/setup/shared-builds.ts for the whole run; without it each process builds its own. */
export const SHARED_BUILDS_ENV = "ONION_TEST_SHARED_BUILDS";

export interface SharedBuild {
  /** The built site. Read it, never write to it: other test files read the same folder. */
  out: string;
  model: CourseModel;
}

const inThisProcess = new Map<SharedBuildName, Promise<SharedBuild>>();

/**
 * The shared build `name`, made now if no test of this run has made it yet. Outside `npm test`'s
 * global setup (a mutation run, say) every call builds afresh, so a change to the engine between two
 * runs in one process is always built.
 */
export function sharedBuild(name: SharedBuildName): Promise<SharedBuild> {
  if (!process.env[SHARED_BUILDS_ENV]) return obtain(name);
  if (!inThisProcess.has(name)) inThisProcess.set(name, obtain(name));
  return inThisProcess.get(name)!;
}

async function obtain(name: SharedBuildName): Promise<SharedBuild> {
  const options = SHARED_BUILDS[name];
  const root = process.env[SHARED_BUILDS_ENV] ?? (await tempDir("shared-builds-"));
  const out = join(root, name, "site");
  const lock = join(root, `${name}.lock`);
  const done = join(root, `${name}.done`);
  let built: CourseModel | undefined;
  if (await takeLock(lock)) {
    try {
      ({ model: built } = await buildSite({ ...options, outputDir: out, strict: true }));
      await writeFile(done, "ok");
    } catch (error) {
      await writeFile(done, `failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  } else await waitFor(done, name);
  return { out, model: built ?? (await loadCourse(options.courseDir, { strict: true })) };
}

async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch {
    return false;
  }
}

/** Waits for another test process to finish the build; its failure fails this test too. */
async function waitFor(done: string, name: string): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`The shared build "${name}" did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const state = await readFile(done, "utf8");
  if (state !== "ok") throw new Error(`The shared build "${name}" ${state}`);
}

/** Removes every shared build of the run (global teardown). */
export function removeSharedBuilds(root: string): Promise<void> {
  return rm(root, { recursive: true, force: true });
}
