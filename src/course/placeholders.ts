import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../errors.ts";
import { COURSE_FILE, FRAMEWORK_FILE } from "../framework/load.ts";
import { COURSE_PAGES_DIR } from "./course-pages.ts";

const PLACEHOLDER = /\bTODO\b/;

/**
 * Unfinished placeholders (TODO) in the course's YAML files and page texts: one warning per file,
 * with the count and the first line (strict validation makes them errors). Comment lines are skipped.
 */
export async function placeholderFindings(courseDir: string): Promise<Finding[]> {
  const pages = await readdir(join(courseDir, COURSE_PAGES_DIR)).catch(() => [] as string[]);
  const files = [
    COURSE_FILE,
    FRAMEWORK_FILE,
    "framework/reflection.yaml",
    "framework/feedback.yaml",
    ...pages.filter((f) => f.endsWith(".md")).map((f) => `${COURSE_PAGES_DIR}/${f}`),
  ];
  const out: Finding[] = [];
  for (const file of files) {
    const text = await readFile(join(courseDir, file), "utf8").catch(() => "");
    const lines = text
      .split("\n")
      .flatMap((line, i) =>
        PLACEHOLDER.test(line) && !line.trimStart().startsWith("#") ? [i + 1] : [],
      );
    if (lines.length)
      out.push({
        file,
        line: lines[0]!,
        column: 1,
        dataPath: "",
        message: `${lines.length} unfinished placeholder${lines.length > 1 ? "s" : ""} (TODO)`,
        hint: `Replace each TODO with the real text (lines ${lines.slice(0, 8).join(", ")}${lines.length > 8 ? ", …" : ""}); strict validation (npm test) treats this as an error.`,
        severity: "warning",
      });
  }
  return out;
}
