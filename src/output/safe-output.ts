import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, parse, relative, resolve } from "node:path";
import { CourseError } from "../errors.ts";
import { ENGINE_DIR } from "../paths.ts";

/** The file every output folder written by this tool carries; only such folders are replaced. */
export const OUTPUT_MARKER = ".onion-course-output";

const MARKER_TEXT =
  "This folder was written by the onion-course tool (build, package or pdf).\n" +
  "The next build replaces the whole folder: keep nothing of your own in it.\n";

/** The folders of a course folder that hold its sources; output never goes inside them. */
const COURSE_SOURCE_FOLDERS = ["framework", "modules", "pages", "i18n"];

/** The real path of `path`, following symbolic links in the part of it that exists. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  let existing = absolute;
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    missing.unshift(basename(existing));
    existing = parent;
  }
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // An unreadable ancestor: compare the path as written.
  }
  return join(real, ...missing);
}

/** True when `inner` is `outer` or lies somewhere inside it. */
export function isSameOrInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Whether an existing folder is empty or a previous output of this tool. */
function describeExisting(
  target: string,
): "missing" | "empty" | "previous-output" | "foreign" | "file" {
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    return "missing";
  }
  if (stats.isSymbolicLink()) {
    try {
      stats = statSync(target);
    } catch {
      return "file";
    }
  }
  if (!stats.isDirectory()) return "file";
  const entries = readdirSync(target);
  if (entries.length === 0) return "empty";
  if (entries.includes(OUTPUT_MARKER) || isBuildFromBeforeTheMarker(target, entries))
    return "previous-output";
  return "foreign";
}

/**
 * A site built by an earlier version of this tool, before it wrote the marker: nothing but the
 * home page, the 404 page, assets/site.css, the search index and one folder per locale.
 */
function isBuildFromBeforeTheMarker(target: string, entries: string[]): boolean {
  const known = (name: string) =>
    ["index.html", "404.html", "assets", "pagefind"].includes(name) ||
    /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(name);
  return (
    entries.includes("index.html") &&
    existsSync(join(target, "assets", "site.css")) &&
    entries.every(known)
  );
}

/**
 * Refuses, before anything is written, an output folder that could destroy someone's work: the
 * root, the home folder, the current folder, the project, the course folder (or a folder that
 * contains one of them), a folder inside the course's sources, a file, or an existing folder that
 * has content and is not a previous output of this tool. Throws a CourseError saying what to do.
 */
export function assertSafeOutputTarget(target: string, ctx: { courseDir: string }): void {
  const shown = target;
  const real = realPathOf(target);
  const course = realPathOf(ctx.courseDir);
  const guarded: [string, string][] = [
    [parse(real).root, "the root of the file system"],
    [realPathOf(homedir()), "your home folder"],
    [realPathOf(process.cwd()), "the current folder"],
    [realPathOf(ENGINE_DIR), "the onion-course project folder"],
    [course, "the course folder"],
  ];
  for (const [folder, name] of guarded) {
    if (isSameOrInside(folder, real))
      throw new CourseError(
        `Refusing to write the output into ${shown}: it ${folder === real ? "is" : "contains"} ${name} (${folder}), and a build replaces its output folder completely. Choose a new folder of its own, e.g. --out site.`,
      );
  }
  for (const source of COURSE_SOURCE_FOLDERS) {
    const folder = join(course, source);
    if (isSameOrInside(real, folder))
      throw new CourseError(
        `Refusing to write the output into ${shown}: it is inside the course's ${source}/ folder, where the course's own files live. Choose a folder outside it, e.g. --out site.`,
      );
  }
  const state = describeExisting(real);
  if (state === "file")
    throw new CourseError(
      `Refusing to write the output into ${shown}: it is a file, not a folder. Choose a folder name that is not taken, e.g. --out site.`,
    );
  if (state === "foreign")
    throw new CourseError(
      `Refusing to replace ${shown}: the folder is not empty and is not a previous output of this tool (it has no ${OUTPUT_MARKER} file). Move your files elsewhere, or choose a new folder, e.g. --out site.`,
    );
}

/** A clear message for a file-system failure while preparing or replacing an output folder. */
function explainFsError(action: string, path: string, error: unknown): CourseError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === "EACCES" || code === "EPERM"
      ? "you have no permission to write there"
      : code === "ENOTDIR" || code === "EEXIST"
        ? "part of that path is a file, not a folder"
        : code === "EROFS"
          ? "the disk is read-only"
          : code === "ENOSPC"
            ? "the disk is full"
            : code === "EXDEV"
              ? "the staging folder and the output folder are on different disks"
              : `the system reported ${code ?? (error instanceof Error ? error.message : String(error))}`;
  return new CourseError(
    `Could not ${action} ${path}: ${why}. Choose another output folder with --out, or fix the folder's permissions.`,
    { cause: error },
  );
}

/**
 * Creates a fresh staging folder beside `target` (creating missing parent folders), in which a
 * complete output is written before it replaces `target`.
 */
export async function createStaging(target: string): Promise<string> {
  const absolute = resolve(target);
  const parent = dirname(absolute);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw explainFsError("create the folder", parent, error);
  }
  try {
    return await mkdtemp(join(parent, `.staging-${basename(absolute)}-`));
  } catch (error) {
    throw explainFsError("create a staging folder in", parent, error);
  }
}

/**
 * Marks `staging` as an output of this tool and swaps it in place of `target`: a missing, empty or
 * previously written target is replaced; anything else is refused and left untouched. On failure
 * the previous output stays where it was.
 */
export async function replaceOutput(staging: string, target: string): Promise<void> {
  const absolute = resolve(target);
  await writeFile(join(staging, OUTPUT_MARKER), MARKER_TEXT);
  const state = describeExisting(absolute);
  if (state === "file" || state === "foreign")
    throw new CourseError(
      `Refusing to replace ${target}: it is not empty and not a previous output of this tool (no ${OUTPUT_MARKER} file). Nothing was changed.`,
    );
  try {
    await mkdir(dirname(absolute), { recursive: true });
    if (state === "missing") return await rename(staging, absolute);
    const previous = `${staging}-previous`;
    await rename(absolute, previous);
    try {
      await rename(staging, absolute);
    } catch (error) {
      await rename(previous, absolute);
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
  } catch (error) {
    if (error instanceof CourseError) throw error;
    throw explainFsError("replace the output folder", target, error);
  }
}

/** Refuses to add files to a folder that is not an output of this tool (used by `pdf`). */
export function assertPreviousOutput(folder: string): void {
  if (describeExisting(resolve(folder)) !== "previous-output")
    throw new CourseError(
      `${folder} is not a site built by this tool (it has no ${OUTPUT_MARKER} file), so nothing is written into it. Run \`npm run build\` (with the same --out) first.`,
    );
}
