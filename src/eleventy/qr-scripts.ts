import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { ENGINE_DIR } from "../paths.ts";

/**
 * The two QR libraries as classic browser scripts, bundled from the engine's dependencies into the
 * site's assets: qr-draw.js (qrcode, MIT: draws the learner's hand-over code) and qr-read.js (jsQR,
 * Apache-2.0: reads codes from the facilitator's camera). Nothing is fetched from elsewhere.
 */
const BUNDLES: { file: string; banner: string; source: string }[] = [
  {
    file: "qr-draw.js",
    banner: "/*! qrcode 1.5.4 (MIT licence, https://github.com/soldair/node-qrcode) */",
    source: `import { create } from "qrcode/lib/core/qrcode.js";
window.OnionQrDraw = {
  matrix: function (text) {
    var m = create(text, { errorCorrectionLevel: "M" }).modules;
    return { size: m.size, data: m.data };
  },
};`,
  },
  {
    file: "qr-read.js",
    banner: "/*! jsQR 1.4.0 (Apache License 2.0, https://github.com/cozmo/jsQR) */",
    source: `import jsQR from "jsqr";
window.OnionQrRead = {
  read: function (data, width, height) {
    return jsQR(data, width, height, { inversionAttempts: "dontInvert" });
  },
};`,
  },
];

/** The files written into the site's assets (already minified). */
export const QR_SCRIPTS = BUNDLES.map((b) => b.file);

/** Each bundle's text, made once per process (a test run or `npm start` builds many times). */
const bundled = new Map<string, Promise<string>>();

function bundle(entry: (typeof BUNDLES)[number]): Promise<string> {
  let text = bundled.get(entry.file);
  if (!text) {
    text = build({
      stdin: { contents: entry.source, resolveDir: ENGINE_DIR, loader: "js" },
      bundle: true,
      format: "iife",
      platform: "browser",
      minify: true,
      charset: "utf8",
      legalComments: "none",
      // Template literals become plain strings: their line breaks become "\n", one line per file.
      supported: { "template-literal": false },
      banner: { js: entry.banner },
      write: false,
      logLevel: "silent",
    }).then((result) => result.outputFiles[0]!.text);
    // A failed bundle is tried again by the next build.
    text.catch(() => bundled.delete(entry.file));
    bundled.set(entry.file, text);
  }
  return text;
}

/** Writes the QR scripts into `<outputDir>/assets/`. */
export async function writeQrScripts(outputDir: string): Promise<void> {
  const dir = join(outputDir, "assets");
  await mkdir(dir, { recursive: true });
  for (const entry of BUNDLES) await writeFile(join(dir, entry.file), await bundle(entry));
}
