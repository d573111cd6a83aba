import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { REPO_DIR } from "../helpers/paths.ts";

describe("a course folder given as a relative path", () => {
  it("loads as the same folder given absolutely (the engine as a library, not only the CLI)", async () => {
    const absolute = `${REPO_DIR}/examples/breaking-bad-news`;
    const given = relative(process.cwd(), absolute) || ".";
    expect(given.startsWith("/")).toBe(false);
    const model = await loadCourse(given);
    expect(model.courseDir).toBe((await loadCourse(absolute)).courseDir);
    expect(model.modules.length).toBeGreaterThan(0);
  });
});
