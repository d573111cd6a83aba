import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { REPO_DIR } from "./paths.ts";

export interface StoreApi {
  VERSION: number;
  migrate(raw: unknown): {
    version: number;
    journal: Record<string, { text: string; updated: string | null }>;
    assessments: { id: string; date: string; levels: Record<string, string> }[];
  };
  exportJson(key: string, data: unknown, now?: Date): string;
  parseBackup(text: string, key: string): ReturnType<StoreApi["migrate"]>;
  merge(
    current: ReturnType<StoreApi["migrate"]>,
    incoming: ReturnType<StoreApi["migrate"]>,
  ): { data: ReturnType<StoreApi["migrate"]>; count: number };
  empty(): ReturnType<StoreApi["migrate"]>;
}

/** The browser's storage script, run as it ships (a classic script), in a bare context. */
export function loadStoreScript(): StoreApi {
  const code = readFileSync(join(REPO_DIR, "templates", "assets", "store.js"), "utf8");
  const context: { CourseStore?: StoreApi; globalThis?: unknown } = {};
  context.globalThis = context;
  runInNewContext(code, context);
  return context.CourseStore!;
}
