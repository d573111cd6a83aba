/**
 * `npm run bench`: build speed against bare Eleventy and a markdown-it floor on synthetic courses,
 * page weight of the default course, rebuild time while serving, and the time `npm run pdf` takes
 * to print the default course.
 *
 *   npm run bench [-- --reps 3 --sizes 8,64,512 --large --profile --keep --no-serve --no-weight --no-pdf
 *                    --serve-sizes 64,512]
 *
 * --large adds N=2048 (several minutes: about 16,000 pages per project build).
 * --profile adds a CPU profile of one project build at the largest N (about 15 s more); --keep
 * leaves the temporary folder (synthetic courses, outputs) in place. BENCH_REPS and BENCH_SIZES
 * set the defaults from the environment.
 *
 * Results: bench/results/latest.json and bench/results/latest.md (also printed).
 */
import { spawn } from "node:child_process";
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { format, resolveConfig } from "prettier";
import { BUILD_STAGES, buildSite, type BuildStage } from "../src/build/build-site.ts";
import { loadCourse } from "../src/course/load-course.ts";
import { PDF_CONCURRENCY, renderPdfs } from "../src/print/render-pdfs.ts";
import type { BuildKind, BuildOneResult } from "./build-one.ts";
import { measurePageWeight, type PageWeightReport } from "./page-weight.ts";
import { topInclusiveTime, topSelfTime, type TopEntry } from "./profile-top.ts";
import { measureServeRebuild, type ServeRebuildResult } from "./serve-rebuild.ts";
import {
  BENCH_LOCALES,
  LAYER_COUNT,
  readMaterial,
  writeBareEleventyInput,
  writeSyntheticCourse,
} from "./synth.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const BENCH = join(REPO, "bench");
const RESULTS = join(BENCH, "results");
const KINDS: BuildKind[] = ["project", "eleventy", "floor"];
const KIND_LABEL: Record<BuildKind, string> = {
  project: "this project (buildSite, strict, search off)",
  eleventy: "bare Eleventy 3 (same bodies, one Nunjucks layout)",
  floor: "floor (markdown-it alone, write to disk)",
};
const CHILD_TIMEOUT_MS = 240_000;

interface Run extends BuildOneResult {
  rep: number;
  /** Wall time of the whole child process seen by the parent, start-up included. */
  processMs: number;
  /** 1-minute load average when the child started (other work on the machine skews times). */
  loadAverage1m: number;
}

interface KindSummary {
  kind: BuildKind;
  pages: number;
  medianBuildMs: number;
  minBuildMs: number;
  maxBuildMs: number;
  medianProcessMs: number;
  peakRssMB: number;
  msPerPage: number;
  msPerModulePage: number;
  /** The fastest repetition per page written: least disturbed by other work on the machine. */
  minMsPerPage: number;
}

interface GrowthRow {
  kind: BuildKind;
  from: number;
  to: number;
  /** Change of ms per page written. */
  percent: number;
  /** Change of ms per module page (N × 2). */
  percentPerModulePage: number;
  /** Change of the fastest repetition's ms per page written. */
  percentMin: number;
}

interface SizeResult {
  n: number;
  modulePages: number;
  runs: Run[];
  summary: KindSummary[];
  ratioProjectToEleventy: number;
  ratioProjectToFloor: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;

function runChild(kind: BuildKind, input: string, output: string): Promise<Omit<Run, "rep">> {
  return new Promise((done, fail) => {
    const loadAverage1m = loadavg()[0]!;
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx/esm", join(BENCH, "build-one.ts"), kind, input, output],
      {
        cwd: REPO,
        stdio: ["ignore", "pipe", "pipe"],
        // The N=2048 framework file (2.7 MB) is over the loader's 1 MB limit for one course file.
        env: { ...process.env, ONION_BENCH_FILE_LIMIT_BYTES: "8000000" },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const processMs = performance.now() - started;
      const line = /^BENCH_RESULT (.*)$/m.exec(stdout)?.[1];
      if (code !== 0 || !line)
        return fail(
          new Error(
            `${kind} build of ${input} failed (exit ${code ?? signal}):\n${(stderr || stdout).slice(-3000)}`,
          ),
        );
      done({ ...(JSON.parse(line) as BuildOneResult), processMs, loadAverage1m });
    });
  });
}

