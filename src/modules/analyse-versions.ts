import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Finding } from "../errors.ts";
import { FindingCollector } from "../framework/load.ts";
import { analyseVersion, type VersionContext, type VersionTask } from "./load-version.ts";
import { createModuleMarkdown } from "./markdown.ts";
import type { ModuleVersion } from "./types.ts";

/** A module file's version, or undefined when it has errors that stop it; what was found either way. */
export interface AnalysedVersion {
  version: ModuleVersion | undefined;
  findings: Finding[];
}

/** How many files helper threads have analysed in this process (for tests and the bench). */
export const analysedByHelpers = { count: 0 };

/** How many helper threads analyse a course's modules. */
export interface AnalysisThreads {
  /** Helper threads besides the calling one (by default one per other core, at most three, and one per 256 files). */
  helpers?: number;
  /** The calling thread only waits (to compare helpers' results with its own). */
  onlyHelpers?: boolean;
}

/**
 * Below this many files the course is analysed on the calling thread alone: a helper thread gives
 * its first result about 0.7 s after it starts (loading the TypeScript loader, Markdown and the
 * checks), about what 200 files take to analyse here.
 */
export const VERSIONS_PER_HELPER = 256;

/**
 * Analyses every task, in the calling thread and in helper threads (one per other core, at most
 * three, when the course is large enough to repay them). The results are in the order of the
 * tasks, the same as one thread gives. What a helper has not answered when the calling thread runs
 * out of tasks (it failed, stopped, threw, or is still at work) is analysed here; a task that throws
 * is thrown here, as on one thread.
 */
export async function analyseVersions(
  tasks: VersionTask[],
  context: VersionContext,
  threads: AnalysisThreads = {},
): Promise<AnalysedVersion[]> {
  const helpers =
    threads.helpers ??
    Math.min(3, availableParallelism() - 1, Math.floor(tasks.length / VERSIONS_PER_HELPER));
  const md = createModuleMarkdown();
  const here = (task: VersionTask): AnalysedVersion => {
    const found = new FindingCollector();
    const version = analyseVersion(task, context, md, found);
    return { version, findings: found.findings };
  };
  const results: (AnalysedVersion | undefined)[] = new Array(tasks.length);
  let next = 0;
  const pool = Array.from({ length: Math.max(0, helpers) }, () => startHelper(context));
  try {
    const helping = pool.map((helper) =>
      helper.run(() => (next < tasks.length ? next++ : -1), tasks, results),
    );
    while (next < tasks.length && !(threads.onlyHelpers && pool.length)) {
      const i = next++;
      results[i] = here(tasks[i]!);
      // Lets the helpers' answers in, and gives them their next tasks.
      if (pool.length) await new Promise((resolve) => setImmediate(resolve));
    }
    // The calling thread does not wait for what a helper still holds (it may not have started
    // yet): it analyses that too, and whichever answer comes first is kept (they are the same).
    if (threads.onlyHelpers) await Promise.all(helping);
    for (let i = 0; i < tasks.length; i++) results[i] ??= here(tasks[i]!);
  } finally {
    await Promise.all(pool.map((helper) => helper.stop()));
  }
  return results as AnalysedVersion[];
}

interface Helper {
  /** Takes tasks (`take` gives an index, -1 when none is left) until none is left or it fails. */
  run(
    take: () => number,
    tasks: VersionTask[],
    results: (AnalysedVersion | undefined)[],
  ): Promise<void>;
  stop(): Promise<void>;
}

/** How many tasks a helper holds at once, so it never waits for the calling thread to hand one over. */
const IN_FLIGHT = 2;

function startHelper(context: VersionContext): Helper {
  const worker = new Worker(new URL("./analyse-versions-thread.mjs", import.meta.url), {
    workerData: { context },
  });
  worker.unref();
  return {
    run: (take, tasks, results) =>
      new Promise<void>((done) => {
        const held = new Set<number>();
        const give = () => {
          while (held.size < IN_FLIGHT) {
            const i = take();
            if (i < 0) break;
            held.add(i);
            worker.postMessage({ i, task: tasks[i] });
          }
          if (!held.size) done();
        };
        worker.on(
          "message",
          (message: { i: number; result?: AnalysedVersion; failed?: string }) => {
            if (message.failed !== undefined) {
              // Not started, or a task threw: what it holds is left for the calling thread.
              worker.removeAllListeners("message");
              done();
              return;
            }
            held.delete(message.i);
            results[message.i] = message.result;
            analysedByHelpers.count += 1;
            give();
          },
        );
        worker.on("error", () => done());
        worker.on("exit", () => done());
        give();
      }),
    stop: async () => {
      // An answer still on its way is not wanted any more.
      worker.removeAllListeners("message");
      await worker.terminate();
    },
  };
}
