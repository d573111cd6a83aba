/**
 * Rebuild time after editing one module while serving. The serve command writes into the engine's
 * own site/ folder, so it runs from a temporary copy of the engine (src/, templates/, .eleventy.js,
 * package.json, with node_modules linked) against a temporary copy of the default course.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFile, cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildSite } from "../src/build/build-site.ts";

export interface ServeAttempt {
  method: string;
  command: string;
  ok: boolean;
  /** Seconds from spawn until the dev server was ready (first build written and server listening). */
  readySeconds?: number;
  /** Milliseconds from the end of the file write to Eleventy's "Wrote … files" line. */
  rebuildMs?: number;
  /** What Eleventy itself reported for the rebuild ("Wrote 46 files in 0.31 seconds"). */
  eleventyReported?: string;
  /** Whether the rebuilt module page contains the appended sentence. */
  verified?: boolean;
  error?: string;
}

export interface ServeRebuildResult {
  attempts: ServeAttempt[];
  /** A second build in one process after the same edit: the fallback the brief allows. */
  inProcess: { firstBuildMs: number; secondBuildMs: number; verified: boolean };
}

const WAIT_MS = 60_000;
const SETTLE_MS = 3_000;

function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return done();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 3000);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      clearTimeout(timer);
      done();
    }
  });
}

/** Runs one dev-server process through ready → edit → rebuilt, bounded by WAIT_MS each. */
async function attempt(
  method: string,
  command: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  moduleFile: string,
  pageFile: string,
): Promise<ServeAttempt> {
  const result: ServeAttempt = { method, command: command.join(" "), ok: false };
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let waiter: (() => void) | undefined;
  const onData = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    waiter?.();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  child.on("exit", () => waiter?.());
  const waitFor = (test: () => boolean) =>
    new Promise<boolean>((done) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        waiter = undefined;
        done(value);
      };
      const timer = setTimeout(() => finish(false), WAIT_MS);
      waiter = () => {
        if (test()) finish(true);
        else if (child.exitCode !== null || child.signalCode !== null) finish(false);
      };
      waiter();
    });
  const tail = () =>
    output
      .split("\n")
      .filter((l) => l.trim() && !/\bWriting\b/.test(l))
      .slice(0, 6)
      .join("\n");
  try {
    const fatal = /Fatal Error|Internal error|Error:/;
    const ready = await waitFor(
      () =>
        fatal.test(output) ||
        (/Wrote \d+ files/.test(output) && /Server at|Serving|Watching/.test(output)),
    );
    if (!ready || fatal.test(output)) {
      result.error = ready ? tail() : `not ready within ${WAIT_MS / 1000} s: ${tail()}`;
      return result;
    }
    result.readySeconds = (performance.now() - started) / 1000;
    // Eleventy logs "Watching…" before its file watcher has finished scanning; an edit in that
    // window is missed. A person edits seconds later, so wait a little before editing.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const marker = `Bench edit ${Date.now()}.`;
    const before = output.length;
    await appendFile(moduleFile, `\n${marker}\n`);
    const edited = performance.now();
    const rebuilt = await waitFor(() => /Wrote \d+ files[^\n]*\n/.test(output.slice(before)));
    if (!rebuilt) {
      result.error = `no rebuild within ${WAIT_MS / 1000} s after the edit: ${tail()}`;
      return result;
    }
    result.rebuildMs = performance.now() - edited;
    result.eleventyReported = /(Wrote \d+ files[^\n]*)/.exec(output.slice(before))?.[1]?.trim();
    result.verified = (await readFile(pageFile, "utf8").catch(() => "")).includes(marker);
    result.ok = result.verified;
    if (!result.verified) result.error = "the rebuilt module page does not contain the edit";
    return result;
  } finally {
    await killGroup(child);
  }
}

export async function measureServeRebuild(
  repoRoot: string,
  tmp: string,
  options: { tryFallbackServer?: boolean } = {},
): Promise<ServeRebuildResult> {
  const engine = join(tmp, "engine");
  const course = join(tmp, "course");
  await mkdir(engine, { recursive: true });
  for (const item of ["src", "templates", ".eleventy.js", "package.json", "tsconfig.json"])
    await cp(join(repoRoot, item), join(engine, item), { recursive: true });
  await symlink(join(repoRoot, "node_modules"), join(engine, "node_modules"), "dir");
  for (const item of ["framework", "modules"])
    await cp(join(repoRoot, item), join(course, item), { recursive: true });

  // The module that is edited: the first in teaching order, in the default locale.
  const { model } = await buildSite({
    courseDir: course,
    outputDir: join(tmp, "probe"),
    strict: true,
    search: false,
  });
  const moduleId = model.modules[0]!.competencyId;
  const locale = model.defaultLocale;
  const moduleFile = join(course, "modules", moduleId, `${locale}.md`);
  const original = await readFile(moduleFile, "utf8");
  const pageFile = join(engine, "site", locale, "modules", moduleId, "index.html");
  const env = { ...process.env, COURSE_DIR: course };

  const attempts: ServeAttempt[] = [];
  const tsx = join(engine, "node_modules", ".bin", "tsx");
  attempts.push(
    await attempt(
      "real serve command (Eleventy --serve --incremental via src/cli/main.ts)",
      [tsx, "src/cli/main.ts", "serve", "--course", course],
      engine,
      env,
      moduleFile,
      pageFile,
    ),
  );
  if (!attempts[0]!.ok && options.tryFallbackServer !== false) {
    await writeFile(moduleFile, original);
    attempts.push(
      await attempt(
        "Eleventy dev server, programmatic API, project's .eleventy.js, JS dependency watching off (bench/serve-child.ts)",
        [
          process.execPath,
          "--import",
          "tsx/esm",
          join(repoRoot, "bench", "serve-child.ts"),
          String(8100 + Math.floor(Math.random() * 800)),
        ],
        engine,
        env,
        moduleFile,
        pageFile,
      ),
    );
  }

  // The equivalent in one process: build, edit, build again.
  await writeFile(moduleFile, original);
  const out = join(tmp, "in-process", "site");
  await mkdir(join(tmp, "in-process"), { recursive: true });
  let t = performance.now();
  await buildSite({ courseDir: course, outputDir: out, strict: true, search: false });
  const firstBuildMs = performance.now() - t;
  const marker = `Bench edit in process ${Date.now()}.`;
  await appendFile(moduleFile, `\n${marker}\n`);
  t = performance.now();
  await buildSite({ courseDir: course, outputDir: out, strict: true, search: false });
  const secondBuildMs = performance.now() - t;
  const verified = (
    await readFile(join(out, locale, "modules", moduleId, "index.html"), "utf8")
  ).includes(marker);
  await writeFile(moduleFile, original);
  return { attempts, inProcess: { firstBuildMs, secondBuildMs, verified } };
}
