import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { findingAt } from "../framework/cross-checks.ts";
import {
  openYaml,
  parseWith,
  type FindingCollector,
  type FrameworkFiles,
} from "../framework/load.ts";
import type { CourseModule } from "../modules/types.ts";
import { findVariantsInText, findVariantsInYaml } from "./avoided-variants.ts";
import { glossarySchema, type GlossaryData } from "./schema.ts";

export const GLOSSARY_FILE = "framework/glossary.yaml";

/**
 * Loads the optional glossary, then warns wherever the framework or a module uses a wording the
 * glossary says to avoid.
 */
export async function loadGlossary(
  courseDir: string,
  files: FrameworkFiles,
  modules: CourseModule[],
  found: FindingCollector,
): Promise<GlossaryData | undefined> {
  const source = await openYaml(courseDir, GLOSSARY_FILE, found, false);
  if (!source) return undefined;
  const data = parseWith(glossarySchema(files.locales), source, found);
  if (!data) return undefined;
  const seen = new Map<string, number>();
  data.terms.forEach((t, i) => {
    const earlier = seen.get(t.id);
    if (earlier !== undefined)
      found.add(
        findingAt(
          source,
          ["terms", i, "id"],
          `Duplicate term id \`${t.id}\``,
          `Term ${earlier + 1} already uses it; rename one of them.`,
        ),
      );
    else seen.set(t.id, i);
  });
  found.add(
    ...findVariantsInYaml(files.courseSource, files.locales, data.terms),
    ...findVariantsInYaml(files.frameworkSource, files.locales, data.terms),
  );
  for (const m of modules)
    for (const [locale, version] of Object.entries(m.versions)) {
      const text = await readFile(join(courseDir, version.file), "utf8");
      found.add(...findVariantsInText(version.file, text, locale, data.terms));
    }
  return data;
}

/** Terms in the order a reader of `locale` looks them up (alphabetical, pinyin for Chinese). */
export function sortedTerms(glossary: GlossaryData, locale: string) {
  const collator = new Intl.Collator(locale);
  return [...glossary.terms].sort((a, b) =>
    collator.compare(a.term[locale] ?? a.id, b.term[locale] ?? b.id),
  );
}
