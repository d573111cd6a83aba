import type { Competency, FrameworkData, Layer } from "./schema.ts";

/** A competency with the layer it sits in, for pages that list competencies across layers. */
export interface CompetencyEntry {
  competency: Competency;
  layer: Layer;
  /** Position of the layer, 0 for the core. */
  layerIndex: number;
}

export function listCompetencies(framework: FrameworkData): CompetencyEntry[] {
  return framework.layers.flatMap((layer, layerIndex) =>
    layer.competencies.map((competency) => ({ competency, layer, layerIndex })),
  );
}
