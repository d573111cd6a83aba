/**
 * What `tsx src/cli/main.ts serve` runs (Eleventy's `--serve --incremental` with the project's
 * .eleventy.js, from the current folder), through Eleventy's programmatic API instead of its CLI, and
 * with one difference: JavaScript dependency watching is off. The bench uses it only when the real
 * serve command fails, and says so. Run from an engine folder with COURSE_DIR set:
 *   node --import tsx/esm bench/serve-child.ts [port]
 */
import Eleventy from "@11ty/eleventy";

const port = Number(process.argv[2] ?? 8080);
// The declarations in src/types cover only the build API; watch and serve are untyped here.
const EleventyApi = Eleventy as unknown as new (
  input: string | undefined,
  output: string | undefined,
  options: Record<string, unknown>,
) => {
  init(): Promise<void>;
  setIncrementalBuild(on: boolean): void;
  watch(): Promise<void>;
  serve(port: number): void;
  stopWatch(): Promise<void>;
};

const eleventy = new EleventyApi(undefined, undefined, {
  source: "cli",
  runMode: "serve",
  config(eleventyConfig: { setWatchJavaScriptDependencies(on: boolean): void }) {
    // Eleventy's watcher parses the config's imports with acorn, which cannot read TypeScript.
    eleventyConfig.setWatchJavaScriptDependencies(false);
  },
});
await eleventy.init();
eleventy.setIncrementalBuild(true);
await eleventy.watch();
eleventy.serve(port);
process.on("SIGTERM", () => {
  void eleventy.stopWatch().finally(() => process.exit(0));
});
