import { z } from "zod";
import { id, text } from "../framework/schema.ts";
import { suggest } from "../text/did-you-mean.ts";

export const MATERIAL_PER = ["learner", "group", "session"] as const;

/** One thing to gather before a session, listed once in a module's front matter. */
export interface Material {
  id: string;
  name: string;
  quantity?: number;
  per?: (typeof MATERIAL_PER)[number];
}

/** The front matter's `materials:` list. */
export function materialsSchema() {
  return z
    .array(
      z.strictObject({
        id: id(),
        name: text(),
        quantity: z
          .int({ error: "must be a whole number" })
          .min(1, { error: "must be at least 1" })
          .optional(),
        per: z
          .enum(MATERIAL_PER, { error: `must be one of: ${MATERIAL_PER.join(", ")}` })
          .optional(),
      }),
      { error: "must be a list of materials: `- { id: pens, name: Pens, per: group }`" },
    )
    .default([]);
}

/** What is wrong with one activity's `materials="…"`: messages and hints, one per problem. */
export interface MaterialProblem {
  message: string;
  hint: string;
}

/**
 * Reads an activity's `materials="id id"` against the module's list. Unknown ids are reported with
 * the nearest known id; the old free-text form (`Printed case; pens`) gets a hint on the new one.
 */
export function resolveActivityMaterials(
  attr: string | undefined,
  known: ReadonlyMap<string, Material>,
): { materials: Material[]; problems: MaterialProblem[] } {
  const ids = (attr ?? "").split(/\s+/).filter(Boolean);
  const problems: MaterialProblem[] = [];
  if (/[;,，；]/.test(attr ?? ""))
    return {
      materials: [],
      problems: [
        {
          message: `\`materials="${attr}"\` is free text; activities name materials by id`,
          hint: 'List each item once under `materials:` in the front matter (`- { id: pens, name: Pens, per: group }`) and name the ids here, separated by spaces: materials="case-card pens".',
        },
      ],
    };
  const materials: Material[] = [];
  for (const name of ids) {
    const item = known.get(name);
    if (item) {
      if (!materials.includes(item)) materials.push(item);
      continue;
    }
    const guess = suggest(name, [...known.keys()]);
    problems.push({
      message: `\`${name}\` is not a material of this module`,
      hint: guess
        ? `Did you mean \`${guess}\`?`
        : known.size
          ? `Materials in the front matter: ${[...known.keys()].join(", ")}.`
          : "Add it under `materials:` in the front matter: `- { id: pens, name: Pens, per: group }`.",
    });
  }
  return { materials, problems };
}

/** Every material the activities use, once each, in the order they are first needed. */
export function gatherMaterials(
  activities: readonly { materials: readonly Material[] }[],
): Material[] {
  const seen = new Map<string, Material>();
  for (const a of activities) for (const m of a.materials) if (!seen.has(m.id)) seen.set(m.id, m);
  return [...seen.values()];
}

/** How many of a material, in the locale's words: "1 per group", "每组 1 份"; "" when unknown. */
export function describeQuantity(
  material: Material,
  ui: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (material.per)
    return material.quantity
      ? ui(`materials.perCount.${material.per}`, { n: material.quantity })
      : ui(`materials.per.${material.per}`);
  return material.quantity ? ui("materials.total", { n: material.quantity }) : "";
}