function summarise(n: number, runs: Run[]): SizeResult {
  const summary = KINDS.map((kind): KindSummary => {
    const mine = runs.filter((r) => r.kind === kind);
    const medianBuildMs = median(mine.map((r) => r.buildMs));
    const pages = Math.max(...mine.map((r) => r.pages));
    return {
      kind,
      pages,
      medianBuildMs,
      minBuildMs: Math.min(...mine.map((r) => r.buildMs)),
      maxBuildMs: Math.max(...mine.map((r) => r.buildMs)),
      medianProcessMs: median(mine.map((r) => r.processMs)),
      peakRssMB: Math.max(...mine.map((r) => r.maxRssKB)) / 1024,
      msPerPage: medianBuildMs / pages,
      msPerModulePage: medianBuildMs / (n * BENCH_LOCALES.length),
      minMsPerPage: Math.min(...mine.map((r) => r.buildMs)) / pages,
    };
  });
  const [project, eleventy, floor] = summary as [KindSummary, KindSummary, KindSummary];
  return {
    n,
    modulePages: n * BENCH_LOCALES.length,
    runs,
    summary,
    ratioProjectToEleventy: project.medianBuildMs / eleventy.medianBuildMs,
    ratioProjectToFloor: project.medianBuildMs / floor.medianBuildMs,
  };
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error ?? "")).split("\n")[0]!.trim();

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "unknown",
    cpuCount: cpu.length,
    totalMemoryGB: totalmem() / 1024 ** 3,
    freeMemoryGB: freemem() / 1024 ** 3,
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage1m: loadavg()[0]!,
  };
}

async function profileProject(courseDir: string, tmp: string) {
  const dir = join(tmp, "profile");
  await mkdir(dir, { recursive: true });
  const out = join(dir, "site");
  const started = performance.now();
  await new Promise<void>((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        "--cpu-prof",
        `--cpu-prof-dir=${dir}`,
        "--import",
        "tsx/esm",
        join(BENCH, "build-one.ts"),
        "project",
        courseDir,
        out,
      ],
      { cwd: REPO, stdio: "ignore" },
    );
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new Error(`profiled build: exit ${code}`)),
    );
  });
  const wallMs = performance.now() - started;
  // The main thread's profile is the largest (tsx's loader thread writes a small one).
  const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
  const sized = await Promise.all(
    files.map(async (f) => ({ f, size: (await stat(join(dir, f))).size })),
  );
  const main = sized.sort((a, b) => b.size - a.size)[0];
  if (!main) throw new Error("no CPU profile written");
  const profile = JSON.parse(await readFile(join(dir, main.f), "utf8"));
  return {
    wallMs,
    self: topSelfTime(profile, 15),
    inclusiveSrc: topInclusiveTime(profile, /^(?!.*node_modules).*\/src\//, 12),
    inclusiveNunjucks: topInclusiveTime(profile, /nunjucks\/src\/environment\.js/, 4),
  };
}

/** `npm run pdf` on the default course: every guide, handbook and projector view, in one browser. */
interface PdfTiming {
  seconds: number;
  files: number;
  concurrency: number;
  error?: string;
}

