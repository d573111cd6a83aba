import { describe, expect, it } from "vitest";
import { courseArgument, nameCourse } from "../../src/cli/course-hint.ts";

describe("nameCourse: a command in a hint names the course it is about", () => {
  it.each([
    ["Run `npm run validate`.", "Run `npm run validate -- --course ../c`."],
    [
      "Run `npm run new-locale -- fr`: it writes…",
      "Run `npm run new-locale -- fr --course ../c`: it writes…",
    ],
    [
      "`npm run new-locale -- fr --force` rewrites",
      "`npm run new-locale -- fr --force --course ../c` rewrites",
    ],
    ["`npm run build -- --no-offline`", "`npm run build -- --no-offline --course ../c`"],
    [
      "`npm run new-module -- a` and `npm run start`",
      "`npm run new-module -- a --course ../c` and `npm run start -- --course ../c`",
    ],
    // Commands that take no course, and hints that already name one, stay as they are.
    ["`npm run pdf` then `npm run package`", "`npm run pdf` then `npm run package`"],
    ["`npm run build -- --course x`", "`npm run build -- --course x`"],
    ["`npm run new-course -- ../c`", "`npm run new-course -- ../c`"],
  ])("%s", (text, expected) => {
    expect(nameCourse(text, "../c")).toBe(expected);
  });

  it("leaves every hint alone for the course in the current folder", () => {
    expect(nameCourse("Run `npm run validate`.", undefined)).toBe("Run `npm run validate`.");
  });
});

describe("courseArgument", () => {
  it("is nothing for the current folder, as typed otherwise, quoted when the shell needs it", () => {
    expect(courseArgument(".", "/work")).toBeUndefined();
    expect(courseArgument("/work/", "/work")).toBeUndefined();
    expect(courseArgument("../handover", "/work")).toBe("../handover");
    expect(courseArgument("my course", "/work")).toBe("'my course'");
    expect(courseArgument("it's", "/work")).toBe("'it'\\''s'");
  });
});
