import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** Every .ts and .js file below `dir`, as absolute paths. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

/** The relative imports of each source file below `root` (TypeScript's own import scanner). */
export function importsBelow(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    graph.set(
      file,
      info.importedFiles
        .map((i) => i.fileName)
        .filter((name) => name.startsWith("."))
        .map((name) => resolve(dirname(file), name)),
    );
  }
  return graph;
}

/**
 * The folder a file belongs to for layering: its first folder below `root` ("errors.ts" and other
 * files at the top count as the folder "."), so `src/export/scorm/x.ts` is in "export".
 */
export function topFolder(root: string, file: string): string {
  const parts = relative(root, file).split(sep);
  return parts.length > 1 ? parts[0]! : ".";
}

/** Folder → folders it imports from, with one example import for each edge. */
export function folderGraph(root: string): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const [file, imports] of importsBelow(root)) {
    const from = topFolder(root, file);
    for (const target of imports) {
      const to = topFolder(root, target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const example = `${relative(root, file)} → ${relative(root, target)}`;
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, example);
    }
  }
  return edges;
}

/** Groups of folders that import one another, directly or through others (Tarjan's algorithm). */
export function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
