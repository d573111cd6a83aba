import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { formatMessage } from "../text/format-message.ts";
import { ENGINE_DIR } from "../paths.ts";
import { courseArgument } from "./course-hint.ts";
import { reportError, reportNotes, reportWarnings, type ReportContext } from "./report.ts";

const USAGE = `Usage: onion-course <command> [options]   (in this repository: npm run <command> -- [options])

Commands:
  build              validate the course, then build the site into --out (default: site/)
  validate           check the course data and modules only; writes nothing
  serve              build and serve with live reload (Eleventy dev server)
  new-module <id>    create modules/<id>/ in every locale, from the framework
  new-course <dir>   write a starter course into <dir> (--locales en,fr; --force to overwrite)
  new-locale <code>  write i18n/<code>.yaml in the course folder: every interface text to translate
                     (--check: write nothing; list the texts still to translate, by page type,
                     and the unused keys)
  review <id>        record a review of module <id> (--by "<name or role>", --locale <l> for one
                     locale): the date, the reviewer and a fingerprint of the content, in its front
                     matter; validation then warns when the content changes
  migrate            convert the course in place to the course format this engine reads, printing
                     every change (comments kept; running it again changes nothing)
  pdf                render facilitator guides and handbooks in the built site to PDF
  package            pack the built site into --out (default: dist/): SCORM 1.2 and 2004 zips of its
                     modules for an LMS, and website.zip (the whole site, for USB sticks and intranets)
  author             open the course in a local editor in the browser: forms for the framework and
                     course settings, modules with live checks and a preview (--port <n>, --no-open)
  screenshots        phone (360 px) and desktop (1280 px) PNGs of every page type in every locale,
                     into --out (default: screenshots/; --full-page for whole pages)

Options:
  --course <dir>     the course folder holding framework/ and modules/ (default: .)
  --out <dir>        the output folder (default: site; dist for package)
  --site <dir>       the built site that pdf and package read (default: site; pdf also takes --out)
  --strict           treat warnings (unfinished placeholders, missing settings) as errors
  --no-search        skip the search index (build only)
  --no-offline       skip the offline service worker (build only)
  --timings          say how long each stage of the build took (build only)
  --by <who>         review: the reviewer's name or role
  --locale <code>    review: one locale only (default: every locale of the course)
  --force            new-module, new-course, new-locale: overwrite files that already exist
  --engine <spec>    new-course: the onion-course version the course's package.json asks for
                     (default: ^ this engine's version; a path or tarball works too)
  --port <n>         author: the port to listen on (default: a free one); serve: 8080 by default
  --no-open          author: print the editor's address without opening a browser
  --check            new-locale: report what the language still needs instead of writing
  --quiet            validate: leave out the notes (what the course leaves out on purpose)
  --debug            on an unexpected failure, print the full technical details (stack trace)
`;

