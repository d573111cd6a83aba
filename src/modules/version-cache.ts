import { createHash } from "node:crypto";
import type { Finding } from "../errors.ts";
import { FindingCollector } from "../framework/load.ts";
import type { ModuleVersion } from "./types.ts";

interface Entry {
  /** What the version was analysed from: the file's text and the digest of its context. */
  text: string;
  context: string;
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
  /** By file name. */
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
    // One entry per file, the latest analysis: kept when the text and context are the same
    // (compared as strings, which is faster than hashing every module's text on every load).
    let entry = this.#entries.get(key.file);
    if (entry && entry.text === key.text && entry.context === key.context) this.hits += 1;
    else {
      this.misses += 1;
      const local = new FindingCollector();
      entry = {
        text: key.text,
        context: key.context,
        version: analyse(local),
        findings: local.findings,
      };
      this.#entries.set(key.file, entry);
    }
    found.add(...entry.findings.map((f) => ({ ...f })));
    return entry.version;
  }
}
