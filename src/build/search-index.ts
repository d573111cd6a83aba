import * as pagefind from "pagefind";
import { join } from "node:path";
import { InternalError } from "../errors.ts";

/**
 * The knowledge checks' interface text ("Question 1 of 4", "Choose an answer", "Show the answer for
 * this option", "Correct.", the buttons and the live result) stays out of the index and its excerpts;
 * the question, the options and their explanations are indexed. Pagefind's selectors do what
 * `data-pagefind-ignore` would, without adding its bytes to every option of every check.
 */
export const UNINDEXED = [
  ".block--check > .block__kind",
  ".check__hint",
  ".check__options > legend",
  ".check__feedback > summary",
  ".check__feedback .verdict",
  ".check__result",
  ".check__actions",
] as const;

/**
 * Builds the full-text search index into `<site>/pagefind/` with Pagefind. Pagefind reads each page's
 * `lang` and writes one index per locale; only the learner content marked `data-pagefind-body` is
 * indexed, so facilitator guides and their notes never appear in learners' results.
 */
export async function indexSearch(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({
    keepIndexUrl: true,
    excludeSelectors: [...UNINDEXED],
  });
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
