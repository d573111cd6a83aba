/**
 * One build in a fresh process, so memory is measured per build:
 *   node --import tsx/esm bench/build-one.ts <project|eleventy|floor> <input dir> <output dir>
 * Prints one line of JSON: the build's own wall time (imports and process start excluded), the
 * process's peak RSS, and the number of .html files written.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

export type BuildKind = "project" | "eleventy" | "floor";

export interface BuildOneResult {
  kind: BuildKind;
  buildMs: number;
  maxRssKB: number;
  pages: number;
  /** The project's build: ms per stage (load and validate, render, …), as `buildSite` reports them. */
  stages?: Record<string, number>;
}

async function listFiles(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

/** A build; the project's says how long each of its stages took. */
type Build = (input: string, output: string) => Promise<Record<string, number> | void>;

// Each kind imports only what it uses, before the clock starts, so that neither its time nor its
// memory includes another kind's modules.
async function projectBuild(): Promise<Build> {
  const { buildSite } = await import("../src/build/build-site.ts");
  // As `npm run build` does for its process.
  (await import("../src/build/heap-growth.ts")).limitHeapGrowthForBuild();
  // Validation included (strict); no search index.
  return async (courseDir, outputDir) =>
    (await buildSite({ courseDir, outputDir, strict: true, search: false, offline: false })).stages;
}

async function bareEleventyBuild(): Promise<Build> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  return (input, output) => buildBareEleventy(Eleventy, input, output);
}

async function buildBareEleventy(
  Eleventy: typeof import("@11ty/eleventy").default,
  input: string,
  output: string,
): Promise<void> {
  const eleventy = new Eleventy(input, output, {
    configPath: false,
    quietMode: true,
    config(c: any) {
      c.setTemplateFormats(["md"]);
      c.setIncludesDirectory("_includes");
    },
  });
  await eleventy.write();
}

async function floorBuild(): Promise<Build> {
  const { default: markdownIt } = await import("markdown-it");
  return (input, output) => buildFloor(markdownIt({ html: true }), input, output);
}

/** `---` front matter and body, as the project splits them. */
function splitFrontMatter(source: string): { frontMatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? { frontMatter: match[1]!, body: source.slice(match[0].length) } : undefined;
}

/** markdown-it alone: read the Markdown files, render each body, write one HTML file each. */
async function buildFloor(
  md: ReturnType<typeof import("markdown-it").default>,
  input: string,
  output: string,
): Promise<void> {
  const files = await listFiles(join(input, "m"), ".md");
  await Promise.all(
    files.map(async (file) => {
      const source = await readFile(file, "utf8");
      const split = splitFrontMatter(source);
      const body = split ? split.body : source;
      const title = /^title: (.*)$/m.exec(split?.frontMatter ?? "")?.[1];
      const rel = relative(join(input, "m"), file).replace(/\.md$/, "");
      const target = join(output, "m", rel, "index.html");
      const html = md.render(body);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(
        target,
        `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${md.utils.escapeHtml(title ? (JSON.parse(title) as string) : "")}</title>\n</head>\n<body>\n<main>\n${html}</main>\n</body>\n</html>\n`,
      );
    }),
  );
}

async function main(): Promise<void> {
  const [kind, input, output] = process.argv.slice(2) as [BuildKind, string, string];
  if (!kind || !input || !output) throw new Error("usage: build-one.ts <kind> <input> <output>");
  const prepare = { project: projectBuild, eleventy: bareEleventyBuild, floor: floorBuild }[kind];
  if (!prepare) throw new Error(`Unknown build kind ${kind}`);
  const build = await prepare();
  const started = performance.now();
  const stages = (await build(input, output)) ?? undefined;
  const buildMs = performance.now() - started;
  const maxRssKB = process.resourceUsage().maxRSS;
  const pages = (await listFiles(output, ".html")).length;
  const result: BuildOneResult = { kind, buildMs, maxRssKB, pages, stages };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
