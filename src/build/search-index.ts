import * as pagefind from "pagefind";
import { join } from "node:path";
import { InternalError } from "../errors.ts";

/**
 * Builds the full-text search index into `<site>/pagefind/` with Pagefind. Pagefind reads each page's
 * `lang` and writes one index per locale; only the learner content marked `data-pagefind-body` is
 * indexed, so facilitator guides and their notes never appear in learners' results.
 */
export async function indexSearch(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
  try {
    if (!index) throw new InternalError(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length)
      throw new InternalError(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length)
      throw new InternalError(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
