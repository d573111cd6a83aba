import { lstat, readFile, realpath } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import type { Finding } from "../errors.ts";
import { CourseTextCache } from "./course-text-cache.ts";

/** No course file is anywhere near this size; a bigger one is a mistake (or an attack). */
export const MAX_COURSE_FILE_BYTES =
  // Raised only by `npm run bench -- --large`, whose synthetic framework of 2,048 competencies is
  // larger than any course a person writes; nothing in a course can set it.
  Number(process.env.ONION_BENCH_FILE_LIMIT_BYTES) || 1_000_000;

export type CourseFileText =
  { text: string; finding?: undefined } | { text?: undefined; finding: Finding };

const problemAt = (file: string, message: string, hint: string): CourseFileText => ({
  finding: { file, line: 1, column: 1, dataPath: "", message, hint, severity: "error" },
});

/**
 * Reads a text file of the course (or engine) safely: it must stay inside `root` (no symbolic link
 * out of it), be at most MAX_COURSE_FILE_BYTES, and be UTF-8; a byte-order mark is dropped. Every
 * problem becomes a finding on `file` instead of an exception. With `cache` (serving), a file that has
 * not changed since it was last read is not read again; every check above still runs.
 */
export async function readCourseText(
  root: string,
  file: string,
  cache?: CourseTextCache,
): Promise<CourseFileText> {
  const abs = isAbsolute(file) ? file : join(root, file);
  const shown = isAbsolute(file) ? relative(root, file) || file : file;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(abs)]);
    const rel = relative(realRoot, realFile);
    if (rel.startsWith("..") || isAbsolute(rel))
      return problemAt(
        shown,
        `${shown} is a link to a file outside the course folder (${realFile})`,
        "Copy the file into the course folder instead of linking to it: the build reads only what is inside the course.",
      );
    const stats = await lstat(realFile);
    if (!stats.isFile())
      return problemAt(
        shown,
        `${shown} is not a file`,
        "Replace it with a text file of that name.",
      );
    if (stats.size > MAX_COURSE_FILE_BYTES)
      return problemAt(
        shown,
        `${shown} is too large (${Math.round(stats.size / 1000)} kB; the limit is ${MAX_COURSE_FILE_BYTES / 1000} kB)`,
        "Course files are short texts. Check that the right file was saved here; split a very long module into several.",
      );
    const key = CourseTextCache.key(stats);
    const kept = cache?.lookup(realFile, key);
    if (kept !== undefined) return { text: kept };
    const bytes = await readFile(realFile);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
      return problemAt(
        shown,
        `${shown} is saved as UTF-16`,
        "Save it as UTF-8 (in most editors: Save As → Encoding → UTF-8).",
      );
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return problemAt(
        shown,
        `${shown} is not UTF-8 text (perhaps saved as GBK, Big5 or another legacy encoding)`,
        "Save it as UTF-8 (in most editors: Save As → Encoding → UTF-8), then build again.",
      );
    }
    const clean = text.replace(/^\uFEFF/, "");
    cache?.keep(realFile, key, clean);
    return { text: clean };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problemAt(
      shown,
      code === "ENOENT"
        ? `${shown} is missing (or is a link to something that does not exist)`
        : code === "EACCES" || code === "EPERM"
          ? `${shown} cannot be read: no permission`
          : `${shown} cannot be read (${code ?? String(error)})`,
      code === "ENOENT"
        ? `Create ${shown}, or remove the broken link.`
        : "Check the file's permissions so that your user can read it.",
    );
  }
}
