import { createHash } from "node:crypto";
import type { Finding } from "../errors.ts";
import { FindingCollector } from "../framework/load.ts";
import type { ModuleVersion } from "./types.ts";

interface Entry {
  file: string;
  version: ModuleVersion | undefined;
  findings: Finding[];
}

/**
 * Analysed module versions kept between loads of the same course in one process (`npm start`
 * rebuilds after every saved edit): a module whose file and context are unchanged is not parsed
 * again. The key covers everything the analysis reads: the file's name and text, and a digest of
 * its context (the competency, module defaults, interface texts, case settings, review settings).
 */
export class ModuleVersionCache {
  readonly #entries = new Map<string, Entry>();
  /** How many versions loads took from the cache, and how many they analysed. */
  hits = 0;
  misses = 0;

  /** A digest of what, besides the file, the analysis of a version depends on. */
  static context(parts: unknown): string {
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  }

  /**
   * The version in `file` with this text and context, analysed by `analyse` unless it is kept
   * already; the findings of the analysis go to `found` either way (copies: a strict load turns
   * warnings into errors in place).
   */
  get(
    key: { file: string; text: string; context: string },
    analyse: (found: FindingCollector) => ModuleVersion | undefined,
    found: FindingCollector,
  ): ModuleVersion | undefined {
    const id = createHash("sha256")
      .update(`${key.file}\0${key.context}\0`)
      .update(key.text)
      .digest("hex");
    let entry = this.#entries.get(id);
    if (entry) this.hits += 1;
    else {
      this.misses += 1;
      const local = new FindingCollector();
      entry = { file: key.file, version: analyse(local), findings: local.findings };
      // Only the latest analysis of each file is worth keeping.
      for (const [other, kept] of this.#entries)
        if (kept.file === key.file) this.#entries.delete(other);
      this.#entries.set(id, entry);
    }
    found.add(...entry.findings.map((f) => ({ ...f })));
    return entry.version;
  }
}
