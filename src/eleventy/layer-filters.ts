import type { CourseModel, PageRecord } from "../course/model.ts";
import { competencyOf } from "../course/lookup.ts";
import { layerColours } from "../framework/layer-colours.ts";

/** Page types that show the layers' colours: the onion, layer lists, and pages inside one layer. */
const COLOURED_PAGES = new Set(["home", "framework", "layer", "competency", "module", "outline"]);

/** The layer a page belongs to (layer, competency and module pages), by position from the core. */
export function layerIndexOf(model: CourseModel, page: PageRecord): number {
  const layerId = page.layerId ?? competencyOf(model, page.competencyId)?.layer.id;
  return model.framework.layers.findIndex((l) => l.id === layerId);
}

/** Filters that carry each layer's colour (course data or the defaults) onto pages. */
export function registerLayerFilters(eleventyConfig: any, model: () => CourseModel): void {
  /**
   * A `<style>` giving class `layer-N` (N = position from the core) its layer's `--layer` and
   * `--layer-tint`; empty on pages that show no layer. Colours are validated `#rrggbb` values.
   */
  eleventyConfig.addFilter("layerStyle", (page: PageRecord) => {
    if (!COLOURED_PAGES.has(page.type)) return "";
    // A page inside one layer needs only that layer's colours; pages listing layers need all.
    const own = layerIndexOf(model(), page);
    const rules = layerColours(model().framework.layers)
      .map((c, i) => `.layer-${i}{--layer:${c.colour};--layer-tint:${c.tint}}`)
      .filter((_, i) => own < 0 || i === own);
    return `<style>${rules.join("")}</style>`;
  });
  /** `layer-N` for a page inside layer N, for the body's class; empty otherwise. */
  eleventyConfig.addFilter("layerClass", (page: PageRecord) => {
    const index = layerIndexOf(model(), page);
    return index >= 0 && COLOURED_PAGES.has(page.type) ? `layer-${index} in-layer` : "";
  });
  /** `layer-N` for the layer with this id. */
  eleventyConfig.addFilter("layerClassOf", (layerId: string) => {
    const index = model().framework.layers.findIndex((l) => l.id === layerId);
    return index >= 0 ? `layer-${index}` : "";
  });
}
