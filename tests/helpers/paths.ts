import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_DIR = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES_DIR = join(REPO_DIR, "tests", "fixtures");
/** The example course (breaking bad news), a second programme with nothing of the default course. */
export const EXAMPLE_DIR = join(REPO_DIR, "examples", "breaking-bad-news");

export function fixture(name: string): string {
  return join(FIXTURES_DIR, name);
}

/** Names the run's temporary folder (see tests/setup/shared-builds.ts) to the test workers. */
export const TEST_TMP_ENV = "ONION_TEST_TMPDIR";

/** The run's temporary folder, removed when the run ends; the system's outside a run. */
export function testTempRoot(): string {
  return process.env[TEST_TMP_ENV] ?? tmpdir();
}

export function tempDir(prefix = "course-test-"): Promise<string> {
  return mkdtemp(join(testTempRoot(), prefix));
}
