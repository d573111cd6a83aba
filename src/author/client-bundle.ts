import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("client/main.ts", import.meta.url));

/** The editor's browser code, bundled once per server start (no CDN: everything is served here). */
export async function bundleClient(): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    outdir: "out",
    legalComments: "none",
    logLevel: "silent",
  });
  const pick = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? "";
  return { js: pick(".js"), css: pick(".css") };
}
