import type { CourseModule } from "../modules/types.ts";
import type { CompetencyEntry, CourseModel } from "./model.ts";

/**
 * Id lookups on the course model, built once per list instead of scanning the course on every page
 * (a course with N competencies has about 4N pages per locale, so a scan per page costs N² at
 * build time). An index is rebuilt if its list has changed length since.
 */
const indexes = new WeakMap<readonly object[], { length: number; at: Map<string, number> }>();

function positionIn<T extends object>(
  items: readonly T[],
  id: string | undefined,
  key: (item: T) => string,
): number {
  let index = indexes.get(items);
  if (!index || index.length !== items.length) {
    const at = new Map<string, number>();
    // The first of a repeated id wins, as `Array.prototype.find` would.
    items.forEach((item, i) => at.has(key(item)) || at.set(key(item), i));
    index = { length: items.length, at };
    indexes.set(items, index);
  }
  return id === undefined ? -1 : (index.at.get(id) ?? -1);
}

/** Where the module of this competency is in the course's order of modules (-1: none). */
export const modulePosition = (model: CourseModel, competencyId: string | undefined): number =>
  positionIn(model.modules, competencyId, (m) => m.competencyId);

/** The module of this competency, if it has one. */
export const moduleOf = (
  model: CourseModel,
  competencyId: string | undefined,
): CourseModule | undefined => model.modules[modulePosition(model, competencyId)];

/** The competency with this id, with its layer. */
export const competencyOf = (
  model: CourseModel,
  competencyId: string | undefined,
): CompetencyEntry | undefined =>
  model.competencies[positionIn(model.competencies, competencyId, (c) => c.competency.id)];
