import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument, type Node } from "yaml";
import { readYamlData, setYamlValue, updateYamlText } from "../../src/author/yaml-edit.ts";
import { EXAMPLE_DIR, FIXTURES_DIR, REPO_DIR } from "../helpers/paths.ts";

/** Every course YAML file: the default course, the example course and every fixture. */
function courseYamlFiles(): string[] {
  const inFolder = (dir: string) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join(dir, f));
  const course = (dir: string) => [
    ...inFolder(join(dir, "framework")),
    ...(readdirSync(dir).includes("modules") ? inFolder(join(dir, "modules")) : []),
  ];
  const fixtures = readdirSync(FIXTURES_DIR).map((name) => join(FIXTURES_DIR, name));
  return [REPO_DIR, EXAMPLE_DIR, ...fixtures].flatMap(course);
}

type Path = (string | number)[];

/** The paths of string values in the data, in file order. */
function stringLeaves(data: unknown, path: Path = []): Path[] {
  if (typeof data === "string") return [path];
  if (Array.isArray(data)) return data.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (data && typeof data === "object")
    return Object.entries(data).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

/** The lines (1-based, first and last) of the original text that differ from the new one. */
function changedSpan(before: string, after: string): [number, number] {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && a.at(-1 - tail) === b.at(-1 - tail)) tail++;
  return [head + 1, a.length - tail];
}

/** The lines (1-based) the value at `path` spans in the text. */
function linesOf(text: string, path: Path): [number, number] {
  const lineCounter = new LineCounter();
  const node = parseDocument(text, { lineCounter }).getIn(path, true) as Node;
  const [start, , end] = node.range!;
  // A block scalar's range ends at the start of the next line.
  const last = text.slice(start, end).replace(/\n+$/, "").length + start;
  return [lineCounter.linePos(start).line, lineCounter.linePos(last).line];
}

const comments = (text: string) => text.split("\n").filter((l) => /^\s*#/.test(l));

const files = courseYamlFiles();

describe("the editor's YAML round trip", () => {
  it("covers the default course, the example course and the fixtures", () => {
    const names = files.map((f) => relative(REPO_DIR, f));
    expect(names).toContain("framework/framework.yaml");
    expect(names).toContain("modules/defaults.yaml");
    expect(names).toContain("examples/breaking-bad-news/framework/course.yaml");
    expect(names).toContain("tests/fixtures/minimal/framework/framework.yaml");
  });

  it.each(files.map((f) => [relative(REPO_DIR, f), f]))(
    "%s: unchanged data leaves the file byte for byte; one changed text changes only its own line",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      const data = readYamlData(text);
      expect(updateYamlText(text, data)).toBe(text);
      const leaves = stringLeaves(data);
      // The first text, one in the middle and the last: one line each, with comments kept.
      const picks = [...new Set([0, Math.floor(leaves.length / 2), leaves.length - 1])];
      for (const at of picks) {
        const path = leaves[at]!;
        const value = `Changed: a text with # a hash, "quotes" and: a colon, 改动 ${at}`;
        const after = setYamlValue(text, path, value);
        // Only the lines of that value change (one line, unless the text itself spans several).
        const [first, last] = changedSpan(text, after);
        const [from, to] = linesOf(text, path);
        expect([first >= from, last <= to], path.join(".")).toEqual([true, true]);
        expect(parseDocument(after).getIn(path)).toBe(value);
        expect(comments(after)).toEqual(comments(text));
      }
    },
  );

  it("adds, removes and reorders list items through the Document API, comments kept", () => {
    const file = join(FIXTURES_DIR, "minimal", "framework", "framework.yaml");
    const text = readFileSync(file, "utf8");
    const data = readYamlData(text) as {
      layers: { competencies: { id: string }[] }[];
    };
    const layer = data.layers[1]!;
    layer.competencies.reverse();
    layer.competencies.push({ ...layer.competencies[0]!, id: "new-one" });
    data.layers[0]!.competencies = [];
    const after = updateYamlText(text, data);
    expect(readYamlData(after)).toEqual(data);
    expect(comments(after)).toEqual(comments(text));
  });

  it("quotes a text that would otherwise read back as a number or a boolean", () => {
    const text = "title: { en: Old, zh-CN: 旧 }\nyear: 2025\n";
    const after = setYamlValue(text, ["title", "en"], "true");
    expect(readYamlData(after)).toEqual({ title: { en: "true", "zh-CN": "旧" }, year: 2025 });
    expect(setYamlValue(text, ["year"], 2026)).toBe("title: { en: Old, zh-CN: 旧 }\nyear: 2026\n");
  });
});
