import {
  CourseError,
  formatFinding,
  InternalError,
  ValidationError,
  type Finding,
} from "../errors.ts";
import { nameCourse } from "./course-hint.ts";

/** What the command that failed was doing, so the report says what it left as it was. */
export interface ReportContext {
  debug?: boolean;
  /** The folder a build writes into; unset for commands that write no site (validate, new-…). */
  siteOut?: string;
  /** The course folder as the trainer named it, when it is not the current folder. */
  course?: string;
}

/** A finding whose hints name the course they are about, when it is not in the current folder. */
const aboutCourse = (f: Finding, course: string | undefined): Finding => ({
  ...f,
  message: nameCourse(f.message, course),
  hint: nameCourse(f.hint, course),
});

/** The one place that prints errors for people: findings grouped, causes numbered. */
export function reportError(error: unknown, options: ReportContext = {}): void {
  if (error instanceof ValidationError) {
    const errors = error.findings.filter((f) => f.severity === "error");
    const warnings = error.findings.filter((f) => f.severity === "warning");
    console.error(`\n${error.message}\n`);
    for (const f of [...errors, ...warnings])
      console.error(`${formatFinding(aboutCourse(f, options.course))}\n`);
    const kept = options.siteOut ? `; the previous ${options.siteOut}/ is unchanged` : "";
    console.error(
      `${errors.length} error${errors.length === 1 ? "" : "s"}, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}. Nothing was written${kept}.`,
    );
    return;
  }
  const chain: unknown[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) chain.push(e);
  const headline =
    error instanceof CourseError
      ? nameCourse(error.message, options.course)
      : error instanceof InternalError
        ? error.message
        : `Internal error: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`\n${headline}`);
  chain
    .slice(1)
    .forEach((e, i) => console.error(`  ${i + 1}. ${e instanceof Error ? e.message : String(e)}`));
  if (options.debug) {
    for (const e of chain) if (e instanceof Error && e.stack) console.error(`\n${e.stack}`);
  } else if (!(error instanceof CourseError))
    console.error(
      "\nThis looks like a bug in the tool, not in your course. Run the command again with --debug and send the output to the course maintainers.",
    );
}

export function reportWarnings(warnings: Finding[], course?: string): void {
  for (const w of warnings) console.warn(`${formatFinding(aboutCourse(w, course))}\n`);
  if (warnings.length)
    console.warn(
      `${warnings.length} warning${warnings.length === 1 ? "" : "s"} (use --strict to make them errors).`,
    );
}

/** Notes say what the course leaves out on purpose; they never fail a build. */
export function reportNotes(notes: Finding[], course?: string): void {
  for (const n of notes) console.warn(`${formatFinding(aboutCourse(n, course))}\n`);
}
