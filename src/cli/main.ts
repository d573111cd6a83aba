import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../build/build-site.ts";
import { loadCourse } from "../framework/load-course.ts";
import { ENGINE_DIR } from "../paths.ts";
import { reportError, reportNotes, reportWarnings } from "./report.ts";

const USAGE = `Usage: tsx src/cli/main.ts <command> [options]

Commands:
  build              validate the course, then build the site into --out (default: site/)
  validate           check the course data and modules only; writes nothing
  serve              build and serve with live reload (Eleventy dev server)
  new-module <id>    create modules/<id>/ in every locale, from the framework
  pdf                render facilitator guides and handbooks in the built site to PDF

Options:
  --course <dir>     the course folder holding framework/ and modules/ (default: .)
  --out <dir>        the output folder (default: site)
  --strict           treat warnings (unfinished placeholders, missing settings) as errors
  --no-search        skip the search index (build only)
  --no-offline       skip the offline service worker (build only)
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      course: { type: "string", default: "." },
      out: { type: "string", default: "site" },
      strict: { type: "boolean", default: false },
      "no-search": { type: "boolean", default: false },
      "no-offline": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  const courseDir = resolve(values.course);
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case "build": {
      const started = performance.now();
      const { model, pageCount } = await buildSite({
        courseDir,
        outputDir: values.out,
        strict: values.strict,
        search: !values["no-search"],
        offline: !values["no-offline"],
      });
      reportNotes(model.notes);
      reportWarnings(model.warnings);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Built ${pageCount} pages in ${model.locales.join(", ")} into ${values.out}/ in ${seconds} s.`,
      );
      return 0;
    }
    case "validate": {
      const model = await loadCourse(courseDir, { strict: values.strict });
      reportNotes(model.notes);
      reportWarnings(model.warnings);
      console.log(
        `The course is valid: ${model.framework.layers.length} layers, ${model.competencies.length} competencies, ${model.modules.length} modules, ${model.locales.length} locales.`,
      );
      return 0;
    }
    case "serve":
      return serve(courseDir);
    case "new-module": {
      const { scaffoldModule } = await import("../modules/scaffold.ts");
      const written = await scaffoldModule(courseDir, rest[0]);
      for (const file of written) console.log(`created ${file}`);
      return 0;
    }
    case "pdf": {
      const { renderPdfs } = await import("../print/render-pdfs.ts");
      await renderPdfs({ siteDir: values.out });
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

/** Eleventy's own dev server with live reload, using the project's .eleventy.js. */
function serve(courseDir: string): Promise<number> {
  // The package exports no path to its CLI; it sits beside src/ in the package folder.
  const cmd = join(
    dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")),
    "..",
    "cmd.cjs",
  );
  const child = spawn(process.execPath, ["--import", "tsx/esm", cmd, "--serve", "--incremental"], {
    cwd: ENGINE_DIR,
    stdio: "inherit",
    env: { ...process.env, COURSE_DIR: courseDir },
  });
  return new Promise((done) => child.on("exit", (code) => done(code ?? 0)));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    reportError(error);
    process.exitCode = 1;
  },
);
