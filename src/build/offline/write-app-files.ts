import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CourseModel } from "../../course/model.ts";
import { layerColours, tint } from "../../framework/layer-colours.ts";
import { drawOnionPng, drawOnionSvg, THEME_COLOUR } from "../../onion/draw-icons.ts";

export const ICON_DIR = "assets/icons";
export const MANIFEST_FILE = "manifest.webmanifest";
const PNG_SIZES = [192, 512];
/** Icon rings are stronger tints of the layer colours than the diagram's, to tell apart at 16 px. */
const ICON_TINT = 0.45;

/** The short name under a home-screen icon: the title up to its first colon, if it has one. */
export function shortTitle(title: string): string {
  const head = title.split(/[:：]/)[0]!.trim();
  return head || title;
}

/**
 * Icons drawn from the course's onion (a ring per layer, in the layers' colours) and a web app manifest per locale,
 * so the site installs in the learner's language. Addresses are relative to the manifest, so the
 * site installs the same under any path prefix.
 */
export async function writeAppFiles(model: CourseModel, siteDir: string): Promise<void> {
  const fills = layerColours(model.framework.layers).map((c) => tint(c.colour, ICON_TINT));
  await mkdir(join(siteDir, ICON_DIR), { recursive: true });
  await writeFile(join(siteDir, ICON_DIR, "icon.svg"), drawOnionSvg(fills));
  for (const size of PNG_SIZES)
    await writeFile(join(siteDir, ICON_DIR, `icon-${size}.png`), drawOnionPng(size, fills));
  for (const locale of model.locales) {
    const title = model.settings.title[locale] ?? "";
    const manifest = {
      name: title,
      short_name: shortTitle(title),
      description: model.settings.subtitle[locale] ?? "",
      lang: locale,
      start_url: "./index.html",
      scope: "../",
      display: "standalone",
      background_color: "#ffffff",
      theme_color: THEME_COLOUR,
      icons: [
        { src: `../${ICON_DIR}/icon.svg`, sizes: "any", type: "image/svg+xml" },
        ...PNG_SIZES.map((size) => ({
          src: `../${ICON_DIR}/icon-${size}.png`,
          sizes: `${size}x${size}`,
          type: "image/png",
          purpose: "any maskable",
        })),
      ],
    };
    await writeFile(join(siteDir, locale, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}
