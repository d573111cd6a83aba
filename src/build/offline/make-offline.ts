import type { CourseModel } from "../../course/model.ts";
import { generateWorker } from "./generate-worker.ts";
import { writeAppFiles } from "./write-app-files.ts";

/** Makes a built site installable and offline-first: icons, a manifest per locale, then the worker. */
export async function makeSiteOffline(
  model: CourseModel,
  siteDir: string,
  options: { worker: boolean },
): Promise<number> {
  await writeAppFiles(model, siteDir);
  return options.worker ? generateWorker(siteDir, model) : 0;
}
