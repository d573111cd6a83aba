// Stryker ignorer for `npm run mutation:sample`: of the mutants inside the sampled ranges, only the
// sampled ones are planted. A `--mutate` range also takes in every mutant nested inside the sampled
// one (a function body holds dozens); this ignores a node unless it is, or holds, a sampled place.
// Plain JavaScript: Stryker imports its plugins without a TypeScript loader.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { declareValuePlugin, PluginKind } from "@stryker-mutator/api/plugin";

/**
 * Where a mutant key (list-mutants.ts, `mutantKey`) points: its file and range, in the report's
 * numbering (lines and columns from 1); undefined for anything else.
 */
export function placeOf(key) {
  const match = /^(.*?):(\d+):(\d+)-(\d+):(\d+) /.exec(key);
  if (!match) return undefined;
  const [, file, startLine, startColumn, endLine, endColumn] = match;
  return {
    file,
    startLine: Number(startLine),
    startColumn: Number(startColumn),
    endLine: Number(endLine),
    endColumn: Number(endColumn),
  };
}

/** Sampled places per file. */
function sampledPlaces(samplePath) {
  const places = new Map();
  const { keys } = JSON.parse(readFileSync(samplePath, "utf8"));
  for (const place of keys.map(placeOf)) {
    if (place) places.set(place.file, [...(places.get(place.file) ?? []), place]);
  }
  return places;
}

const before = (lineA, columnA, lineB, columnB) =>
  lineA < lineB || (lineA === lineB && columnA <= columnB);

let loaded = { path: undefined, places: new Map() };

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "sample", {
    shouldIgnore(path) {
      const samplePath = process.env.MUTATION_SAMPLE ?? "reports/mutation/sample.json";
      if (loaded.path !== samplePath)
        loaded = { path: samplePath, places: sampledPlaces(samplePath) };
      const { places } = loaded;
      const loc = path.node.loc;
      const fileName = path.hub?.file?.opts?.filename;
      if (!loc || !fileName) return undefined;
      const inFile = places.get(relative(process.cwd(), fileName).split("\\").join("/")) ?? [];
      // Babel counts columns from 0, the report from 1.
      const start = { line: loc.start.line, column: loc.start.column + 1 };
      const end = { line: loc.end.line, column: loc.end.column + 1 };
      const holdsASample = inFile.some(
        (place) =>
          before(start.line, start.column, place.startLine, place.startColumn) &&
          before(place.endLine, place.endColumn, end.line, end.column),
      );
      return holdsASample ? undefined : "not in the sample";
    },
  }),
];
