import { join } from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { REPO_DIR, tempDir } from "./paths.ts";

/** Builds a course (the default one unless told otherwise) into a fresh temporary folder. */
export async function buildInTemp(
  courseDir = REPO_DIR,
  options: { search?: boolean; offline?: boolean } = {},
) {
  const out = join(await tempDir("course-site-"), "site");
  const result = await buildSite({
    courseDir,
    outputDir: out,
    strict: true,
    search: options.search ?? false,
    offline: options.offline ?? false,
  });
  return { out, ...result };
}
