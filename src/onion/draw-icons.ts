import { channels as rgb } from "../framework/layer-colours.ts";
import { encodePng } from "./encode-png.ts";

/** The site's theme colour (site.css `--accent`), behind the onion on icons and in the manifest. */
export const THEME_COLOUR = "#8a3b12";
/** Rings fill 80 % of the icon, inside the safe zone of maskable icons. */
const ONION_SHARE = 0.8;
const SEPARATOR_SHARE = 0.025;
const SAMPLES = 4;

/** The colour at (x, y) of an icon of `size` with rings in `fills` (core first, as red, green, blue): a ring's fill, a separator or the background. */
function colourAt(
  x: number,
  y: number,
  size: number,
  fills: readonly number[][],
  background: number[],
): number[] {
  const rings = fills.length;
  const outer = (size * ONION_SHARE) / 2;
  const d = Math.hypot(x - size / 2, y - size / 2);
  if (d > outer) return background;
  const band = outer / rings;
  const index = Math.min(rings - 1, Math.floor(d / band));
  const toEdge = (index + 1) * band - d;
  if (toEdge < size * SEPARATOR_SHARE && index < rings - 1) return background;
  return fills[index]!;
}

/** The onion of a course, one ring per fill (core first), as a square PNG icon, drawn with 4×4 supersampling. */
export function drawOnionPng(size: number, fills: readonly string[]): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  // Parsed once: the loop below asks for a colour 16 times per pixel.
  const ringColours = fills.map(rgb);
  const background = rgb(THEME_COLOUR);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(
            x + (sx + 0.5) / SAMPLES,
            y + (sy + 0.5) / SAMPLES,
            size,
            ringColours,
            background,
          );
          for (let i = 0; i < 3; i++) sum[i]! += c[i]!;
        }
      const at = (y * size + x) * 4;
      for (let i = 0; i < 3; i++) pixels[at + i] = Math.round(sum[i]! / SAMPLES ** 2);
      pixels[at + 3] = 255;
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