async function main(argv: string[]): Promise<number> {
  const parsed = readArguments(argv);
  if (typeof parsed === "string") {
    console.error(`${parsed}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const courseDir = resolve(values.course);
  const course = courseArgument(values.course);
  const out = values.out ?? "site";
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case "build": {
      const started = performance.now();
      // Each command loads only what it needs (Eleventy alone takes a third of a second to load).
      const { buildSite, BUILD_STAGES } = await import("../build/build-site.ts");
      (await import("../build/heap-growth.ts")).limitHeapGrowthForBuild();
      const { model, pageCount, stages } = await buildSite({
        courseDir,
        outputDir: out,
        strict: values.strict,
        search: !values["no-search"],
        offline: !values["no-offline"],
      });
      reportNotes(model.notes, course);
      reportWarnings(model.warnings, course);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Built ${pageCount} pages in ${model.locales.join(", ")} into ${out}/ in ${seconds} s.`,
      );
      if (values.timings) {
        // performance.now() counts from the start of the process.
        const line = (what: string, ms: number) =>
          console.log(`  ${what.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms`);
        line("start Node, tsx and the engine", started);
        for (const [stage, ms] of Object.entries(stages))
          line(BUILD_STAGES[stage as keyof typeof BUILD_STAGES], ms);
      }
      return 0;
    }
    case "validate": {
      const { loadCourse } = await import("../course/load-course.ts");
      const model = await loadCourse(courseDir, { strict: values.strict });
      if (!values.quiet) reportNotes(model.notes, course);
      reportWarnings(model.warnings, course);
      console.log(
        formatMessage(
          "The course is valid: {layers, plural, one {# layer} other {# layers}}, {competencies, plural, one {# competency} other {# competencies}}, {modules, plural, one {# module} other {# modules}}, {locales, plural, one {# locale} other {# locales}}.",
          "en",
          {
            layers: model.framework.layers.length,
            competencies: model.competencies.length,
            modules: model.modules.length,
            locales: model.locales.length,
          },
        ),
      );
      return 0;
    }
    case "serve":
      return serve(courseDir, values.port);
    case "new-module": {
      const { scaffoldModule } = await import("../modules/scaffold.ts");
      const written = await scaffoldModule(courseDir, rest[0], { force: values.force });
      for (const file of written) console.log(`created ${file}`);
      return 0;
    }
    case "new-course": {
      const { writeStarterCourse } = await import("../course/new-course.ts");
      const target = rest[0] ? resolve(rest[0]) : undefined;
      const written = await writeStarterCourse(
        target,
        values.locales,
        values.force,
        undefined,
        values.engine,
      );
      for (const file of written) console.log(`created ${join(rest[0]!, file)}`);
      const dir = courseArgument(rest[0]!) ?? ".";
      console.log(
        `\nNext: \`cd ${dir}\`, \`npm install\` (the engine), replace every TODO, then \`npm run validate\` and \`npm run build\`. Its README.md says how to publish and how to update the engine.`,
      );
      return 0;
    }
    case "new-locale": {
      if (values.check) {
        const { requireLocale } = await import("../course/new-locale.ts");
        const { checkLocale, describeLocaleCheck } = await import("../course/check-locale.ts");
        const check = await checkLocale(courseDir, requireLocale(rest[0]));
        console.log(describeLocaleCheck(check));
        return check.missing.length || check.unknown.length ? 1 : 0;
      }
      const { writeLocaleFile } = await import("../course/new-locale.ts");
      const file = await writeLocaleFile(courseDir, rest[0], values.force);
      console.log(`created ${join(values.course, file)}`);
      console.log(
        `\nNext: translate each text marked TODO, and add \`${rest[0]}\` to locales in ${join(values.course, "framework", "course.yaml")}. \`npm run new-locale -- ${rest[0]} --check${course ? ` --course ${course}` : ""}\` lists what is left, page type by page type.`,
      );
      return 0;
    }
    case "review": {
      const { reviewCommand } = await import("./review.ts");
      return reviewCommand(courseDir, values.course, rest[0], values.by, values.locale);
    }
    case "migrate": {
      const { migrateCommand } = await import("./migrate.ts");
      return migrateCommand(courseDir, values.course);
    }
    case "pdf": {
      const { renderPdfs } = await import("../print/render-pdfs.ts");
      // The built site it prints: --site, as for package, or --out, the folder build wrote.
      await renderPdfs({ siteDir: values.site ?? out });
      return 0;
    }
    case "package": {
      const { packageCourse } = await import("../export/package-course.ts");
      await packageCourse({
        courseDir,
        siteDir: values.site ?? "site",
        outDir: values.out ?? "dist",
      });
      return 0;
    }
    case "author": {
      const { authorCommand } = await import("./author.ts");
      return authorCommand(courseDir, { port: values.port, open: !values["no-open"] });
    }
    case "screenshots": {
      const { takeScreenshots } = await import("../preview/screenshots.ts");
      const outDir = values.out ?? "screenshots";
      const written = await takeScreenshots({ courseDir, outDir, fullPage: values["full-page"] });
      console.log(`Wrote ${written} screenshots into ${outDir}/`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

function readArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        course: { type: "string", default: "." },
        out: { type: "string" },
        site: { type: "string" },
        strict: { type: "boolean", default: false },
        locales: { type: "string" },
        locale: { type: "string" },
        by: { type: "string" },
        "no-search": { type: "boolean", default: false },
        "no-offline": { type: "boolean", default: false },
        timings: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        "full-page": { type: "boolean", default: false },
        engine: { type: "string" },
        port: { type: "string" },
        "no-open": { type: "boolean", default: false },
        debug: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What a failed command leaves as it was, and the course its hints are about. */
function reportContext(argv: string[]): ReportContext {
  const parsed = readArguments(argv);
  if (typeof parsed === "string") return { debug: argv.includes("--debug") };
  const { values, positionals } = parsed;
  return {
    debug: values.debug,
    siteOut: positionals[0] === "build" ? (values.out ?? "site") : undefined,
    course: courseArgument(values.course),
  };
}

/**
 * Eleventy's own dev server with live reload, using the engine's .eleventy.js and templates wherever
 * the engine is installed, and writing site/ in the folder the command runs from.
 */
async function serve(courseDir: string, port?: string): Promise<number> {
  const { ENGINE_DIRECTORIES } = await import("../eleventy/plugin.ts");
  // The package exports no path to its CLI; it sits beside src/ in the package folder.
  const cmd = join(
    dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")),
    "..",
    "cmd.cjs",
  );
  const args = [
    "--import",
    // A file address: the folder serve runs from need not have tsx installed.
    pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href,
    cmd,
    `--config=${join(ENGINE_DIR, ".eleventy.js")}`,
    `--input=${ENGINE_DIRECTORIES.input}`,
    "--output=site",
    "--serve",
    "--incremental",
    ...(port ? [`--port=${port}`] : []),
  ];
  const child = spawn(process.execPath, args, {
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
    reportError(error, reportContext(process.argv.slice(2)));
    process.exitCode = 1;
  },
);
