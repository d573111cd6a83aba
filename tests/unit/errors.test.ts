// What a trainer reads when a course has problems: the command line prints these texts as they are.
import { describe, expect, it } from "vitest";
import { formatFinding, InternalError, ValidationError, type Finding } from "../../src/errors.ts";

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  file: "framework/course.yaml",
  line: 12,
  column: 3,
  dataPath: "layers[0].title.zh-CN",
  message: "Required key `zh-CN` is missing",
  hint: "Add the Chinese title.",
  severity: "error",
  ...overrides,
});

describe("a finding as printed", () => {
  it("gives severity, file:line:column, the data path, then the message and what to do", () => {
    expect(formatFinding(finding())).toBe(
      "error framework/course.yaml:12:3 at layers[0].title.zh-CN\n" +
        "  Required key `zh-CN` is missing\n" +
        "  → Add the Chinese title.",
    );
  });

  it("leaves out 'at' for a problem with the whole file", () => {
    expect(formatFinding(finding({ dataPath: "", severity: "warning" }))).toBe(
      "warning framework/course.yaml:12:3\n  Required key `zh-CN` is missing\n  → Add the Chinese title.",
    );
  });
});

describe("the summary line", () => {
  it("counts errors only, in the singular for one", () => {
    const error = new ValidationError([finding(), finding({ severity: "warning" })]);
    expect(error.message).toBe("The course has 1 problem to fix before it can be built.");
    expect(error.findings).toHaveLength(2);
    expect(error.name).toBe("ValidationError");
  });

  it("uses the plural for several", () => {
    expect(new ValidationError([finding(), finding(), finding({ severity: "note" })]).message).toBe(
      "The course has 2 problems to fix before it can be built.",
    );
  });

  it("marks an engine fault as internal, so it is not taken for the author's", () => {
    const error = new InternalError("no layout for page kind 'x'");
    expect(error.message).toBe("Internal error: no layout for page kind 'x'");
    expect(error.name).toBe("InternalError");
  });
});
