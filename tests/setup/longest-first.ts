import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest (about 1½ to 3½ minutes each on two cores), longest first. Started
 * first, they leave the short files to fill the other worker, instead of one of them running alone
 * at the end. Vitest's own order applies to every other file, and to these once it has timed them.
 */
const LONGEST = [
  "tests/browser/site.test.ts",
  "tests/browser/other-courses.test.ts",
  "tests/browser/print.test.ts",
  "tests/browser/long-names.test.ts",
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = LONGEST.indexOf(relative(this.ctx.config.root, spec.moduleId));
      return index < 0 ? LONGEST.length : index;
    };
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map(({ spec }) => spec);
  }
}