function markdownReport(r: {
  machine: ReturnType<typeof machine>;
  startedAt: string;
  totalSeconds: number;
  reps: number;
  sizes: SizeResult[];
  growth: GrowthRow[];
  pageWeight?: PageWeightReport;
  serve?: ServeRebuildResult;
  serveSized?: { n: number; result: ServeRebuildResult }[];
  pdf?: PdfTiming;
  profile?: Awaited<ReturnType<typeof profileProject>> & { n: number };
  notes: string[];
}): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`# Benchmark results`, "");
  lines.push(
    `Machine: ${m.cpu} × ${m.cpuCount}, ${fmt(m.totalMemoryGB, 1)} GB RAM, Node ${m.node}, ${m.os}. ` +
      `Run ${r.startedAt}, ${fmt(r.totalSeconds, 0)} s in total; 1-minute load average ${fmt(m.loadAverage1m, 1)} at the start.`,
    "",
  );
  lines.push(
    `## Build speed (synthetic courses, ${BENCH_LOCALES.join(" + ")}, ${r.reps} builds of each kind, alternating)`,
    "",
    "Build time is measured inside each child process around the build call only: process start-up " +
      "(0.2–0.6 s here, with the tsx loader) and module imports are excluded; the process column shows " +
      "the wall time the parent saw, start-up included. Peak RSS is the child's `maxRSS`, start-up " +
      "included, the highest of the repetitions. ms/page divides the median build time by the .html " +
      "files written; the project also writes framework, competency and other pages, so ms/module " +
      "page divides by the N × 2 module pages every kind writes.",
    "",
  );
  lines.push(
    "| N | kind | pages written | median build | min–max | process (median) | peak RSS | ms/page | ms/module page |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const s of r.sizes)
    for (const k of s.summary)
      lines.push(
        `| ${s.n} | ${k.kind} | ${k.pages} | ${fmt(k.medianBuildMs)} ms | ${fmt(k.minBuildMs)}–${fmt(k.maxBuildMs)} ms | ${fmt(k.medianProcessMs)} ms | ${fmt(k.peakRssMB)} MB | ${fmt(k.msPerPage, 2)} | ${fmt(k.msPerModulePage, 2)} |`,
      );
  const stageNames = Object.keys(r.sizes[0]?.runs.find((run) => run.stages)?.stages ?? {});
  if (stageNames.length) {
    lines.push(
      "",
      "Where the project's build time goes (median ms per stage over the repetitions; search index and offline worker are off in this build):",
      "",
      `| N | ${stageNames.map((name) => BUILD_STAGES[name as BuildStage] ?? name).join(" | ")} | ms per page written |`,
      `|---:|${stageNames.map(() => "---:|").join("")}---:|`,
    );
    for (const s of r.sizes) {
      const runs = s.runs.filter((run) => run.stages);
      const project = s.summary.find((k) => k.kind === "project")!;
      lines.push(
        `| ${s.n} | ${stageNames.map((name) => fmt(median(runs.map((run) => run.stages![name] ?? 0)))).join(" | ")} | ${fmt(project.msPerPage, 2)} |`,
      );
    }
  }
  // Per page written: the whole build, and the render stage alone (Eleventy rendering and writing
  // the project's pages), each against bare Eleventy's ms per page; the difference is the rest of the
  // build, loading and validating above all.
  lines.push(
    "",
    "| N | project / bare Eleventy | project / floor | per page written / bare | render and write per page / bare |",
    "|---:|---:|---:|---:|---:|",
  );
  for (const s of r.sizes) {
    const project = s.summary.find((k) => k.kind === "project");
    const bare = s.summary.find((k) => k.kind === "eleventy");
    const render = median(s.runs.filter((run) => run.stages).map((run) => run.stages!.render ?? 0));
    const perPage = project && bare ? `${fmt(project.msPerPage / bare.msPerPage, 2)}×` : "–";
    const renderPerPage =
      project && bare && render ? `${fmt(render / project.pages / bare.msPerPage, 2)}×` : "–";
    lines.push(
      `| ${s.n} | ${fmt(s.ratioProjectToEleventy, 2)}× | ${fmt(s.ratioProjectToFloor, 2)}× | ${perPage} | ${renderPerPage} |`,
    );
  }
  if (r.growth.length) {
    const pct = (x: number) => `${x >= 0 ? "+" : ""}${fmt(x, 1)} %`;
    lines.push(
      "",
      "Growth of time per page between sizes (0 % is linear; negative means fixed costs are being spread over more pages):",
      "",
    );
    lines.push(
      "| N | kind | ms/page (median) | ms/module page (median) | ms/page (fastest repetition) |",
      "|---|---|---:|---:|---:|",
    );
    for (const g of r.growth)
      lines.push(
        `| ${g.from} → ${g.to} | ${g.kind} | ${pct(g.percent)} | ${pct(g.percentPerModulePage)} | ${pct(g.percentMin)} |`,
      );
  }
  lines.push("", "Kinds:", "");
  for (const k of KINDS) lines.push(`- ${k}: ${KIND_LABEL[k]}`);

  if (r.pageWeight) {
    const pw = r.pageWeight;
    lines.push("", `## Page weight (default course, ${pw.locale}; 1 KB = 1024 bytes)`, "");
    lines.push(
      "| page | URL | HTML | of which text | of which inline script | CSS | JS | total raw | total gzip | JS gzip | fonts |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    );
    for (const p of pw.pages)
      lines.push(
        `| ${p.type} | ${p.url} | ${kb(p.totals.htmlRaw)} | ${kb(p.textBytes)} | ${kb(p.inlineScriptBytes)} | ${kb(p.totals.cssRaw)} | ${kb(p.totals.jsRaw)} | ${kb(p.totals.raw)} | ${kb(p.totals.gzip)} | ${kb(p.totals.jsGzip)} | ${p.fonts.length ? p.fonts.join("; ") : "none"} |`,
      );
    const assets = new Map<string, { raw: number; gzip: number }>();
    for (const p of pw.pages) for (const a of [...p.css, ...p.js]) assets.set(a.path, a);
    lines.push(
      "",
      "Assets: " +
        [...assets].map(([p, a]) => `${p} ${kb(a.raw)} (${kb(a.gzip)} gzip)`).join(", ") +
        ".",
    );
    const missing = pw.pages.flatMap((p) => p.missingAssets.map((a) => `${p.url} → ${a}`));
    if (missing.length) lines.push("", `Referenced but missing: ${missing.join(", ")}.`);
    if (pw.absent.length)
      lines.push(
        "",
        `Not in this build: ${pw.absent.map((a) => `${a.type} (${a.url})`).join(", ")}.`,
      );
    lines.push("", "| target | actual | result |", "|---|---:|---|");
    for (const t of pw.targets)
      lines.push(`| ${t.name} | ${kb(t.actual)} | ${t.pass ? "PASS" : "MISS"} |`);
  }

  if (r.serve) {
    lines.push("", "## Rebuild after editing one module while serving (default course)", "");
    lines.push(
      "| method | result | ready after | rebuild (edit → “Wrote”) | Eleventy reported |",
      "|---|---|---:|---:|---|",
    );
    for (const a of r.serve.attempts)
      lines.push(
        `| ${a.method} | ${a.ok ? "ok, edit verified in output" : `FAILED: ${firstLine(a.error).replace(/\|/g, "\\|")}`} | ${a.readySeconds ? `${fmt(a.readySeconds, 1)} s` : "–"} | ${a.rebuildMs ? `${fmt(a.rebuildMs)} ms` : "–"} | ${a.eleventyReported ?? "–"} |`,
      );
    const ip = r.serve.inProcess;
    lines.push(
      `| second buildSite in the same process after the edit (strict validation included) | ${ip.verified ? "ok, edit verified in output" : "edit NOT in output"} | first build ${fmt(ip.firstBuildMs)} ms | ${fmt(ip.secondBuildMs)} ms | – |`,
    );
  }

  if (r.serveSized?.length) {
    lines.push("", "## Rebuild after editing one module while serving (synthetic courses)", "");
    lines.push(
      "The real serve command on a synthetic course of N competencies; the first module's text in the default locale is edited.",
      "",
      "| N | result | ready after | rebuild (edit → “Wrote”) | Eleventy reported | second buildSite in one process |",
      "|---:|---|---:|---:|---|---:|",
    );
    for (const { n, result } of r.serveSized) {
      const a = result.attempts[0]!;
      lines.push(
        `| ${n} | ${a.ok ? "ok, edit verified in output" : `FAILED: ${firstLine(a.error).replace(/\|/g, "\\|")}`} | ${a.readySeconds ? `${fmt(a.readySeconds, 1)} s` : "–"} | ${a.rebuildMs ? `${fmt(a.rebuildMs)} ms` : "–"} | ${a.eleventyReported ?? "–"} | ${fmt(result.inProcess.secondBuildMs)} ms |`,
      );
    }
  }

  if (r.pdf) {
    lines.push("", "## Printing the default course (`npm run pdf`)", "");
    lines.push(
      r.pdf.error
        ? `FAILED: ${firstLine(r.pdf.error)}`
        : `${r.pdf.files} PDFs (guides, handbooks, projector views) in ${fmt(r.pdf.seconds, 1)} s, ${r.pdf.concurrency} at once in one Chromium.`,
    );
  }

  if (r.profile) {
    const p = r.profile;
    const row = (e: TopEntry) =>
      `| ${e.fn} | ${e.where} | ${fmt(e.selfMs)} ms | ${fmt(e.share * 100, 1)} % |`;
    lines.push(
      "",
      `## CPU profile of one project build at N=${p.n} (${fmt(p.wallMs)} ms with profiling)`,
      "",
    );
    lines.push("Top self time:", "", "| function | where | self | share |", "|---|---|---:|---:|");
    p.self.forEach((e) => lines.push(row(e)));
    lines.push(
      "",
      "Inclusive time of the project's own functions (async stacks are cut at await, so callers undercount):",
      "",
    );
    lines.push("| function | where | inclusive | share |", "|---|---|---:|---:|");
    p.inclusiveSrc.forEach((e) => lines.push(row(e)));
    lines.push(
      "",
      "Nunjucks, inclusive:",
      "",
      "| function | where | inclusive | share |",
      "|---|---|---:|---:|",
    );
    p.inclusiveNunjucks.forEach((e) => lines.push(row(e)));
  }
  if (r.notes.length) lines.push("", "## Notes", "", ...r.notes.map((n) => `- ${n}`));
  return lines.join("\n") + "\n";
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: "string", default: process.env.BENCH_REPS ?? "3" },
      sizes: { type: "string", default: process.env.BENCH_SIZES ?? "8,64,512" },
      keep: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      "no-serve": { type: "boolean", default: false },
      "serve-sizes": { type: "string", default: "" },
      "no-weight": { type: "boolean", default: false },
      "no-pdf": { type: "boolean", default: false },
      large: { type: "boolean", default: false },
    },
  });
  const reps = Math.max(1, Number(values.reps));
  const sizes = values.sizes
    .split(",")
    .map(Number)
    .filter((n) => n > 0)
    .concat(values.large ? [2048] : []);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const m = machine();
  console.log(
    `Machine: ${m.cpu} × ${m.cpuCount}, ${fmt(m.totalMemoryGB, 1)} GB RAM, Node ${m.node}, ${m.os}`,
  );
  const tmp = await mkdtemp(join(tmpdir(), "onion-bench-"));
  const notes: string[] = [
    "The project build is `buildSite({ courseDir, outputDir, strict: true, search: false, offline: false })`: validation included, Pagefind search index and offline service worker off.",
    `Synthetic courses: N trainable competencies over ${LAYER_COUNT} layers (treatment train, assessed, 3 categories and 4 level descriptors each), the real scale, the real course.yaml without \`programme\`, the real reflection.yaml with ids remapped (when the course has one); competency i gets the real module i mod 4 in both locales with \`competency:\` and \`{serves}\` ids rewritten.`,
    "Bare Eleventy: the same Markdown bodies, front matter reduced to title (and lang), one Nunjucks layout applied by a directory data file, `templateEngineOverride: md` (no Liquid pre-pass), programmatic API, `write()`.",
    "Floor: markdown-it (`html: true`) renders each body into a minimal HTML shell; files are read and written concurrently.",
  ];
  try {
    const material = await readMaterial(REPO);

    // Self-check: a synthetic course must pass strict validation before anything is timed.
    {
      const dir = join(tmp, "self-check");
      const { moduleFiles } = await writeSyntheticCourse(join(dir, "course"), 8, material);
      const model = await loadCourse(join(dir, "course"), { strict: true });
      if (model.modules.length !== 8)
        throw new Error(`self-check: expected 8 modules, the model has ${model.modules.length}`);
      await writeBareEleventyInput(join(dir, "bare"), moduleFiles);
      console.log(
        `Self-check: a synthetic course with 8 competencies passes strict validation (${model.modules.length} modules, ${model.pages.length} pages, ${model.warnings.length} warnings).`,
      );
      await rm(dir, { recursive: true, force: true });
    }

    const sizeResults: SizeResult[] = [];
    for (const n of sizes) {
      const dir = join(tmp, `n${n}`);
      const course = join(dir, "course");
      const bare = join(dir, "bare");
      const { moduleFiles } = await writeSyntheticCourse(course, n, material);
      await writeBareEleventyInput(bare, moduleFiles);
      const runs: Run[] = [];
      for (let rep = 0; rep < reps; rep++) {
        for (const kind of KINDS) {
          const out = join(dir, `out-${kind}-${rep}`);
          const run = await runChild(kind, kind === "project" ? course : bare, out);
          runs.push({ ...run, rep });
          console.log(
            `N=${n} rep ${rep + 1}/${reps} ${kind.padEnd(8)} ${fmt(run.buildMs).padStart(6)} ms build, ${fmt(run.processMs).padStart(6)} ms process, ${fmt(run.maxRssKB / 1024)} MB peak, ${run.pages} pages (load ${fmt(run.loadAverage1m, 1)})`,
          );
          await rm(out, { recursive: true, force: true });
        }
      }
      const result = summarise(n, runs);
      const expected = n * BENCH_LOCALES.length;
      for (const k of result.summary)
        if (k.pages < expected)
          throw new Error(
            `N=${n}: ${k.kind} wrote ${k.pages} pages, expected at least ${expected}`,
          );
      sizeResults.push(result);
      if (!values.keep && !(values.profile && n === Math.max(...sizes)))
        await rm(dir, { recursive: true, force: true });
    }

    // Growth between each pair of measured sizes from N=64 up (below that, fixed costs dominate).
    const growth: GrowthRow[] = [];
    const measured = sizeResults.filter((s) => s.n >= 64).sort((a, b) => a.n - b.n);
    for (let i = 1; i < measured.length; i++) {
      const from = measured[i - 1]!;
      const to = measured[i]!;
      for (const kind of KINDS) {
        const a = from.summary.find((k) => k.kind === kind)!;
        const b = to.summary.find((k) => k.kind === kind)!;
        growth.push({
          kind,
          from: from.n,
          to: to.n,
          percent: (b.msPerPage / a.msPerPage - 1) * 100,
          percentPerModulePage: (b.msPerModulePage / a.msPerModulePage - 1) * 100,
          percentMin: (b.minMsPerPage / a.minMsPerPage - 1) * 100,
        });
      }
    }

    let profile: (Awaited<ReturnType<typeof profileProject>> & { n: number }) | undefined;
    if (values.profile) {
      const n = Math.max(...sizes);
      console.log(`Profiling one project build at N=${n}…`);
      profile = { n, ...(await profileProject(join(tmp, `n${n}`, "course"), tmp)) };
      if (!values.keep) await rm(join(tmp, `n${n}`), { recursive: true, force: true });
    }

    let pageWeight: PageWeightReport | undefined;
    if (!values["no-weight"]) {
      const out = join(tmp, "weight", "site");
      await mkdir(join(tmp, "weight"), { recursive: true });
      const { model } = await buildSite({
        courseDir: REPO,
        outputDir: out,
        strict: true,
        search: false,
      });
      pageWeight = await measurePageWeight(out, model);
      console.log(`Page weight measured on ${pageWeight.pages.length} pages.`);
    }

    let serve: ServeRebuildResult | undefined;
    if (!values["no-serve"]) {
      console.log("Measuring rebuild while serving…");
      serve = await measureServeRebuild(REPO, join(tmp, "serve"));
      const real = serve.attempts[0];
      if (real && !real.ok)
        notes.push(
          `The real serve command did not work in this run (${(real.error ?? "").split("\n")[0]}); the table shows what was measured instead.`,
        );
    }

    const serveSized: { n: number; result: ServeRebuildResult }[] = [];
    for (const n of values["serve-sizes"]
      .split(",")
      .map(Number)
      .filter((x) => x > 0)) {
      console.log(`Measuring rebuild while serving a synthetic course, N=${n}…`);
      // A folder laid out like this repository: the engine's parts linked, a synthetic course.
      const root = join(tmp, `serve-root-${n}`);
      await writeSyntheticCourse(root, n, material);
      for (const item of [
        "src",
        "templates",
        ".eleventy.js",
        "package.json",
        "tsconfig.json",
        "node_modules",
      ])
        await symlink(join(REPO, item), join(root, item));
      const result = await measureServeRebuild(root, join(tmp, `serve-${n}`), {
        tryFallbackServer: false,
      });
      serveSized.push({ n, result });
      const a = result.attempts[0]!;
      console.log(
        a.ok
          ? `N=${n}: ${fmt(a.rebuildMs ?? 0)} ms (${a.eleventyReported})`
          : `N=${n}: ${firstLine(a.error)}`,
      );
    }

    let pdf: PdfTiming | undefined;
    if (!values["no-pdf"]) {
      console.log("Printing the default course to PDF…");
      const out = join(tmp, "pdf", "site");
      await mkdir(join(tmp, "pdf"), { recursive: true });
      await buildSite({ courseDir: REPO, outputDir: out, strict: true, search: false });
      const started = performance.now();
      try {
        const { files } = await renderPdfs({ siteDir: out, log: () => {} });
        pdf = {
          seconds: (performance.now() - started) / 1000,
          files: files.length,
          concurrency: PDF_CONCURRENCY,
        };
      } catch (error) {
        pdf = { seconds: 0, files: 0, concurrency: PDF_CONCURRENCY, error: String(error) };
      }
      console.log(pdf.error ? `PDF: ${firstLine(pdf.error)}` : `PDF: ${fmt(pdf.seconds, 1)} s.`);
    }

    const totalSeconds = (performance.now() - t0) / 1000;
    const loadAfter = loadavg()[0]!;
    const loads = sizeResults.flatMap((s) => s.runs.map((r) => r.loadAverage1m));
    const peakLoad = Math.max(m.loadAverage1m, loadAfter, ...loads);
    if (peakLoad > m.cpuCount * 0.75)
      notes.push(
        `The machine was busy with other work at times (1-minute load average ${fmt(m.loadAverage1m, 1)} at the start, up to ${fmt(peakLoad, 1)} during the run, ${fmt(loadAfter, 1)} at the end, on ${m.cpuCount} CPUs; each build's load is in latest.json): absolute times are inflated and noisier, so compare with the fastest repetitions (min–max column) too; the ratios, measured alternately, are more robust.`,
      );
    const report = {
      machine: { ...m, loadAverage1mAtEnd: loadAfter },
      startedAt,
      totalSeconds,
      reps,
      sizes: sizeResults,
      growth,
      pageWeight,
      serve,
      serveSized,
      pdf,
      profile,
      notes,
    };
    const md = markdownReport(report);
    await mkdir(RESULTS, { recursive: true });
    // Formatted as `prettier --check .` (part of npm test) expects.
    const jsonFile = join(RESULTS, "latest.json");
    const prettierOptions = (await resolveConfig(jsonFile)) ?? {};
    await writeFile(
      jsonFile,
      await format(JSON.stringify(report), { ...prettierOptions, filepath: jsonFile }),
    );
    await writeFile(join(RESULTS, "latest.md"), md);
    console.log("\n" + md);
    console.log(`Total: ${fmt(totalSeconds)} s. Written bench/results/latest.json and latest.md.`);
  } finally {
    if (values.keep) console.log(`Kept temporary files in ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
