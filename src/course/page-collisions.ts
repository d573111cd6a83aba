import type { Finding } from "../errors.ts";
import { FRAMEWORK_FILE } from "../framework/load.ts";
import type { YamlSource } from "../framework/yaml-source.ts";

interface PageKey {
  type: string;
  key: string;
  layerId?: string;
  competencyId?: string;
}

/**
 * Two pages at the same address (a competency called `handbook` has its guide where the handbook
 * is): reported at the id in framework.yaml that causes it, instead of failing inside Eleventy.
 */
export function findPageCollisions(keys: PageKey[], frameworkSource: YamlSource): Finding[] {
  const seen = new Map<string, PageKey>();
  const out: Finding[] = [];
  for (const page of keys) {
    const first = seen.get(page.key);
    if (!first) {
      seen.set(page.key, page);
      continue;
    }
    const culprit = page.competencyId ?? first.competencyId ?? page.layerId ?? first.layerId;
    const where = culprit ? locateId(frameworkSource, culprit) : { line: 1, column: 1 };
    out.push({
      file: FRAMEWORK_FILE,
      ...where,
      dataPath: "",
      message: `The id \`${culprit ?? page.key}\` gives two pages the same address, ${page.key} (a ${first.type} page and a ${page.type} page)`,
      hint: "Rename the id (and its module folder, if it has one) so that it is not the name of one of the course's own pages.",
      severity: "error",
    });
  }
  return out;
}

function locateId(source: YamlSource, id: string): { line: number; column: number } {
  const layers =
    (source.data as { layers?: { id?: unknown; competencies?: { id?: unknown }[] }[] })?.layers ??
    [];
  for (const [li, layer] of layers.entries()) {
    if (layer.id === id) return source.locate(["layers", li, "id"]);
    for (const [ci, c] of (layer.competencies ?? []).entries())
      if (c.id === id) return source.locate(["layers", li, "competencies", ci, "id"]);
  }
  return { line: 1, column: 1 };
}
