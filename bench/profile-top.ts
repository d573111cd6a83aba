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

export function topSelfTime(profile: Profile, count = 20): TopEntry[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.startsWith("file://") ? relative(process.cwd(), new URL(url).pathname) : url;
    const where = file ? `${file}:${lineNumber + 1}` : "";
    const key = `${functionName}|${where}`;
    const entry = self.get(key) ?? { fn: functionName || "(anonymous)", where, us: 0 };
    entry.us += dt;
    self.set(key, entry);
  });
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({
      fn: e.fn,
      where: e.where,
      selfMs: e.us / 1000,
      share: total ? e.us / total : 0,
    }));
}

/** Inclusive time (the function or anything it calls) of functions whose file matches `filter`. */
export function topInclusiveTime(profile: Profile, filter: RegExp, count = 20): TopEntry[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const sums = new Map<string, { fn: string; where: string; us: number }>();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node || !filter.test(node.callFrame.url)) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url.startsWith("file://") ? relative(process.cwd(), new URL(url).pathname) : url;
      const key = `${functionName}|${file}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = sums.get(key) ?? {
        fn: functionName || "(anonymous)",
        where: `${file}:${lineNumber + 1}`,
        us: 0,
      };
      entry.us += dt;
      sums.set(key, entry);
    }
  });
  return [...sums.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({
      fn: e.fn,
      where: e.where,
      selfMs: e.us / 1000,
      share: total ? e.us / total : 0,
    }));
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
