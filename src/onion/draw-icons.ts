import { channels as rgb } from "../framework/layer-colours.ts";
import { encodePng } from "./encode-png.ts";

/** The site's theme colour (site.css `--accent`), behind the onion on icons and in the manifest. */
export const THEME_COLOUR = "#8a3b12";
/** Rings fill 80 % of the icon, inside the safe zone of maskable icons. */
const ONION_SHARE = 0.8;
const SEPARATOR_SHARE = 0.025;
const SAMPLES = 4;

/**
 * Which colour is at (x, y) of an icon of `size` with `rings` rings: a ring's index (core first), or
 * `rings` for the background (outside the onion, or a separator between two rings).
 */
function paletteIndexAt(x: number, y: number, size: number, rings: number): number {
  const outer = (size * ONION_SHARE) / 2;
  const d = Math.hypot(x - size / 2, y - size / 2);
  if (d > outer) return rings;
  const band = outer / rings;
  const index = Math.min(rings - 1, Math.floor(d / band));
  const toEdge = (index + 1) * band - d;
  if (toEdge < size * SEPARATOR_SHARE && index < rings - 1) return rings;
  return index;
}

/**
 * The distances from the centre at which the colour changes: the onion's edge, and each inner ring's
 * edge and the start of the separator before it.
 */
function ringEdges(size: number, rings: number): number[] {
  const outer = (size * ONION_SHARE) / 2;
  const band = outer / rings;
  const edges = [outer];
  for (let k = 1; k < rings; k++) edges.push(k * band, k * band - size * SEPARATOR_SHARE);
  return edges;
}

/** The onion of a course, one ring per fill (core first), as a square PNG icon, drawn with 4×4 supersampling. */
export function drawOnionPng(size: number, fills: readonly string[]): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  // Parsed once, flat: the loop below looks a colour up 16 times per pixel near an edge.
  const palette = [...fills, THEME_COLOUR].flatMap(rgb);
  const rings = fills.length;
  const edges = ringEdges(size, rings);
  const samples = SAMPLES * SAMPLES;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const at = (y * size + x) * 4;
      pixels[at + 3] = 255;
      // A pixel well inside one ring (or the background) has that colour in all 16 samples: the
      // samples are less than 0.6 px from its centre, so a pixel whose centre is a full pixel away
      // from every edge is filled at once (the same bytes, a sixteenth of the work).
      const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      if (edges.every((edge) => Math.abs(d - edge) > 1)) {
        const colour = 3 * paletteIndexAt(x + 0.5, y + 0.5, size, rings);
        for (let i = 0; i < 3; i++) pixels[at + i] = palette[colour + i]!;
        continue;
      }
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour =
            3 * paletteIndexAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES, size, rings);
          red += palette[colour]!;
          green += palette[colour + 1]!;
          blue += palette[colour + 2]!;
        }
      pixels[at] = Math.round(red / samples);
      pixels[at + 1] = Math.round(green / samples);
      pixels[at + 2] = Math.round(blue / samples);
    }
  return encodePng(size, size, pixels);
}

/** The same icon as SVG, for browsers that take a scalable icon (tab icon, manifest `any` size). */
export function drawOnionSvg(fills: readonly string[]): string {
  const rings = fills.length;
  const size = 100;
  const outer = (size * ONION_SHARE) / 2;
  const circles = Array.from({ length: rings }, (_, i) => rings - 1 - i)
    .map((index) => {
      const r = (outer * (index + 1)) / rings;
      const stroke =
        index < rings - 1
          ? ` stroke="${THEME_COLOUR}" stroke-width="${size * SEPARATOR_SHARE}"`
          : "";
      return `<circle cx="50" cy="50" r="${r.toFixed(2)}" fill="${fills[index]}"${stroke}/>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" fill="${THEME_COLOUR}"/>${circles}</svg>\n`;
}
