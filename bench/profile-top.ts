/**
 * Top self-time functions of a V8 CPU profile (from `node --cpu-prof`):
 *   npx tsx bench/profile-top.ts <file.cpuprofile> [count]
 * Example, one project build at N=512 (after a `npm run bench -- --keep` left the course in place):
 *   node --cpu-prof --cpu-prof-dir=bench/results/tmp/prof --import tsx/esm bench/build-one.ts \
 *     project <course dir> <out dir>
 */
import { readFile } from "node:fs/promises";
import { relative } from "node:path";

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
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: e.us / 1000, share: total ? e.us / total : 0 }));
}

async function main(): Promise<void> {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-top.ts <file.cpuprofile> [count]");
  const profile = JSON.parse(await readFile(file, "utf8")) as Profile;
  for (const e of topSelfTime(profile, Number(count ?? 25)))
    console.log(
      `${e.selfMs.toFixed(0).padStart(7)} ms ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.fn}  ${e.where}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
