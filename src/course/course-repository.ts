import { CURRENT_FORMAT, ENGINE_VERSION } from "./course-format.ts";

/** The npm scripts of a course repository: every engine command, run by the installed engine. */
const COURSE_SCRIPTS = [
  ["build", "build"],
  ["start", "serve"],
  ["validate", "validate"],
  ["new-module", "new-module"],
  ["new-locale", "new-locale"],
  ["review", "review"],
  ["migrate", "migrate"],
  ["pdf", "pdf"],
  ["package", "package"],
  ["screenshots", "screenshots"],
  ["author", "author"],
] as const;

/** A package name npm accepts, from the course folder's name. */
function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name || "training-course";
}

function packageJson(folder: string, engine: string): string {
  const pkg = {
    name: packageName(folder),
    version: "0.1.0",
    private: true,
    description: "A training course built with onion-course.",
    type: "module",
    engines: { node: ">=20.6" },
    scripts: Object.fromEntries(
      COURSE_SCRIPTS.map(([script, cmd]) => [script, `onion-course ${cmd}`]),
    ),
    dependencies: { "onion-course": engine },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const GITIGNORE = `# What the engine writes: rebuilt from the course files at any time.
node_modules/
site/
dist/
screenshots/
`;

function readme(engine: string): string {
  return `# Training course

This repository holds a training course: the competency framework in \`framework/\`, the modules in
\`modules/\`, the home and About texts in \`pages/\`. The engine that turns them into a website is the
npm package [onion-course](https://www.npmjs.com/package/onion-course) (\`${engine}\` in
\`package.json\`); it is installed, never copied, so updating it is one command.

## Build and preview

With Node.js 20.6 or later (and Chromium for \`npm run pdf\`):

\`\`\`sh
npm install            # installs the engine, once
npm run validate       # checks every file; names the file, line and column of anything to fix
npm start              # builds and serves the site on http://localhost:8080, reloading as you edit
npm run build          # builds the site into site/
\`\`\`

\`npm run new-module -- <competency-id>\` writes a module for a trainable competency in every
language; \`npm run new-locale -- <code>\` starts a new language. The built site's "For trainers"
page explains every key the course files accept.

## Publish

- **Website**: copy \`site/\` to any web server (set \`pathPrefix\` in \`framework/course.yaml\` if it
  lives under a sub-folder).
- **LMS**: \`npm run package\` (after \`npm run build\`) writes SCORM 1.2 and 2004 packages and
  \`website.zip\` into \`dist/\`.
- **Print**: \`npm run pdf\` prints the facilitator guides, projector views and handbook to PDF.
- **CI**: \`.github/workflows/course.yml\` validates, builds and packages the course on every push
  and keeps \`site/\` and \`dist/\` as downloadable artefacts of the run.

## Update the engine

\`\`\`sh
npm install onion-course@latest
npm run validate
\`\`\`

Read the engine's \`CHANGELOG.md\` (in \`node_modules/onion-course/\`) for what changed. When a new
engine moves the course format on, \`npm run validate\` says so and names the command:
\`npm run migrate\` converts the course files in place, prints every change and keeps your comments.
Commit before you migrate, so you can review the changes with \`git diff\`. This course is in course
format ${CURRENT_FORMAT} (\`format:\` in \`framework/course.yaml\`).
`;
}

const GITHUB_WORKFLOW = `# Checks and builds the course on every push; the site and the SCORM packages are kept as artefacts
# of the run (Actions → the run → Artifacts). Docs: https://docs.github.com/actions
name: course
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm install --no-audit --no-fund
      - run: npm run validate -- --strict
      - run: npm run build
      - run: npm run package
      - uses: actions/upload-artifact@v4
        with:
          name: site
          path: site/
      - uses: actions/upload-artifact@v4
        with:
          name: scorm-and-website-zip
          path: dist/
`;

/**
 * The files that make a course folder a repository of its own: its package.json (depending on the
 * engine that wrote it, or on \`engine\` when given), a README for its trainers, a .gitignore and a
 * CI workflow.
 */
export function courseRepositoryFiles(folder: string, engine?: string): Map<string, string> {
  const spec = engine ?? `^${ENGINE_VERSION}`;
  return new Map([
    ["package.json", packageJson(folder, spec)],
    ["README.md", readme(spec)],
    [".gitignore", GITIGNORE],
    [".github/workflows/course.yml", GITHUB_WORKFLOW],
  ]);
}
