/**
 * The fast reading of course YAML (js-yaml with `yaml`'s scalar rules) against `yaml`, which the
 * loader always used: on any text, the fast reading either declines or gives exactly `yaml`'s value,
 * and it never accepts a text that `yaml` reports. Where a finding needs a line, the fast source
 * gives the same line and column as the document with positions.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { readPlainYaml } from "../../src/framework/yaml-fast.ts";
import { parseWithPositions, parseYamlSource } from "../../src/framework/yaml-source.ts";
import { splitFrontMatter } from "../../src/modules/front-matter.ts";
import { EXAMPLE_DIR, REPO_DIR } from "../helpers/paths.ts";
import { SEED } from "../helpers/properties.ts";

/** Plain scalars whose type the two libraries' own core schemas decide differently, and others. */
// prettier-ignore
const TYPED = [
  "0b101", "1_000", "+.5e3", "0o17", "0O17", "0x1F", "0X1F", "017", "+12", "-0", "1e3", "1E+3",
  "1.0", ".5", "5.", "-.inf", ".Inf", ".NaN", ".nan", "NaN", "~", "null", "Null", "NULL", "nULL",
  "true", "True", "TRUE", "tRue", "yes", "no", "on", "off", "y", "=", "2001-12-14",
  "2001-12-14t21:59:43.10-05:00", "12:30:00", "1:20", "<<",
];
/** Text as course files have it: plain, quoted, flow collections. */
// prettier-ignore
const TEXT = [
  "a b", "a #b", "a#b", "-a", "a:b", "'x'", "'it''s'", '"q\\"uote"', '"\\u00e9\\n"', "''", '""',
  "[a, b]", "[a, [b]]", "{a: 1}", "{ id: x, name: it's }", "['a', \"b\"]", "医学 专业", "“引号”", "😀",
  "\\", "a\\nb", "1 ", "it's", "x # note", "| x",
];
/** Mistakes and indicators: most are reported by `yaml` or declined. */
// prettier-ignore
const ODD = [
  "- a", "a: b", '"\\x"', "'a", "[", "}", "@a", "`a", "%a", "&a", "*a", "!a", "!!str 1", "? a",
  ">-", "{a: 1, a: 2}", "[a, 'b]", "{a: b: c}", "[a]]",
];
const scalar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TYPED) },
  { weight: 4, arbitrary: fc.constantFrom(...TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
);
// prettier-ignore
const KEYS = [
  "duration", "title", "a", "1", "true", "~", "null", "0x1", "a b", "'q'", '"d"', "x-y", "é",
];

/** Small YAML documents: nested block maps and lists of the scalars above, flow collections, comments. */
const value: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? scalar
    : fc.oneof(
        { weight: 3, arbitrary: scalar },
        { weight: 1, arbitrary: blockMap(depth - 1) },
        { weight: 1, arbitrary: blockList(depth - 1) },
      ),
);
const indentBy = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
const blockMap = (depth: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...KEYS), value(depth)), { minLength: 1, maxLength: 4 })
    .map(
      (pairs) =>
        `\n${pairs.map(([k, v]) => `${k}:${v.startsWith("\n") ? indentBy(v, "  ") : ` ${v}`}`).join("\n")}`,
    );
const blockList = (depth: number) =>
  fc
    .array(value(depth), { minLength: 1, maxLength: 3 })
    .map(
      (items) =>
        `\n${items.map((v) => `- ${v.startsWith("\n") ? indentBy(v.slice(1), "  ") : v}`).join("\n")}`,
    );
const documentText = fc
  .tuple(
    blockMap(3),
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("", "\n", "\n# comment") },
      { weight: 1, arbitrary: fc.constantFrom("\n---", "\n...", "\n  x", "\ttab: 1", "\r\n") },
    ),
  )
  .map(([map, tail]) => map.slice(1) + tail);

/** A document with a few characters inserted or removed: most are mistakes `yaml` reports. */
const damagedText = fc
  .tuple(
    documentText,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          ":",
          "-",
          " ",
          "  ",
          "\n",
          "'",
          '"',
          "#",
          "[",
          "]",
          "{",
          "}",
          ",",
          "|",
          ">",
          "\\",
          "",
          "?",
          "&",
          "*",
        ),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((t, [at, insert]) => {
      const i = at % (t.length + 1);
      return insert ? t.slice(0, i) + insert + t.slice(i) : t.slice(0, i) + t.slice(i + 1);
    }, text),
  );

function yamlReading(text: string): { data: unknown; reported: boolean } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const reported = doc.errors.length + doc.warnings.length > 0;
  let data: unknown;
  try {
    data = reported ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { data: undefined, reported: true };
  }
  return { data, reported };
}

function agreesWithYaml(text: string): void {
  const fast = readPlainYaml(text);
  if (!fast) return;
  const slow = yamlReading(text);
  if (slow.reported || !isDeepStrictEqual(fast.data, slow.data))
    expect({ text, fast: fast.data }).toEqual({
      text,
      fast: slow.reported ? "(reported)" : slow.data,
    });
}

function locatesAsYaml(text: string): void {
  const source = parseYamlSource(text, "f.yaml", 1);
  if (source.syntaxFindings.length || !source.data || typeof source.data !== "object") return;
  const full = parseWithPositions(text, "f.yaml", 1);
  for (const key of Object.keys(source.data))
    for (const onKey of [false, true])
      expect({ text, key, onKey, at: source.locate([key], onKey) }).toEqual({
        text,
        key,
        onKey,
        at: full.locate([key], onKey),
      });
}

describe("the fast YAML reading", () => {
  it("gives yaml's value or declines, on generated documents", () => {
    fc.assert(fc.property(documentText, agreesWithYaml), { seed: SEED, numRuns: 5000 });
  });

  it("never accepts a damaged document that yaml reports, nor reads one differently", () => {
    fc.assert(fc.property(damagedText, agreesWithYaml), { seed: SEED, numRuns: 5000 });
  });

  it("finds top-level keys on the line and column yaml gives", () => {
    fc.assert(fc.property(fc.oneof(documentText, damagedText), locatesAsYaml), {
      seed: SEED,
      numRuns: 1500,
    });
  });

  it("reads every module's front matter of the default and example courses, as yaml does", () => {
    let read = 0;
    for (const course of [REPO_DIR, EXAMPLE_DIR]) {
      const modules = join(course, "modules");
      for (const folder of readdirSync(modules, { withFileTypes: true })) {
        if (!folder.isDirectory()) continue;
        for (const name of readdirSync(join(modules, folder.name))) {
          const split = splitFrontMatter(readFileSync(join(modules, folder.name, name), "utf8"));
          if (!split) continue;
          // These are the files the fast reading is for: it must not decline them.
          expect(readPlainYaml(split.frontMatter), `${folder.name}/${name}`).toBeDefined();
          agreesWithYaml(split.frontMatter);
          locatesAsYaml(split.frontMatter);
          read += 1;
        }
      }
    }
    expect(read).toBeGreaterThanOrEqual(10);
  });

  it("declines what it leaves to yaml: anchors, aliases, tags, directives, complex keys, tabs", () => {
    for (const text of [
      "a: &x 1\nb: *x",
      "a: !!str 1",
      "%YAML 1.2\n---\na: 1",
      "? a\n: 1",
      "a:\n\t- 1",
      "__proto__: 1",
    ])
      expect(readPlainYaml(text), text).toBeUndefined();
    expect(readPlainYaml("a: Pens & paper\nb: 5 * 3")).toEqual({
      data: { a: "Pens & paper", b: "5 * 3" },
    });
  });
});
