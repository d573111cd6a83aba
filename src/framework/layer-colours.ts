import { z } from "zod";

/**
 * Each layer of the framework has a colour, carried through the onion and the layer's, competencies'
 * and modules' pages. A course may set `colour:` on a layer; these defaults (core outwards) are used
 * otherwise. Every one is dark enough for text on white (at least 4.5:1) and they differ in hue.
 */
export const DEFAULT_LAYER_COLOURS = [
  "#a1361b", // brick
  "#1d5b8f", // blue
  "#1f6b40", // green
  "#6b3fa0", // purple
  "#85530a", // ochre
  "#0e6868", // teal
  "#9c2a5a", // magenta
] as const;

/** Text in a layer colour on white, and the colour as a stripe, need at least this contrast (WCAG 1.4.3). */
export const MIN_CONTRAST_ON_WHITE = 4.5;
/** How much of the layer colour is in a ring's fill (the rest is white), light enough for dark text. */
const TINT_SHARE = 0.2;

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
const NOT_A_COLOUR = "must be a colour written as `#` and six hex digits, e.g. `#1d5b8f`";

/** The red, green and blue of a `#rrggbb` colour, 0 to 255. */
export const channels = (hex: string): number[] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

const toHex = (values: number[]): string =>
  `#${values.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The colour mixed with white: `share` of the colour, the rest white. */
export function tint(hex: string, share = TINT_SHARE): string {
  return toHex(channels(hex).map((c) => c * share + 255 * (1 - share)));
}

export interface LayerColour {
  /** Stripes, rings' outlines and text on white. */
  colour: string;
  /** Ring fills and light backgrounds under dark text. */
  tint: string;
}

/** The colours of the layers at these positions (core = 0), from course data or the defaults. */
export function layerColours(layers: readonly { colour?: string | undefined }[]): LayerColour[] {
  return layers.map((layer, index) => {
    const colour = (
      layer.colour ?? DEFAULT_LAYER_COLOURS[index % DEFAULT_LAYER_COLOURS.length]!
    ).toLowerCase();
    return { colour, tint: tint(colour) };
  });
}

/** A layer's `colour:` in course data: `#rrggbb`, dark enough to read on white. */
export const layerColourSchema = () =>
  z
    .string({ error: NOT_A_COLOUR })
    .regex(HEX_COLOUR, { error: NOT_A_COLOUR })
    .refine(
      (hex) => !HEX_COLOUR.test(hex) || contrastRatio(hex, "#ffffff") >= MIN_CONTRAST_ON_WHITE,
      {
        error: `is too light: pages show it as text and stripes on white, which needs a contrast of at least ${MIN_CONTRAST_ON_WHITE}:1`,
        params: {
          hint: "Choose a darker shade of the colour (a contrast checker such as WebAIM's shows the ratio against #ffffff), or remove `colour:` to use the default.",
        },
      },
    );
