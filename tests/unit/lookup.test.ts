import { describe, expect, it } from "vitest";
import { competencyOf, moduleOf, modulePosition } from "../../src/course/lookup.ts";
import type { CourseModel } from "../../src/course/model.ts";

/** Only the lists the lookups read. */
const course = (ids: string[], trainable: string[]) =>
  ({
    competencies: ids.map((id) => ({ competency: { id } })),
    modules: trainable.map((competencyId) => ({ competencyId })),
  }) as unknown as CourseModel;

describe("id lookups on the course model", () => {
  it("finds what a scan of the list finds, and nothing for an unknown or missing id", () => {
    const model = course(["a", "b", "c", "d"], ["c", "a"]);
    for (const id of ["a", "b", "c", "d", "x", undefined]) {
      expect(competencyOf(model, id)).toBe(model.competencies.find((c) => c.competency.id === id));
      expect(moduleOf(model, id)).toBe(model.modules.find((m) => m.competencyId === id));
      expect(modulePosition(model, id)).toBe(model.modules.findIndex((m) => m.competencyId === id));
    }
  });

  it("returns the first of a repeated id, as a scan would", () => {
    const model = course(["a", "a"], []);
    expect(competencyOf(model, "a")).toBe(model.competencies[0]);
  });

  it("sees an entry added to the list after the first lookup", () => {
    const model = course(["a"], ["a"]);
    expect(moduleOf(model, "b")).toBeUndefined();
    model.modules.push({ competencyId: "b" } as CourseModel["modules"][number]);
    expect(moduleOf(model, "b")).toBe(model.modules[1]);
  });
});
