/**
 * Top self-time functions of a V8 CPU profile (from `node --cpu-prof`):
 *   npx tsx bench/profile-top.ts <file.cpuprofile> [count]
 * `npm run bench -- --profile` does this for one project build at the largest N and reports it.
 * By hand, after `npm run bench -- --keep` left the synthetic courses in the temporary folder:
 *   node --cpu-prof --cpu-prof-dir=bench/results/tmp/prof --import tsx/esm bench/build-one.ts \
 *     project <course dir> <out dir>
 */
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface TopEntry {
  fn: string;
  where: string;
  selfMs: number;
  share: number;
}

type Totals = Map<string, { fn: string; where: string; us: number }>;

/** Adds `us` microseconds to the function of `frame`, keyed by name and source location. */
function addTime(totals: Totals, frame: ProfileNode["callFrame"], us: number): void {
  const { functionName, url, lineNumber } = frame;
  const file = url.startsWith("file://") ? relative(process.cwd(), new URL(url).pathname) : url;
  const where = file ? `${file}:${lineNumber + 1}` : "";
  const key = `${functionName}|${where}`;
  const entry = totals.get(key) ?? { fn: functionName || "(anonymous)", where, us: 0 };
  entry.us += us;
  totals.set(key, entry);
}

function ranked(totals: Totals, total: number, count: number): TopEntry[] {
  return [...totals.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({
      fn: e.fn,
      where: e.where,
      selfMs: e.us / 1000,
      share: total ? e.us / total : 0,
    }));
}

export function topSelfTime(profile: Profile, count = 20): TopEntry[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self: Totals = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    if (node) addTime(self, node.callFrame, dt);
  });
  return ranked(self, total, count);
}

/** Inclusive time (the function or anything it calls) of functions whose file matches `filter`. */
export function topInclusiveTime(profile: Profile, filter: RegExp, count = 20): TopEntry[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const sums: Totals = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node || !filter.test(node.callFrame.url)) continue;
      // Count a function once per sample, however deep its recursion.
      const frameKey = `${node.callFrame.functionName}|${node.callFrame.url}|${node.callFrame.lineNumber}`;
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      addTime(sums, node.callFrame, dt);
    }
  });
  return ranked(sums, total, count);
}

async function main(): Promise<void> {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-top.ts <file.cpuprofile> [count]");
  const profile = JSON.parse(await readFile(file, "utf8")) as Profile;
  const print = (e: TopEntry) =>
    console.log(
      `${e.selfMs.toFixed(0).padStart(7)} ms ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.fn}  ${e.where}`,
    );
  console.log("Self time:");
  topSelfTime(profile, Number(count ?? 25)).forEach(print);
  console.log("\nInclusive time, functions in src/ (not node_modules):");
  topInclusiveTime(profile, /^(?!.*node_modules).*\/src\//, Number(count ?? 25)).forEach(print);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  await main();
