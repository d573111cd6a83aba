import type { CourseModel, PageRecord, PageType } from "../course/model.ts";
import { competencyOf, moduleOf } from "../course/lookup.ts";
import { uiFor } from "../framework/ui-strings.ts";

const uiText = (model: CourseModel, locale: string, key: string) => uiFor(model.ui, locale)(key);

/** The heading-level title of a page, without the course name. */
export function pageHeading(model: CourseModel, page: PageRecord): string {
  const l = page.locale;
  switch (page.type) {
    case "home":
      return model.settings.title[l] ?? "";
    case "layer":
      return model.framework.layers.find((x) => x.id === page.layerId)?.title[l] ?? "";
    case "competency":
      return competencyOf(model, page.competencyId)?.competency.title[l] ?? "";
    case "module":
    case "guide":
    case "slides": {
      const title = moduleOf(model, page.competencyId)?.versions[l]?.title ?? "";
      if (page.type === "slides") return uiFor(model.ui, l)("slides.heading", { title });
      return page.type === "guide" ? uiFor(model.ui, l)("guide.heading", { title }) : title;
    }
    default:
      return uiText(model, l, TITLE_KEYS[page.type]);
  }
}

const TITLE_KEYS: Record<PageType, string> = {
  home: "nav.home",
  framework: "framework.title",
  layer: "framework.layers",
  competency: "framework.competencies",
  about: "about.title",
  notFound: "notFound.title",
  outline: "nav.modules",
  module: "nav.modules",
  trainers: "nav.trainers",
  reflection: "nav.reflection",
  assess: "nav.assess",
  search: "search.title",
  facilitators: "nav.facilitators",
  guide: "nav.facilitators",
  handbook: "guide.label.handbook",
  glossary: "glossary.title",
  slides: "slides.link",
  offline: "offline.pageTitle",
  handover: "handover.title",
  cohort: "cohort.title",
};

/** The document title: the page's own title, then the course's. */
export function pageTitle(model: CourseModel, page: PageRecord): string {
  const course = model.settings.title[page.locale] ?? "";
  return page.type === "home"
    ? course
    : uiFor(model.ui, page.locale)("compose.pageTitle", { page: pageHeading(model, page), course });
}

interface NavEntry {
  key: string;
  label: string;
  types: PageType[];
}

/** The main navigation: only the sections this course has, the current one marked. */
export function navItems(model: CourseModel, page: PageRecord) {
  const l = page.locale;
  const entries: NavEntry[] = [
    { key: "", label: "nav.home", types: ["home"] },
    { key: "framework/", label: "nav.framework", types: ["framework", "layer", "competency"] },
    {
      key: "modules/",
      label: "nav.modules",
      types: ["outline", "module", "glossary", "handover"],
    },
    { key: "reflection/", label: "nav.reflection", types: ["reflection"] },
    { key: "assess/", label: "nav.assess", types: ["assess"] },
    {
      key: "facilitators/",
      label: "nav.facilitators",
      types: ["facilitators", "guide", "handbook", "slides", "cohort"],
    },
    { key: "about/", label: "nav.about", types: ["about"] },
  ];
  return entries
    .filter((e) => model.pagesByType[e.types[0]!].length)
    .map((e) => ({
      url: `/${l}/${e.key}`,
      label: uiText(model, l, e.label),
      current:
        page.key === e.key
          ? "page"
          : e.key !== "" && e.types.includes(page.type)
            ? "true"
            : undefined,
    }));
}

/**
 * Page types whose main content goes into the learners' search index: never facilitator pages, nor
 * the trainers' page (how to edit the course), whose field names and YAML would crowd learners' results.
 */
const SEARCHABLE: ReadonlySet<PageType> = new Set([
  "home",
  "framework",
  "layer",
  "competency",
  "outline",
  "module",
  "reflection",
  "assess",
  "about",
  "glossary",
]);
export const isSearchable = (page: PageRecord): boolean => SEARCHABLE.has(page.type);

/** Page types that load tools.css, and the interface texts their scripts need (by key prefix). */
const TOOL_PAGES: ReadonlySet<PageType> = new Set([
  "trainers",
  "reflection",
  "assess",
  "search",
  "facilitators",
  "guide",
  "handbook",
  "handover",
  "cohort",
]);
export const usesTools = (page: PageRecord): boolean => TOOL_PAGES.has(page.type);

const SCRIPT_MESSAGES: Partial<Record<PageType, string[]>> = {
  module: ["check.chooseFirst", "checkResult."],
  reflection: ["journal.", "learnerData."],
  assess: ["journal.", "assess.", "learnerData.", "compose.separator"],
  search: ["search."],
  slides: ["slides."],
  handover: ["handover.", "learnerData.", "compose.separator", "punct."],
  cohort: ["cohort.", "compose.separator", "punct.", "framework.competencies"],
};
export const scriptMessagePrefixes = (page: PageRecord): string[] =>
  SCRIPT_MESSAGES[page.type] ?? [];
