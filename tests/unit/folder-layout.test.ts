import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { folderCycles, folderGraph } from "../helpers/import-graph.ts";
import { REPO_DIR } from "../helpers/paths.ts";

const graphOf = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges).map(([from, tos]) => [from, new Map(tos.map((to) => [to, ""]))]));

describe("the engine's folders import one way", () => {
  it("no folder of src/ imports, directly or through others, a folder that imports it", () => {
    const edges = folderGraph(join(REPO_DIR, "src"));
    // The check is only worth something if it sees the real imports between folders.
    expect(edges.get("build")?.has("eleventy")).toBe(true);
    const cycles = folderCycles(edges).map((group) =>
      group
        .flatMap((a) => group.map((b) => edges.get(a)?.get(b)))
        .filter(Boolean)
        .join("; "),
    );
    expect(cycles).toEqual([]);
  });

  it("finds a cycle through three folders, and none in a one-way chain", () => {
    expect(folderCycles(graphOf({ a: ["b"], b: ["c"], c: ["a"], d: ["a"] }))).toEqual([
      ["a", "b", "c"],
    ]);
    expect(folderCycles(graphOf({ a: ["b"], b: ["c"], d: ["a", "c"] }))).toEqual([]);
    expect(folderCycles(graphOf({ a: ["b"], b: ["a"] }))).toEqual([["a", "b"]]);
  });
});
