import type { Finding } from "../errors.ts";
import { findingAt, frameworkIds } from "../framework/cross-checks.ts";
import type { FrameworkFiles } from "../framework/load.ts";
import { pageKeys } from "./model.ts";

/**
 * Path segments the engine's own pages use (or will use) beside framework items: an id equal to one
 * would give two pages one address, or shadow a page, so it is refused before Eleventy runs.
 */
export const RESERVED_IDS = [
  "about",
  "assess",
  "assets",
  "cohort",
  "facilitators",
  "feedback",
  "framework",
  "glossary",
  "handbook",
  "index",
  "modules",
  "pagefind",
  "print",
  "projector",
  "reflection",
  "search",
  "slides",
  "trainers",
] as const;

/** Layer and competency ids that are reserved words or would make two pages share one address. */
export function reservedIdFindings(files: FrameworkFiles): Finding[] {
  const out: Finding[] = [];
  const reserved = new Set<string>(RESERVED_IDS);
  const uses = frameworkIds(files.frameworkSource.data).filter(
    (u) => !u.path.includes("categories"),
  );
  for (const use of uses)
    if (reserved.has(use.id))
      out.push(
        findingAt(
          files.frameworkSource,
          use.path,
          `The id \`${use.id}\` is reserved: the site already has a page at that address`,
          `Choose another id, e.g. \`${use.id}-skills\`. Reserved ids: ${RESERVED_IDS.join(", ")}.`,
        ),
      );
  if (out.length) return out;
  // Any other clash: two pages of different things at one address.
  const modules = files.framework.layers.flatMap((l) =>
    l.competencies
      .filter((c) => c.trainable)
      .map((c) => ({ competencyId: c.id, layerId: l.id, versions: {} })),
  );
  const seen = new Map<string, string | undefined>();
  for (const key of pageKeys(files.framework, modules, true)) {
    const owner = key.competencyId ?? key.layerId;
    if (!seen.has(key.key)) {
      seen.set(key.key, owner);
      continue;
    }
    const id = owner ?? seen.get(key.key);
    const use = uses.find((u) => u.id === id);
    if (use)
      out.push(
        findingAt(
          files.frameworkSource,
          use.path,
          `The id \`${id}\` gives two pages the same address (${key.key})`,
          "Choose another id for it.",
        ),
      );
  }
  return out;
}
