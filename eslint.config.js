// ESLint (flat config): the recommended JavaScript and TypeScript rules over the engine, its tests,
// the benchmark and scripts, and the browser scripts the site ships. `npm run lint`; part of `npm test`.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "site/",
      "dist/",
      "node_modules/",
      "coverage/",
      "reports/",
      "screenshots/",
      ".stryker-tmp/",
      "bench/results/",
      "**/.site-staging-*/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mjs", "*.js"],
    languageOptions: { globals: globals.node },
    rules: {
      // Eleventy's configuration API has no types; its plugin code says so with `any`.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", ignoreRestSiblings: true, caughtErrors: "none" },
      ],
    },
  },
  {
    // Tests of the browser scripts use the scripts' own types, which are global (classic scripts have
    // no exports), through `/// <reference path>` to templates/types/browser-scripts.d.ts.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": ["error", { path: "always" }] },
  },
  {
    // Classic scripts that run in the learner's browser (and in the LMS's frame for SCORM).
    files: [
      "templates/assets/**/*.js",
      "src/export/scorm/assets/**/*.js",
      "tests/helpers/lms/**/*.js",
    ],
    languageOptions: { sourceType: "script", globals: { ...globals.browser, module: "readonly" } },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-vars": "off",
      "no-var": "off",
      "prefer-rest-params": "off",
      "@typescript-eslint/no-this-alias": "off",
    },
  },
);
