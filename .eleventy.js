// Eleventy configuration: https://www.11ty.dev/docs/config/
// The engine (src/) is an Eleventy plugin; this file only registers it. `npm run build` uses the same
// plugin with a validated course; `npm start` runs Eleventy's dev server with this file.
import courseEngine, { ENGINE_DIRECTORIES } from "./src/eleventy/plugin.ts";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(courseEngine, { courseDir: process.env.COURSE_DIR ?? "." });
}

export const config = {
  dir: { ...ENGINE_DIRECTORIES, output: "site" },
};
