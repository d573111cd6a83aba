import type { CourseModel, PageRecord, PageType } from "../course/model.ts";
import type { ModuleVersion } from "../modules/types.ts";

/**
 * What a module's text shows only on the pages of that module (its learner page, competency page,
 * guide and slides) and on a few pages of its language that list every module's content (below).
 * A change to anything else of a module (its title, duration, objectives, audience…) shows on the
 * outline, the home page, the layers and the schedule too, so every page is rendered again.
 */
const BODY_KEYS = new Set<keyof ModuleVersion>([
  "learnerHtml",
  "guideHtml",
  "activities",
  "checks",
  "cases",
  "facilitatorNotes",
  "slides",
  "signature",
  "references",
  "materials",
  "review",
  "reviewCoversContent",
  "durationLine",
  "materialsLine",
  "hasBlockErrors",
]);

/** The pages of one module, in the language of the edit. */
const MODULE_PAGES = new Set<PageType>(["module", "competency", "guide", "slides"]);
/** Pages of a language that show something of every module's text: rendered after any edit. */
const LANGUAGE_PAGES = new Set<PageType>([
  "handbook",
  "facilitators",
  "trainers",
  "glossary",
  "assess",
  "offline",
]);

const isModuleText = (file: string) => /[\\/]modules[\\/][^\\/]+[\\/][^\\/]+\.md$/.test(file);

/**
 * Which pages a rebuild while serving must render after `changedFiles` were saved: only the edited
 * modules' pages (and the pages of their language that list every module) when the only change is
 * to module text outside the module's title and settings; otherwise every page (undefined). Pages
 * left out keep the files the previous build wrote.
 */
export function pagesAnEditTouches(
  before: CourseModel,
  after: CourseModel,
  changedFiles: readonly string[],
): Record<PageType, PageRecord[]> | undefined {
  if (!changedFiles.length || !changedFiles.every(isModuleText)) return undefined;
  if (
    before.locales.join() !== after.locales.join() ||
    before.modules.map((m) => m.competencyId).join() !==
      after.modules.map((m) => m.competencyId).join() ||
    before.pages.length !== after.pages.length
  )
    return undefined;
  const edited = new Set<string>();
  for (const [i, module] of after.modules.entries())
    for (const locale of after.locales) {
      const was = before.modules[i]!.versions[locale];
      const now = module.versions[locale];
      if (was === now) continue;
      if (!was || !now || !onlyBodyChanged(was, now)) return undefined;
      edited.add(`${locale}/${module.competencyId}`);
    }
  const locales = new Set([...edited].map((key) => key.split("/")[0]!));
  const keep = (page: PageRecord) =>
    (MODULE_PAGES.has(page.type) && edited.has(`${page.locale}/${page.competencyId}`)) ||
    (LANGUAGE_PAGES.has(page.type) && locales.has(page.locale));
  return Object.fromEntries(
    Object.entries(after.pagesByType).map(([type, pages]) => [type, pages.filter(keep)]),
  ) as Record<PageType, PageRecord[]>;
}

function onlyBodyChanged(was: ModuleVersion, now: ModuleVersion): boolean {
  const keys = new Set([...Object.keys(was), ...Object.keys(now)]) as Set<keyof ModuleVersion>;
  for (const key of keys)
    if (!BODY_KEYS.has(key) && JSON.stringify(was[key]) !== JSON.stringify(now[key])) return false;
  return true;
}
