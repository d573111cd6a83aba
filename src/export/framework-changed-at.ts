import { stat } from "node:fs/promises";
import { join } from "node:path";
import { COURSE_FILE, FRAMEWORK_FILE } from "../framework/load.ts";

/** When the course settings or the framework last changed on disk: the exports' change date. */
export async function readFrameworkChangedAt(courseDir: string): Promise<Date> {
  const times = await Promise.all(
    [COURSE_FILE, FRAMEWORK_FILE].map((file) => stat(join(courseDir, file)).then((s) => s.mtimeMs)),
  );
  return new Date(Math.floor(Math.max(...times) / 1000) * 1000);
}
