import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { transform } from "esbuild";
import { QR_SCRIPTS } from "../eleventy/qr-scripts.ts";

/**
 * Minifies the stylesheets and scripts copied into a freshly rendered site (`<site>/assets/`), so
 * every page loads fewer bytes; the readable sources stay in templates/assets. Only files the build
 * itself just copied into its staging folder are rewritten.
 */
export async function minifyAssets(siteDir: string): Promise<{ before: number; after: number }> {
  const dir = join(siteDir, "assets");
  const names = await readdir(dir).catch(() => [] as string[]);
  let before = 0;
  let after = 0;
  for (const name of names) {
    const loader = name.endsWith(".css") ? "css" : name.endsWith(".js") ? "js" : undefined;
    // The QR libraries are bundled minified already (and kept on one line: see qr-scripts.ts).
    if (!loader || QR_SCRIPTS.includes(name)) continue;
    const file = join(dir, name);
    const source = await readFile(file, "utf8");
    // charset utf8 keeps Chinese text as it is (escaped, it would grow); no target: no rewriting of syntax.
    const { code } = await transform(source, { loader, minify: true, charset: "utf8" });
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
    await writeFile(file, code);
  }
  return { before, after };
}
