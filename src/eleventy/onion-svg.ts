import type { Layer } from "../framework/schema.ts";

export interface OnionOptions {
  layers: Layer[];
  locale: string;
  title: string;
  description: string;
  hrefFor: (layer: Layer) => string;
  /** Unique per page, so two diagrams on a page keep distinct ids. */
  idPrefix: string;
}

const SIZE = 420;
const CENTRE = SIZE / 2;
const OUTER_RADIUS = 200;
/** Light fills, core darkest, all with dark text above 4.5:1 contrast. */
export const FILLS = ["#f6c9a8", "#f9dcc4", "#fbe9da", "#e6efe0", "#dbe8f3", "#ece3f3", "#f3f3f3"];

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Radius of ring `index` (0 = core) when there are `count` rings. */
export function ringRadius(index: number, count: number): number {
  return (OUTER_RADIUS * (index + 1)) / count;
}

/** Where a ring's label sits: the core in the middle, others in the top of their band. */
export function labelY(index: number, count: number): number {
  if (index === 0) return CENTRE + 5;
  const inner = ringRadius(index - 1, count);
  const outer = ringRadius(index, count);
  return CENTRE - (inner + outer) / 2 + 5;
}

/** The Onion diagram as inline SVG: rings core outwards, each labelled and linked to its layer. */
export function renderOnionSvg(o: OnionOptions): string {
  const count = o.layers.length;
  const fontSize = count > 4 ? 12 : 15;
  const titleId = `${o.idPrefix}-title`;
  const descId = `${o.idPrefix}-desc`;
  const rings = o.layers
    .map((layer, index) => ({ layer, index }))
    .reverse()
    .map(({ layer, index }) => {
      const label = escapeXml(layer.title[o.locale] ?? layer.id);
      return (
        `<a href="${escapeXml(o.hrefFor(layer))}" class="onion-ring">` +
        `<circle cx="${CENTRE}" cy="${CENTRE}" r="${ringRadius(index, count).toFixed(1)}" fill="${FILLS[index % FILLS.length]}"/>` +
        `<text x="${CENTRE}" y="${labelY(index, count).toFixed(1)}" text-anchor="middle" font-size="${fontSize}">${label}</text>` +
        `</a>`
      );
    })
    .join("");
  return (
    `<svg class="onion" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" aria-labelledby="${titleId}" aria-describedby="${descId}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${titleId}">${escapeXml(o.title)}</title><desc id="${descId}">${escapeXml(o.description)}</desc>` +
    `${rings}</svg>`
  );
}
