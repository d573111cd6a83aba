import type { CourseModel } from "../course/model.ts";

/** The localStorage key of a course: stable across rebuilds and site versions, distinct per course. */
export function storeKey(model: CourseModel): string {
  const title = model.settings.title[model.defaultLocale] ?? "course";
  return `onion-course:${title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .slice(0, 60)}`;
}
