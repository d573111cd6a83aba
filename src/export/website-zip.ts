import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { OUTPUT_MARKER } from "../output/safe-output.ts";

/** The whole built website as one zip, for a USB stick or a copy on an intranet server. */
export const WEBSITE_ZIP = "website.zip";
/** The folder the zip unpacks into, so unzipping never scatters files beside the zip. */
export const WEBSITE_FOLDER = "website";
/** Fixed file dates make the same site give a byte-identical zip. */
const ZIP_DATE = new Date("2026-01-01T00:00:00Z");
/** Files that compress no further (images, search fragments, WebAssembly) are stored as they are. */
const STORED = /\.(?:png|jpe?g|gif|webp|pdf|zip|pf_fragment|pf_index|pf_meta|pagefind|wasm)$/i;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/**
 * Every file of a built site (pages, assets, search index, framework exports, service worker and any
 * printed PDFs) under `website/`, except the marker that says the folder was written by this tool.
 */
export async function zipWebsite(siteDir: string): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const path of await listFiles(siteDir)) {
    if (path === OUTPUT_MARKER) continue;
    files[`${WEBSITE_FOLDER}/${path}`] = [
      await readFile(join(siteDir, path)),
      { mtime: ZIP_DATE, level: STORED.test(path) ? 0 : 6 },
    ];
  }
  return zipSync(files);
}
