// Eleventy configuration: https://www.11ty.dev/docs/config/
// The engine (src/) is an Eleventy plugin; this file only registers it. `npm run build` uses the same
// plugin with a validated course; `npm start` runs Eleventy's dev server with this file.
// The plugin is TypeScript, loaded at run time (under tsx) so Eleventy's watcher does not parse it.

export default async function (eleventyConfig) {
  const { default: courseEngine } = await import("./src/eleventy/plugin.ts");
  eleventyConfig.addPlugin(courseEngine, { courseDir: process.env.COURSE_DIR ?? "." });
}

export const config = {
  // The same folders as ENGINE_DIRECTORIES in src/eleventy/plugin.ts.
  dir: { input: "templates/pages", includes: "../partials", output: "site" },
};
