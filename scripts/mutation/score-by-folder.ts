// Reads Stryker's JSON report and prints the mutation score per folder. With a sample file (written
// by sample.ts), it scores only the sampled mutants and gives each folder's score a 95 % interval:
// a sampled run's other mutants (those nested inside a sampled one) are tested too, but counting
// them would weigh the estimate towards large functions.
import { dirname } from "node:path";
import { mutantKey } from "./list-mutants.ts";

interface ReportedMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
export interface Report {
  files: Record<string, { mutants: ReportedMutant[] }>;
}
export interface SampleFile {
  seed: number;
  perFolder: number;
  /** How many mutants each folder has in all. */
  population: Record<string, number>;
  keys: string[];
}

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  /** Compile and runtime errors, ignored and pending mutants: not part of the score. */
  other: number;
}

const emptyTally = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0, other: 0 });

function count(tally: Tally, status: string): void {
  if (status === "Killed" || status === "Timeout") tally.killed += 1;
  else if (status === "Survived") tally.survived += 1;
  else if (status === "NoCoverage") tally.noCoverage += 1;
  else tally.other += 1;
}

/** Wilson score interval, 95 %: honest for small samples and for scores near 0 or 100 %. */
export function wilson95(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Every folder with its ancestors below src/, so src/export also sums case, moodle and scorm. */
function foldersOf(fileName: string): string[] {
  const folders: string[] = [];
  for (let folder = dirname(fileName); folder !== "." && folder !== ""; folder = dirname(folder)) {
    folders.push(folder);
  }
  return folders;
}

export function scoreByFolder(report: Report, sample?: SampleFile): Map<string, Tally> {
  const wanted = sample ? new Set(sample.keys) : undefined;
  const tallies = new Map<string, Tally>();
  for (const [fileName, { mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      const key = mutantKey({
        fileName,
        mutatorName: mutant.mutatorName,
        replacement: mutant.replacement ?? "",
        start: mutant.location.start,
        end: mutant.location.end,
      });
      if (wanted && !wanted.has(key)) continue;
      for (const folder of foldersOf(fileName)) {
        const tally = tallies.get(folder) ?? emptyTally();
        count(tally, mutant.status);
        tallies.set(folder, tally);
      }
    }
  }
  return new Map([...tallies].sort(([a], [b]) => a.localeCompare(b)));
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

export function formatScores(tallies: Map<string, Tally>, sample?: SampleFile): string {
  const header = sample
    ? "| Folder | Mutants in all | Sampled | Killed | Survived | No coverage | Score | 95 % interval |"
    : "| Folder | Killed | Survived | No coverage | Score |";
  const rule = header.replace(/[^|]+/g, (cell) => (/Folder/.test(cell) ? " --- " : " ---: "));
  const rows = [...tallies].map(([folder, tally]) => {
    const scored = tally.killed + tally.survived + tally.noCoverage;
    const score = scored ? percent(tally.killed / scored) : "n/a";
    if (!sample) {
      return `| \`${folder}\` | ${tally.killed} | ${tally.survived} | ${tally.noCoverage} | ${score} |`;
    }
    const population = Object.entries(sample.population)
      .filter(([leaf]) => leaf === folder || leaf.startsWith(`${folder}/`))
      .reduce((sum, [, n]) => sum + n, 0);
    const [low, high] = wilson95(tally.killed, scored);
    const interval = scored ? `${percent(low)} – ${percent(high)}` : "n/a";
    return `| \`${folder}\` | ${population} | ${scored} | ${tally.killed} | ${tally.survived} | ${tally.noCoverage} | ${score} | ${interval} |`;
  });
  return [header, rule, ...rows].join("\n");
}
