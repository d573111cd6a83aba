import { access } from "node:fs/promises";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import type { Finding } from "../errors.ts";
import type { FindingCollector } from "../framework/load.ts";
import { readCourseText } from "../security/read-course-file.ts";

/** Course-authored page text: `pages/<name>.<locale>.md` in the course folder. */
export const COURSE_PAGES_DIR = "pages";
export const COURSE_PAGE_NAMES = ["home", "about"] as const;
export type CoursePageName = (typeof COURSE_PAGE_NAMES)[number];
/** Rendered HTML per page name and locale; a page a course does not write is absent. */
export type CoursePages = Record<CoursePageName, Record<string, string>>;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Reads the home introduction and the About text a course writes in Markdown (raw HTML is not
 * allowed). A page written in some locales must be written in all of them.
 */
export async function loadCoursePages(
  courseDir: string,
  locales: string[],
  found: FindingCollector,
): Promise<CoursePages> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const pages = { home: {}, about: {} } as CoursePages;
  for (const name of COURSE_PAGE_NAMES) {
    const files = locales.map((locale) => ({
      locale,
      file: join(COURSE_PAGES_DIR, `${name}.${locale}.md`),
    }));
    const present = await Promise.all(files.map((f) => exists(join(courseDir, f.file))));
    if (!present.some(Boolean)) continue;
    for (const [i, { locale, file }] of files.entries()) {
      if (!present[i]) {
        found.add(missingPageFinding(file, name, files[present.indexOf(true)]!.file));
        continue;
      }
      // Read like every course file: inside the course folder only, size-limited, UTF-8.
      const read = await readCourseText(courseDir, file);
      if (read.finding) found.add(read.finding);
      else pages[name][locale] = md.render(read.text);
    }
  }
  return pages;
}

function missingPageFinding(file: string, name: string, other: string): Finding {
  return {
    file,
    line: 1,
    column: 1,
    dataPath: "",
    message: `The ${name} page text is missing in this language`,
    hint: `Write ${file}, the translation of ${other}: every language of the course needs one.`,
    severity: "error",
  };
}
