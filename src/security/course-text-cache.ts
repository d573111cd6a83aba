import type { Stats } from "node:fs";

/**
 * Texts of course files kept between loads of the same course in one process (`npm start` loads
 * the course again after every saved edit): a file whose size, times and inode are what they were
 * is not read and decoded again. For a course of a thousand module files that is a tenth of a second
 * of every rebuild, and as many megabytes of new strings for the garbage collector.
 *
 * The status change time (`ctime`) changes on every write and cannot be set back by a program, so a
 * file rewritten with its old modification time is still read again.
 */
export class CourseTextCache {
  /** By the file's real path. */
  readonly #texts = new Map<string, { key: string; text: string }>();
  hits = 0;
  misses = 0;

  static key(stats: Stats): string {
    return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
  }

  /** The text kept for `realPath` if the file's status is still `key`. */
  lookup(realPath: string, key: string): string | undefined {
    const kept = this.#texts.get(realPath);
    if (kept?.key === key) {
      this.hits += 1;
      return kept.text;
    }
    this.misses += 1;
    return undefined;
  }

  keep(realPath: string, key: string, text: string): void {
    this.#texts.set(realPath, { key, text });
  }
}
