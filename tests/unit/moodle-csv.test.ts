import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { buildMoodleCsv } from "../../src/export/moodle/build-moodle-csv.ts";
import { fixture } from "../helpers/paths.ts";

let model: CourseModel;
beforeAll(async () => {
  model = await loadCourse(fixture("minimal"));
});

/** The framework's id number in the CSV (second field of the framework row) for a course title. */
function frameworkIdFor(title: string, locale = "en"): string {
  const titled = {
    ...model,
    settings: { ...model.settings, title: { en: title, "zh-CN": title } },
  };
  const frameworkRow = buildMoodleCsv(titled, locale).split("\n")[1]!;
  return frameworkRow.split(",")[1]!;
}

describe("the Moodle framework id number", () => {
  it("is the course title in lowercase Latin words joined by hyphens, then the locale", () => {
    expect(frameworkIdFor("Minimal course")).toBe("minimal-course-en");
    expect(frameworkIdFor("Onion Model 2025: 社交媒体沟通", "zh-CN")).toBe(
      "onion-model-2025-zh-CN",
    );
  });

  it("cuts a long title at a whole word, within 48 characters", () => {
    const id = frameworkIdFor(
      "Breaking bad news in the emergency department: a programme for interprofessional teams",
    );
    expect(id).toBe("breaking-bad-news-in-the-emergency-department-a-en");
    expect(id.length - "-en".length).toBeLessThanOrEqual(48);
  });

  it("is 'course' and the locale for a title with no Latin letters or digits", () => {
    expect(frameworkIdFor("医患沟通培训")).toBe("course-en");
  });
});
