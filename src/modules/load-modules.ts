import type { FindingCollector, FrameworkFiles } from "../framework/load.ts";
import type { CourseModule } from "./types.ts";

export async function loadModules(
  _courseDir: string,
  _files: FrameworkFiles,
  _found: FindingCollector,
): Promise<CourseModule[]> {
  return [];
}
