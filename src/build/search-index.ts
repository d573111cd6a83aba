import type { CourseModel } from "../framework/model.ts";

/** Builds the search index into the site folder (Pagefind); see issue for search. */
export async function indexSearch(_siteDir: string, _model: CourseModel): Promise<void> {}
