import { lstat, realpath } from "node:fs/promises";
import { dirname, extname, isAbsolute, join, relative, sep } from "node:path";
import { MAX_COURSE_FILE_BYTES } from "../security/read-course-file.ts";

/** The kinds of file the editor opens and writes: the course's YAML and Markdown, nothing else. */
export const EDITABLE_EXTENSIONS = [".yaml", ".yml", ".md"];

/**
 * The folders of a course that hold what trainers write (see "Make your own course"): a course kept
 * at the root of a repository shares its folder with the README, CI files and the engine's own
 * YAML, which the editor must not touch.
 */
export const COURSE_FOLDERS = ["framework", "modules", "pages", "i18n"];

/** A request the editor refuses, with the HTTP status it answers. */
export class RefusedPath extends Error {
  constructor(
    message: string,
    readonly status = 403,
  ) {
    super(message);
    this.name = "RefusedPath";
  }
}

const inside = (root: string, target: string) => {
  const rel = relative(root, target);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
};

/**
 * The absolute path of a course file named by `name` (relative, `/`-separated), or a RefusedPath:
 * no absolute path, no `..` or empty segment, no backslash or NUL, only .yaml/.yml/.md in the
 * course's own folders ({@link COURSE_FOLDERS}), and the file
 * (or, for a new file, its folder) must resolve inside the course folder after following links.
 */
export async function resolveCourseFile(
  courseDir: string,
  name: string,
  options: { mayBeNew?: boolean } = {},
): Promise<string> {
  if (typeof name !== "string" || !name) throw new RefusedPath("No file named.", 400);
  if (name.includes("\0") || name.includes("\\") || isAbsolute(name) || /^[a-z]:/i.test(name))
    throw new RefusedPath("Only files inside the course folder can be edited.");
  const segments = name.split("/");
  if (segments.some((s) => s === "" || s === "." || s === ".."))
    throw new RefusedPath("Only files inside the course folder can be edited.");
  if (segments.some((s) => s.startsWith(".") || s === "node_modules"))
    throw new RefusedPath("Hidden files and installed packages are not course files.");
  if (!COURSE_FOLDERS.includes(segments[0]!) || segments.length < 2)
    throw new RefusedPath(
      `Only the course's own files can be edited: those in ${COURSE_FOLDERS.map((f) => `${f}/`).join(", ")}.`,
    );
  if (!EDITABLE_EXTENSIONS.includes(extname(name).toLowerCase()))
    throw new RefusedPath("Only the course's YAML and Markdown files can be edited.");
  const root = await realpath(courseDir);
  const target = join(root, ...segments);
  let real: string;
  try {
    real = await realpath(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !options.mayBeNew)
      throw new RefusedPath("There is no such file in the course.", 404);
    const folder = await realpath(dirname(target)).catch(() => {
      throw new RefusedPath("There is no such folder in the course.", 404);
    });
    if (!inside(root, join(folder, "x")))
      throw new RefusedPath("That folder is outside the course.");
    return join(folder, segments.at(-1)!);
  }
  if (!inside(root, real)) throw new RefusedPath("That file is a link to outside the course.");
  const stats = await lstat(real);
  if (!stats.isFile()) throw new RefusedPath("That is not a file.", 404);
  if (stats.size > MAX_COURSE_FILE_BYTES)
    throw new RefusedPath("That file is larger than any course file may be.", 413);
  return real;
}
