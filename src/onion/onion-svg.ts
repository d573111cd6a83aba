import type { Layer } from "../framework/schema.ts";
import { layerColours } from "../framework/layer-colours.ts";
import {
  CENTRE,
  SIZE,
  layoutOnion,
  pointAt,
  type ArcLabel,
  type RingLayout,
  type StackLabel,
} from "./onion-layout.ts";

export interface OnionOptions {
  layers: Layer[];
  locale: string;
  title: string;
  description: string;
  /** The page a ring (no competency) or a competency inside it links to. */
  hrefFor: (layerId: string, competencyId?: string) => string;
  /** Unique per page, so two diagrams on a page keep distinct ids. */
  idPrefix: string;
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const n = (value: number) => value.toFixed(1);

/** An arc path from `from` to `to` degrees (clockwise from the top), or back when reversed. */
function arcPath(radius: number, from: number, to: number, reversed: boolean): string {
  const [start, end] = reversed ? [to, from] : [from, to];
  const [x1, y1] = pointAt(radius, start);
  const [x2, y2] = pointAt(radius, end);
  const large = to - from > 180 ? 1 : 0;
  return `M${n(x1)} ${n(y1)}A${n(radius)} ${n(radius)} 0 ${large} ${reversed ? 0 : 1} ${n(x2)} ${n(y2)}`;
}

/** The part of a ring band between two angles: a competency's tap area. */
function sectorPath(inner: number, outer: number, from: number, to: number): string {
  const large = to - from > 180 ? 1 : 0;
  const [ox1, oy1] = pointAt(outer, from);
  const [ox2, oy2] = pointAt(outer, to);
  const [ix2, iy2] = pointAt(inner, to);
  const [ix1, iy1] = pointAt(inner, from);
  return (
    `M${n(ox1)} ${n(oy1)}A${n(outer)} ${n(outer)} 0 ${large} 1 ${n(ox2)} ${n(oy2)}` +
    `L${n(ix2)} ${n(iy2)}A${n(inner)} ${n(inner)} 0 ${large} 0 ${n(ix1)} ${n(iy1)}Z`
  );
}

/** The part of the core between two heights: a competency's tap area there. */
function slabPath(radius: number, top: number, bottom: number): string {
  const half = (y: number) => Math.sqrt(Math.max(0, radius ** 2 - (y - CENTRE) ** 2));
  const [wt, wb] = [half(top), half(bottom)];
  return (
    `M${n(CENTRE - wt)} ${n(top)}L${n(CENTRE + wt)} ${n(top)}` +
    `A${n(radius)} ${n(radius)} 0 0 1 ${n(CENTRE + wb)} ${n(bottom)}` +
    `L${n(CENTRE - wb)} ${n(bottom)}A${n(radius)} ${n(radius)} 0 0 1 ${n(CENTRE - wt)} ${n(top)}Z`
  );
}

const isArc = (label: ArcLabel | StackLabel): label is ArcLabel => "from" in label;

/**
 * A label's text, in one <text> so that its lines read as one name: along arcs (paths defined just
 * before) or as centred lines across the core. `name` is the full label: where the lines were broken
 * at a space, the space is kept at the end of the first line.
 */
function labelText(
  label: ArcLabel | StackLabel,
  name: string,
  pathId: string,
  cls: string,
): string {
  const texts = label.lines.map((l) => l.text);
  const sep = texts.length > 1 && texts.join(" ") === name ? " " : "";
  const line = (i: number) => escapeXml(texts[i]! + (i < texts.length - 1 ? sep : ""));
  const open = `<text class="${cls}" font-size="${n(label.fontSize)}" dominant-baseline="central" text-anchor="middle">`;
  if (!isArc(label))
    return `${open}${label.lines.map((l, i) => `<tspan x="${CENTRE}" y="${n(l.y)}">${line(i)}</tspan>`).join("")}</text>`;
  const paths = label.lines
    .map(
      (l, i) =>
        `<path id="${pathId}-${i}" d="${arcPath(l.radius, label.from, label.to, label.reversed)}" fill="none"/>`,
    )
    .join("");
  const spans = label.lines
    .map((_, i) => `<textPath href="#${pathId}-${i}" startOffset="50%">${line(i)}</textPath>`)
    .join("");
  return `${paths}${open}${spans}</text>`;
}

/**
 * A label cut with "…" names itself in full in a <title>: a tooltip for pointer users, and the
 * link's name for screen readers.
 */
function fullNameIfShortened(label: ArcLabel | StackLabel, name: string): string {
  const shown = label.lines.map((l) => l.text);
  const whole = shown.join(" ") === name || shown.join("") === name;
  return whole ? "" : `<title>${escapeXml(name)}</title>`;
}

function ringMarkup(
  o: OnionOptions,
  layer: Layer,
  ring: RingLayout,
  colour: { colour: string; tint: string },
): string {
  const prefix = `${o.idPrefix}-${ring.index}`;
  const title = layer.title[o.locale] ?? layer.id;
  const ringLink =
    `<a href="${escapeXml(o.hrefFor(layer.id))}" class="onion-ring">` +
    fullNameIfShortened(ring.title, title) +
    `<circle cx="${CENTRE}" cy="${CENTRE}" r="${n(ring.outer)}" fill="${colour.tint}" stroke="${colour.colour}"/>` +
    labelText(ring.title, title, `${prefix}-t`, "onion-layer") +
    `</a>`;
  // A crowded ring has no competency labels (the text list beside the diagram names them).
  const competencies = ring.competencies
    .map((label, i) => {
      const competency = layer.competencies[i]!;
      const area = isArc(label)
        ? sectorPath(ring.inner, ring.outer, label.from, label.to)
        : slabPath(ring.outer, label.top, label.bottom);
      const name = competency.title[o.locale] ?? competency.id;
      return (
        `<a href="${escapeXml(o.hrefFor(layer.id, competency.id))}" class="onion-competency">` +
        fullNameIfShortened(label, name) +
        `<path class="onion-area" d="${area}" fill="transparent" stroke="${colour.colour}"/>` +
        labelText(label, name, `${prefix}-c${i}`, "onion-item") +
        `</a>`
      );
    })
    .join("");
  return ringLink + competencies;
}

/**
 * The Onion diagram as inline SVG: rings core outwards in their layers' colours, each labelled and
 * linked to its layer, with the layer's competencies labelled and linked inside the ring.
 */
export function renderOnionSvg(o: OnionOptions): string {
  const layout = layoutOnion(
    o.layers.map((layer) => ({
      title: layer.title[o.locale] ?? layer.id,
      competencies: layer.competencies.map((c) => c.title[o.locale] ?? c.id),
    })),
  );
  const colours = layerColours(o.layers);
  const titleId = `${o.idPrefix}-title`;
  const descId = `${o.idPrefix}-desc`;
  // Outer rings first: each inner disc is drawn over the middle of the ring around it.
  const rings = layout
    .map((ring) => ringMarkup(o, o.layers[ring.index]!, ring, colours[ring.index]!))
    .reverse()
    .join("");
  return (
    `<svg class="onion" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" aria-labelledby="${titleId}" aria-describedby="${descId}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${titleId}">${escapeXml(o.title)}</title><desc id="${descId}">${escapeXml(o.description)}</desc>` +
    `${rings}</svg>`
  );
}
