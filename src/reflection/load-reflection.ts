import type { FindingCollector, FrameworkFiles } from "../framework/load.ts";
import type { CourseModule } from "../modules/types.ts";
import type { ReflectionData } from "./schema.ts";

export async function loadReflection(
  _courseDir: string,
  _files: FrameworkFiles,
  _modules: CourseModule[],
  _found: FindingCollector,
): Promise<ReflectionData | undefined> {
  return undefined;
}
