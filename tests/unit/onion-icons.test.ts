import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { channels } from "../../src/framework/layer-colours.ts";
import { drawOnionPng, THEME_COLOUR } from "../../src/onion/draw-icons.ts";
import { encodePng } from "../../src/onion/encode-png.ts";

/**
 * The icon as its definition draws it: every pixel the mean of 4 × 4 samples, each the colour of
 * the ring it falls in (core first), the background outside the onion (80 % of the icon) and in the
 * separators (2.5 % of the icon) before each inner ring's edge. No shortcut.
 */
function referenceIcon(size: number, fills: string[]): Buffer {
  const colours = fills.map(channels);
  const background = channels(THEME_COLOUR);
  const outer = (size * 0.8) / 2;
  const band = outer / fills.length;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const d = Math.hypot(x + (sx + 0.5) / 4 - size / 2, y + (sy + 0.5) / 4 - size / 2);
          const ring = Math.min(fills.length - 1, Math.floor(d / band));
          const separator = (ring + 1) * band - d < size * 0.025 && ring < fills.length - 1;
          const c = d > outer || separator ? background : colours[ring]!;
          for (let i = 0; i < 3; i++) sum[i]! += c[i]!;
        }
      for (let i = 0; i < 3; i++) pixels[(y * size + x) * 4 + i] = Math.round(sum[i]! / 16);
      pixels[(y * size + x) * 4 + 3] = 255;
    }
  return encodePng(size, size, pixels);
}

/** The RGBA pixel at (x, y) of a PNG that encodePng wrote (one IDAT chunk, no filtering). */
function pixelAt(png: Buffer, size: number, x: number, y: number): number[] {
  const idat = png.indexOf("IDAT");
  const length = png.readUInt32BE(idat - 4);
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + length));
  const at = y * (size * 4 + 1) + 1 + x * 4;
  return [...rows.subarray(at, at + 4)];
}

describe("the onion icon", () => {
  const courses = {
    "three layers": ["#f4d6c4", "#e9b08c", "#b5562b"],
    "four layers": ["#f4d6c4", "#e9b08c", "#d98255", "#b5562b"],
    "five layers, strong contrasts": ["#ffffff", "#000000", "#123456", "#abcdef", "#777777"],
  };

  // Pixels away from every edge are filled without sampling: the bytes must stay exactly those of
  // sampling every pixel, at the sizes the build writes and at odd ones.
  for (const [name, fills] of Object.entries(courses))
    it(`${name}: the same bytes as sampling every pixel, at 192, 512 and odd sizes`, () => {
      for (const size of [192, 512, 33, 97])
        expect(drawOnionPng(size, fills).equals(referenceIcon(size, fills)), `${size} px`).toBe(
          true,
        );
    });

  it("has the core's colour at the centre, the background in the corners, and blends the edges", () => {
    const fills = courses["four layers"];
    const png = drawOnionPng(192, fills);
    expect(pixelAt(png, 192, 96, 96)).toEqual([...channels(fills[0]!), 255]);
    expect(pixelAt(png, 192, 0, 0)).toEqual([...channels(THEME_COLOUR), 255]);
    // The onion's edge (radius 76.8 px) on the middle row: a pixel partly inside is a blend.
    const edge = pixelAt(png, 192, 96 + 76, 96);
    expect(edge).not.toEqual([...channels(THEME_COLOUR), 255]);
    expect(edge).not.toEqual([...channels(fills[3]!), 255]);
  });
});
