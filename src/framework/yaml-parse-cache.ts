import type { CourseTextCache } from "../security/course-text-cache.ts";
import type { YamlSource } from "./yaml-source.ts";

/** What a load while serving keeps of the YAML files it reads: their texts and their parses. */
export interface YamlReadCaches {
  texts?: CourseTextCache;
  parses?: YamlParseCache;
}

interface Entry {
  text: string;
  source: YamlSource;
}

/**
 * Parsed YAML files kept between loads of the same course in one process (`npm start` loads the
 * course again after every saved edit): a file whose text is unchanged is not parsed again. A large
 * framework file takes a fifth of a second to parse; copying what was kept takes a few milliseconds.
 *
 * Each load gets its own copy of the data and of the findings, so a load that changes what it was
 * given (a strict load turns warnings into errors in place) never changes what the next one gets.
 */
export class YamlParseCache {
  /** By file name: the latest parse only. */
  readonly #entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  /** The parse of `file` with this text: `parse()` unless kept already. */
  get(file: string, text: string, parse: () => YamlSource): YamlSource {
    let entry = this.#entries.get(file);
    if (entry?.text === text) this.hits += 1;
    else {
      this.misses += 1;
      entry = { text, source: parse() };
      this.#entries.set(file, entry);
    }
    // The first load gets a copy too: what is kept stays as the parser made it.
    const { source } = entry;
    return {
      ...source,
      data: structuredClone(source.data),
      syntaxFindings: source.syntaxFindings.map((f) => ({ ...f })),
    };
  }
}
