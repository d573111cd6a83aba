import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, parse, relative, resolve, sep } from "node:path";
import { homedir } from "node:os";
import { CourseError } from "../errors.ts";
import { ENGINE_DIR } from "../paths.ts";

/** Every folder this tool writes carries this file, so it only ever replaces its own output. */
export const OUTPUT_MARKER = ".onion-course-output";

function contains(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && rel !== "..");
}

/**
 * Refuses a target that is (or holds) the course or the project, the home or root folder, or an
 * existing folder with files that this tool did not write (no marker file).
 */
export async function assertOutputTarget(
  target: string,
  ctx: { courseDir: string },
): Promise<void> {
  const out = resolve(target);
  const guarded = [
    resolve(ctx.courseDir),
    ENGINE_DIR.replace(/[/\\]$/, ""),
    homedir(),
    parse(out).root,
  ];
  for (const folder of guarded)
    if (contains(out, folder))
      throw new CourseError(
        `Refusing to write into ${target}: it is or holds ${folder}, which this tool must never replace. Choose an empty or new folder with --out.`,
      );
  if (!existsSync(out)) return;
  const entries = await readdir(out).catch(() => {
    throw new CourseError(
      `${target} exists and is not a folder. Choose another folder with --out.`,
    );
  });
  if (entries.length && !entries.includes(OUTPUT_MARKER))
    throw new CourseError(
      `Refusing to replace ${target}: it holds files this tool did not write (no ${OUTPUT_MARKER} file). Choose an empty or new folder with --out, or empty it yourself.`,
    );
}

/** Writes files into a staging folder beside the target, then swaps it in whole. */
export async function writeOutputFolder(
  target: string,
  files: Map<string, Uint8Array | string>,
): Promise<void> {
  const out = resolve(target);
  const staging = `${out}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [name, data] of files) {
      const path = resolve(staging, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    }
    await writeFile(
      resolve(staging, OUTPUT_MARKER),
      "Written by npm run package; replaced on every run.\n",
    );
    await rm(out, { recursive: true, force: true });
    await rename(staging, out);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
