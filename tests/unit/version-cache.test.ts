import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/errors.ts";
import { FindingCollector } from "../../src/framework/load.ts";
import type { ModuleVersion } from "../../src/modules/types.ts";
import { ModuleVersionCache } from "../../src/modules/version-cache.ts";

const warning: Finding = {
  file: "modules/a/en.md",
  line: 3,
  column: 1,
  dataPath: "",
  message: "Unfinished placeholder (TODO)",
  hint: "Replace the TODO.",
  severity: "warning",
};

/** A cache whose analyses are counted; each analysis makes a new version object and one warning. */
function counted() {
  const cache = new ModuleVersionCache();
  let analysed = 0;
  const load = (file: string, text: string, context = "c1") => {
    const found = new FindingCollector();
    const version = cache.get(
      { file, text, context },
      (into) => {
        analysed += 1;
        into.add({ ...warning, file });
        return { file, text } as unknown as ModuleVersion;
      },
      found,
    );
    return { version, found };
  };
  return { cache, load, analysed: () => analysed };
}

describe("analysed module versions kept while serving", () => {
  it("reuses a version whose file, text and context are unchanged, and analyses any change", () => {
    const { cache, load, analysed } = counted();
    const first = load("modules/a/en.md", "text one");
    expect(load("modules/a/en.md", "text one").version).toBe(first.version);
    expect(analysed()).toBe(1);
    // Another text, another context, another file: analysed again.
    expect(load("modules/a/en.md", "text two").version).not.toBe(first.version);
    load("modules/a/en.md", "text two", "c2");
    load("modules/b/en.md", "text two", "c2");
    expect(analysed()).toBe(4);
    expect([cache.hits, cache.misses]).toEqual([1, 4]);
  });

  it("keeps only the latest analysis of a file: going back to an earlier text analyses it again", () => {
    const { load, analysed } = counted();
    load("modules/a/en.md", "text one");
    load("modules/a/en.md", "text two");
    load("modules/a/en.md", "text one");
    expect(analysed()).toBe(3);
  });

  it("reports a kept version's findings on every load, as copies a strict load may change", () => {
    const { load } = counted();
    const first = load("modules/a/en.md", "text");
    first.found.findings[0]!.severity = "error";
    const again = load("modules/a/en.md", "text");
    expect(again.found.findings).toEqual([{ ...warning }]);
  });
});
