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

export function tempDir(prefix = "course-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
