import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { REPO_DIR } from "./paths.ts";

/** The globals a browser script may find: what the test provides (document, localStorage …). */
export type ScriptContext = Record<string, unknown>;

/**
 * Runs browser scripts (classic scripts, as they ship) in one fresh context, in order, as a page
 * loads them; returns the context, where each script left its `window.*` object.
 */
export function runBrowserScripts(files: string[], globals: ScriptContext = {}): ScriptContext {
  const context: ScriptContext = { ...globals };
  context.globalThis = context;
  for (const file of files) runInNewContext(readFileSync(join(REPO_DIR, file), "utf8"), context);
  return context;
}

/** A localStorage stand-in; `failWith` makes every write throw that error (a full storage). */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  failWith: Error | undefined;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWith) throw this.failWith;
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    if (this.failWith) throw this.failWith;
    this.items.delete(key);
  }
}

/** A document holding only the page's embedded messages (script-messages.njk), or none. */
export function documentWithMessages(json: string | null): unknown {
  return {
    getElementById: (id: string) =>
      id === "ui-messages" && json !== null ? { textContent: json } : null,
  };
}
