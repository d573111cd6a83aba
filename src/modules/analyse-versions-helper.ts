/**
 * A helper thread of `analyseVersions`: analyses the module files it is sent, with the course's
 * context from its start, and answers each with the version and what was found. A task that throws
 * is answered `failed`, and the calling thread analyses it again (so the error is reported there).
 */
import { parentPort, workerData } from "node:worker_threads";
import { FindingCollector } from "../framework/load.ts";
import { analyseVersion, type VersionContext, type VersionTask } from "./load-version.ts";
import { createModuleMarkdown } from "./markdown.ts";

const context = (workerData as { context: VersionContext }).context;
const md = createModuleMarkdown();

parentPort!.on("message", ({ i, task }: { i: number; task: VersionTask }) => {
  try {
    const found = new FindingCollector();
    const version = analyseVersion(task, context, md, found);
    parentPort!.postMessage({ i, result: { version, findings: found.findings } });
  } catch (error) {
    parentPort!.postMessage({ i, failed: String(error) });
  }
});
