/** Where a problem is, and what to do about it: one entry in a validation report. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  /** Path inside the data, e.g. `layers[2].competencies[1].title.zh-CN`. Empty for the whole file. */
  dataPath: string;
  message: string;
  hint: string;
  /** A `note` says what a course leaves out on purpose; `--strict` does not turn it into an error. */
  severity: "error" | "warning" | "note";
}

/** Base class for problems a course author can fix; the original failure is kept as `cause`. */
export class CourseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CourseError";
  }
}

/** Every problem found in a course's data, reported together. */
export class ValidationError extends CourseError {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    const errors = findings.filter((f) => f.severity === "error").length;
    super(
      `The course has ${errors} problem${errors === 1 ? "" : "s"} to fix before it can be built.`,
    );
    this.name = "ValidationError";
    this.findings = findings;
  }
}

/** A programmer mistake inside the engine, never the author's fault. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`Internal error: ${message}`, options);
    this.name = "InternalError";
  }
}

export function formatFinding(f: Finding): string {
  const where = `${f.file}:${f.line}:${f.column}`;
  const at = f.dataPath ? ` at ${f.dataPath}` : "";
  return `${f.severity} ${where}${at}\n  ${f.message}\n  → ${f.hint}`;
}
