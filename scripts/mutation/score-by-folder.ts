// Reads Stryker's JSON report and prints the mutation score per folder. With a sample file (written
// by sample.ts), it scores only the sampled mutants and gives each folder's score a 95 % interval:
// a sampled run's other mutants (those nested inside a sampled one) are tested too, but counting
// them would weigh the estimate towards large functions.
import { dirname } from "node:path";
import { mutantKey } from "./list-mutants.ts";

export interface ReportedMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
/** A reported mutant's key, as list-mutants.ts gives it to the mutant before the run. */
export function reportedKey(fileName: string, mutant: ReportedMutant): string {
  return mutantKey({
    fileName,
    mutatorName: mutant.mutatorName,
    replacement: mutant.replacement ?? "",
    start: mutant.location.start,
    end: mutant.location.end,
  });
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

/** Whether `folder` is `within` or one of its subfolders. */
export const isWithin = (folder: string, within: string): boolean =>
  folder === within || folder.startsWith(`${within}/`);

/** A folder and its ancestors below the project root: src/export/case, src/export, src. */
function withAncestors(folder: string): string[] {
  const folders: string[] = [];
  for (let current = folder; current !== "." && current !== ""; current = dirname(current)) {
    folders.push(current);
  }
  return folders;
}

/** Tallies per folder, of the files directly in it (a sample is drawn per folder in the same way). */
export function tallyByFolder(report: Report, sample?: SampleFile): Map<string, Tally> {
  const wanted = sample ? new Set(sample.keys) : undefined;
  const tallies = new Map<string, Tally>();
  for (const [fileName, { mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      if (wanted && !wanted.has(reportedKey(fileName, mutant))) continue;
      const tally = tallies.get(dirname(fileName)) ?? emptyTally();
      count(tally, mutant.status);
      tallies.set(dirname(fileName), tally);
    }
  }
  return tallies;
}

export interface FolderScore {
  folder: string;
  /** All mutants in the folder and below (sample mode), else those scored. */
  mutants: number;
  tally: Tally;
  score: number | undefined;
  /** 95 % interval, for a sample only. */
  interval?: [number, number];
}

const scoredIn = (tally: Tally): number => tally.killed + tally.survived + tally.noCoverage;

/**
 * Every folder's score, its subfolders included. Without a sample, the counts add up. With one,
 * each folder was sampled alike whatever its size, so a folder with subfolders weighs each part by
 * how many mutants it has in all (a stratified estimate, with a normal-approximation interval).
 */
export function scoreByFolder(report: Report, sample?: SampleFile): FolderScore[] {
  const own = tallyByFolder(report, sample);
  const folders = new Set([...own.keys()].flatMap(withAncestors));
  return [...folders].sort().map((folder) => {
    const parts = [...own].filter(([leaf]) => isWithin(leaf, folder));
    const tally = emptyTally();
    for (const [, part] of parts) {
      tally.killed += part.killed;
      tally.survived += part.survived;
      tally.noCoverage += part.noCoverage;
      tally.other += part.other;
    }
    if (!sample) {
      const scored = scoredIn(tally);
      return { folder, mutants: scored, tally, score: scored ? tally.killed / scored : undefined };
    }
    const strata = parts
      .map(([leaf, part]) => ({
        size: sample.population[leaf] ?? 0,
        n: scoredIn(part),
        killed: part.killed,
      }))
      .filter((stratum) => stratum.n > 0);
    const mutants = Object.entries(sample.population)
      .filter(([leaf]) => isWithin(leaf, folder))
      .reduce((sum, [, n]) => sum + n, 0);
    if (strata.length === 0) return { folder, mutants, tally, score: undefined };
    if (strata.length === 1) {
      const [stratum] = strata;
      return {
        folder,
        mutants,
        tally,
        score: stratum!.killed / stratum!.n,
        interval: wilson95(stratum!.killed, stratum!.n),
      };
    }
    const total = strata.reduce((sum, stratum) => sum + stratum.size, 0);
    let score = 0;
    let variance = 0;
    for (const { size, n, killed } of strata) {
      const weight = size / total;
      const p = killed / n;
      score += weight * p;
      variance += (weight * weight * p * (1 - p)) / n;
    }
    const half = 1.96 * Math.sqrt(variance);
    return {
      folder,
      mutants,
      tally,
      score,
      interval: [Math.max(0, score - half), Math.min(1, score + half)],
    };
  });
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

export function formatScores(scores: FolderScore[], sample?: SampleFile): string {
  const header = sample
    ? "| Folder | Mutants in all | Sampled | Killed | Survived | No coverage | Score | 95 % interval |"
    : "| Folder | Killed | Survived | No coverage | Score |";
  const rule = header.replace(/[^|]+/g, (cell) => (/Folder/.test(cell) ? " --- " : " ---: "));
  const rows = scores.map(({ folder, mutants, tally, score, interval }) => {
    const shown = score === undefined ? "n/a" : percent(score);
    if (!sample) {
      return `| \`${folder}\` | ${tally.killed} | ${tally.survived} | ${tally.noCoverage} | ${shown} |`;
    }
    const range = interval ? `${percent(interval[0])} – ${percent(interval[1])}` : "n/a";
    return `| \`${folder}\` | ${mutants} | ${scoredIn(tally)} | ${tally.killed} | ${tally.survived} | ${tally.noCoverage} | ${shown} | ${range} |`;
  });
  return [header, rule, ...rows].join("\n");
}
