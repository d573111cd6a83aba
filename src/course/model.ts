import type { Finding } from "../errors.ts";
import type { CoursePages } from "./course-pages.ts";
import type { CompetencyEntry } from "../framework/competencies.ts";
import type { CourseSettings, FrameworkData } from "../framework/schema.ts";
import { uiFor, type UiStrings } from "../framework/ui-strings.ts";
import type { CourseModule } from "../modules/types.ts";
import type { ReflectionData } from "../reflection/schema.ts";
import type { GlossaryData } from "../glossary/schema.ts";
import type { FeedbackData } from "../feedback/schema.ts";

export type { CompetencyEntry } from "../framework/competencies.ts";

export const PAGE_TYPES = [
  "home",
  "framework",
  "layer",
  "competency",
  "about",
  "notFound",
  "outline",
  "module",
  "trainers",
  "reflection",
  "assess",
  "search",
  "facilitators",
  "guide",
  "handbook",
  "glossary",
  "slides",
  "offline",
  "handover",
  "cohort",
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** One page in one locale; `key` is the same for every locale's version of the page. */
export interface PageRecord {
  type: PageType;
  locale: string;
  key: string;
  url: string;
  layerId?: string;
  competencyId?: string;
}

export interface CourseModel {
  /** The course folder (absolute). */
  courseDir: string;
  settings: CourseSettings;
  framework: FrameworkData;
  locales: string[];
  defaultLocale: string;
  ui: UiStrings;
  competencies: CompetencyEntry[];
  /** Modules in teaching order, one per trainable competency. */
  modules: CourseModule[];
  reflection: ReflectionData | undefined;
  /** The home introduction and About text the course writes (pages/<name>.<locale>.md), rendered. */
  coursePages: CoursePages;
  glossary: GlossaryData | undefined;
  /** The end-of-session feedback form (framework/feedback.yaml), when the course has one. */
  feedback: FeedbackData | undefined;
  pages: PageRecord[];
  pagesByType: Record<PageType, PageRecord[]>;
  warnings: Finding[];
  /** What the course leaves out on purpose (e.g. no siteUrl); printed, never an error. */
  notes: Finding[];
}

/** The locale-independent part of each page's address, by page type. */
export function pageKeys(
  framework: FrameworkData,
  modules: CourseModule[],
  hasReflection: boolean,
  hasGlossary = false,
  hasFeedback = false,
): Omit<PageRecord, "locale" | "url">[] {
  const keys: Omit<PageRecord, "locale" | "url">[] = [
    { type: "home", key: "" },
    { type: "framework", key: "framework/" },
    { type: "about", key: "about/" },
    { type: "notFound", key: "404.html" },
  ];
  for (const layer of framework.layers) {
    keys.push({ type: "layer", key: `framework/${layer.id}/`, layerId: layer.id });
    for (const c of layer.competencies)
      keys.push({
        type: "competency",
        key: `framework/${layer.id}/${c.id}/`,
        layerId: layer.id,
        competencyId: c.id,
      });
  }
  if (modules.length) {
    keys.push({ type: "outline", key: "modules/" }, { type: "trainers", key: "trainers/" });
    for (const m of modules)
      keys.push({
        type: "module",
        key: `modules/${m.competencyId}/`,
        competencyId: m.competencyId,
      });
    keys.push(
      { type: "facilitators", key: "facilitators/" },
      { type: "handbook", key: "facilitators/handbook/" },
    );
    for (const m of modules)
      keys.push({
        type: "guide",
        key: `facilitators/${m.competencyId}/`,
        competencyId: m.competencyId,
      });
    for (const m of modules)
      keys.push({
        type: "slides",
        key: `facilitators/${m.competencyId}/slides/`,
        competencyId: m.competencyId,
      });
  }
  if (hasReflection) keys.push({ type: "reflection", key: "reflection/" });
  if (hasGlossary) keys.push({ type: "glossary", key: "glossary/" });
  const assessed = framework.layers.some((l) => l.assessed);
  if (assessed) keys.push({ type: "assess", key: "assess/" });
  // Cohort evaluation: what learners hand over after a session (feedback, self-assessment) and the
  // facilitators' page that adds it up. Without either there is nothing to hand over.
  if (modules.length && (assessed || hasFeedback))
    keys.push(
      { type: "handover", key: "feedback/" },
      { type: "cohort", key: "facilitators/cohort/" },
    );
  keys.push({ type: "search", key: "search/" });
  // What the offline service worker shows for a page it has not kept (or a mistyped address).
  keys.push({ type: "offline", key: "offline/" });
  return keys;
}

export function buildPages(locales: string[], keys: Omit<PageRecord, "locale" | "url">[]) {
  const pages: PageRecord[] = locales.flatMap((locale) =>
    keys.map((k) => ({ ...k, locale, url: `/${locale}/${k.key}` })),
  );
  const byType = Object.fromEntries(PAGE_TYPES.map((t) => [t, [] as PageRecord[]])) as Record<
    PageType,
    PageRecord[]
  >;
  for (const p of pages) byType[p.type].push(p);
  return { pages, byType };
}

/** How long the whole programme takes, as "Total: 5 hours (300 minutes)…" in the locale's words. */
export function programmeTimeText(model: CourseModel, locale: string): string {
  const minutes = model.modules.reduce((sum, m) => sum + (m.versions[locale]?.duration ?? 0), 0);
  return uiFor(model.ui, locale)("module.totalTime", {
    hours: Math.round((minutes / 60) * 10) / 10,
    minutes,
  });
}
