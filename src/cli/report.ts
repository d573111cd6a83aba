import {
  CourseError,
  formatFinding,
  InternalError,
  ValidationError,
  type Finding,
} from "../errors.ts";

/** The one place that prints errors for people: findings grouped, causes numbered. */
export function reportError(error: unknown, options: { debug?: boolean } = {}): void {
  if (error instanceof ValidationError) {
    const errors = error.findings.filter((f) => f.severity === "error");
    const warnings = error.findings.filter((f) => f.severity === "warning");
    console.error(`\n${error.message}\n`);
    for (const f of [...errors, ...warnings]) console.error(`${formatFinding(f)}\n`);
    console.error(
      `${errors.length} error${errors.length === 1 ? "" : "s"}, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}. Nothing was written; the previous site/ is unchanged.`,
    );
    return;
  }
  const chain: unknown[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) chain.push(e);
  const headline =
    error instanceof CourseError || error instanceof InternalError
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

export function reportWarnings(warnings: Finding[]): void {
  for (const w of warnings) console.warn(`${formatFinding(w)}\n`);
  if (warnings.length)
    console.warn(
      `${warnings.length} warning${warnings.length === 1 ? "" : "s"} (use --strict to make them errors).`,
    );
}
