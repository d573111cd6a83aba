/**
 * Does a change to the engine change what it writes? Builds the default course, the example course
 * and a synthetic course of N=64 competencies with the engine at a git revision (default `HEAD`) and
 * with the working tree, and lists every file that differs or exists in one build only.
 *
 *   npm run bench:identity [-- --base <git ref>] [--keep]
 *
 * Both builds skip the search index and the offline worker (the same as the bench) and read the same
 * copy of each course, so dates taken from files agree. Exit code 1 when anything differs.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readMaterial, writeSyntheticCourse } from "./synth.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));

const { values } = parseArgs({
  options: { base: { type: "string", default: "HEAD" }, keep: { type: "boolean", default: false } },
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Builds each course with the engine in `engine` (a checkout), in a child process of its own. */
function buildWith(engine: string, courses: [string, string][], out: string): void {
  const script = `
    const { buildSite } = await import(${JSON.stringify(join(engine, "src/build/build-site.ts"))});
    for (const [name, dir] of ${JSON.stringify(courses)})
      await buildSite({ courseDir: dir, outputDir: ${JSON.stringify(out)} + "/" + name, search: false, offline: false });
  `;
  execFileSync(process.execPath, ["--import", "tsx/esm", "--input-type=module", "-e", script], {
    cwd: engine,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** The first line where two texts differ, both ways, shortened. */
function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  const at = la.findIndex((line, i) => line !== lb[i]);
  const cut = (s: string | undefined) => (s ?? "(none)").slice(0, 160);
  return `line ${at + 1}:\n      base: ${cut(la[at])}\n      now:  ${cut(lb[at])}`;
}

async function main(): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), "onion-identity-"));
  try {
    const synthetic = join(work, "course-n64");
    await writeSyntheticCourse(synthetic, 64, await readMaterial(REPO));
    const courses: [string, string][] = [
      ["default", REPO],
      ["example", join(REPO, "examples/breaking-bad-news")],
      ["n64", synthetic],
    ];
    const base = join(work, "engine-base");
    execFileSync("git", ["worktree", "add", "--detach", "--quiet", base, values.base], {
      cwd: REPO,
    });
    try {
      await symlink(join(REPO, "node_modules"), join(base, "node_modules"));
      buildWith(base, courses, join(work, "out-base"));
    } finally {
      execFileSync("git", ["worktree", "remove", "--force", base], { cwd: REPO });
    }
    buildWith(REPO, courses, join(work, "out-now"));

    let differences = 0;
    for (const [name] of courses) {
      const a = join(work, "out-base", name);
      const b = join(work, "out-now", name);
      const [fa, fb] = await Promise.all([listFiles(a), listFiles(b)]);
      const lines: string[] = [];
      for (const f of fa.filter((f) => !fb.includes(f))) lines.push(`  only in base: ${f}`);
      for (const f of fb.filter((f) => !fa.includes(f))) lines.push(`  only now:     ${f}`);
      for (const f of fa.filter((f) => fb.includes(f))) {
        const [x, y] = await Promise.all([readFile(join(a, f)), readFile(join(b, f))]);
        if (!x.equals(y))
          lines.push(`  differs:      ${f}, ${firstDifference(x.toString(), y.toString())}`);
      }
      console.log(
        `${name}: ${fb.length} files, ${lines.length ? `${lines.length} differences` : "identical"} (engine at ${values.base} vs working tree)`,
      );
      for (const line of lines) console.log(line);
      differences += lines.length;
    }
    return differences ? 1 : 0;
  } finally {
    if (values.keep) console.log(`Kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
