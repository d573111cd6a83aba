import { readFileSync } from "node:fs";
import { join } from "node:path";
import syntaxHighlight from "@11ty/eleventy-plugin-syntaxhighlight";
import { TEMPLATES_DIR } from "../paths.ts";
import { markForeignHtml } from "./mark-foreign.ts";
import { escapeXml, renderOnionSvg } from "../onion/onion-svg.ts";
import { cutToRunningLine, fitsRunningLine } from "../print/running-line.ts";
import { schemaReference } from "./schema-reference.ts";
import { assessData, assessedCompetencies } from "../pages/assess-data.ts";
import { promptsForModule, reflectionSections } from "../course/reflection-sections.ts";
import {
  createPrintRenderer,
  guidePdfName,
  handbookPdfName,
  slidesPdfName,
} from "../print/render-print.ts";
import { prefixedUrl, relativeUrl } from "../pages/relative-url.ts";
import { programmeTimeText, type CourseModel, type PageRecord } from "../course/model.ts";
import {
  isSearchable,
  navItems,
  pageHeading,
  pageTitle,
  scriptMessagePrefixes,
  usesTools,
} from "../pages/page-meta.ts";
import type { LocalizedText } from "../framework/schema.ts";
import type { CoursePageName } from "../course/course-pages.ts";
import { sourceName } from "../course/source-name.ts";
import { trainerExamples } from "../course/trainer-examples.ts";
import { lookupUiText, uiFor } from "../framework/ui-strings.ts";

/** The site path of a layer's page, or of a competency's page inside it. */
const frameworkPath = (locale: string, layerId: string, competencyId?: string): string =>
  `/${locale}/framework/${layerId}/${competencyId ? `${competencyId}/` : ""}`;

const highlight = (content: string, language: string): string =>
  syntaxHighlight.pairedShortcode(content, language, "", { preAttributes: { tabindex: "0" } });

interface FilterContext {
  page?: { url?: string };
}

/** Filters and shortcodes the page templates use; each reads the course model lazily. */
export function registerFilters(eleventyConfig: any, model: () => CourseModel): void {
  /** The text of a localized value in a locale. */
  eleventyConfig.addFilter(
    "tr",
    (value: LocalizedText | undefined, locale: string) => value?.[locale] ?? "",
  );

  /** Interface text by key, with `{name}` placeholders filled from `vars`. */
  eleventyConfig.addFilter(
    "ui",
    (key: string, locale: string, vars: Record<string, unknown> = {}) => {
      const text = lookupUiText(model().ui, locale, key, vars);
      if (text === undefined) throw new Error(`Internal error: no interface text for key "${key}"`);
      return text;
    },
  );

  /** A site link from the current page: relative, or prefixed for 404 pages served anywhere. */
  eleventyConfig.addFilter("href", function (this: FilterContext, target: string) {
    const from = this.page?.url ?? "/";
    return from.endsWith("404.html")
      ? prefixedUrl(target, model().settings.pathPrefix)
      : relativeUrl(target, from);
  });

  eleventyConfig.addFilter(
    "languageName",
    (locale: string) => model().ui[locale]?.["meta.languageName"] ?? locale,
  );

  eleventyConfig.addShortcode(
    "onion",
    function (this: FilterContext, locale: string, idPrefix = "onion") {
      const m = model();
      const from = this.page?.url ?? "/";
      const ui = uiFor(m.ui, locale);
      return renderOnionSvg({
        layers: m.framework.layers,
        locale,
        idPrefix,
        title: ui("onion.title"),
        description: ui("onion.description", { count: m.framework.layers.length }),
        hrefFor: (layerId, competencyId) =>
          relativeUrl(frameworkPath(locale, layerId, competencyId), from),
      });
    },
  );

  eleventyConfig.addFilter("permalinkFile", (url: string) =>
    url.endsWith("/") ? `${url}index.html` : url,
  );
  eleventyConfig.addFilter("pageTitle", (page: PageRecord) => pageTitle(model(), page));
  eleventyConfig.addFilter("isSearchable", (page: PageRecord) => isSearchable(page));
  eleventyConfig.addFilter("pageHeading", (page: PageRecord) => pageHeading(model(), page));
  eleventyConfig.addFilter("navItems", (page: PageRecord) => navItems(model(), page));
  eleventyConfig.addFilter("moduleFor", (competencyId: string) =>
    model().modules.find((m) => m.competencyId === competencyId),
  );

  eleventyConfig.addFilter("moduleNeighbours", (competencyId: string) => {
    const modules = model().modules;
    const at = modules.findIndex((m) => m.competencyId === competencyId);
    return { previous: modules[at - 1], next: modules[at + 1] };
  });
  eleventyConfig.addFilter("programmeTimeText", (locale: string) =>
    programmeTimeText(model(), locale),
  );

  /** An example file from templates/trainers/examples, highlighted at build time (no script needed). */
  eleventyConfig.addFilter("highlightExample", (name: string, language: string) => {
    const content = readFileSync(join(TEMPLATES_DIR, "trainers", "examples", name), "utf8");
    return highlight(content, language);
  });
  /** The course's own first competency (YAML) or first module (Markdown, in the page's language), highlighted. */
  eleventyConfig.addFilter("courseExample", (kind: "competency" | "module", locale: string) => {
    const examples = trainerExamples(model(), locale);
    return kind === "competency"
      ? highlight(examples.competencyYaml, "yaml")
      : highlight(examples.moduleSource, "markdown");
  });
  /** The short name of the framework the course is built on, in a locale. */
  eleventyConfig.addFilter("sourceName", (locale: string) =>
    sourceName(model().settings, model().ui, locale),
  );
  /** Course-authored page text (pages/<name>.<locale>.md), rendered; empty when the course has none. */
  eleventyConfig.addFilter(
    "coursePage",
    (name: CoursePageName, locale: string) => model().coursePages[name]?.[locale] ?? "",
  );
  eleventyConfig.addFilter("schemaReference", () => schemaReference(model().locales));

  eleventyConfig.addFilter("reflectionSections", () => reflectionSections(model()));
  eleventyConfig.addFilter("promptsForModule", (competencyId: string) =>
    promptsForModule(model(), competencyId),
  );
  eleventyConfig.addFilter("storeKey", () => storeKey(model()));

  /** Interface text the page's scripts need, as JSON safe to embed in a script element. */
  eleventyConfig.addFilter("scriptMessages", (page: PageRecord) => {
    const prefixes = scriptMessagePrefixes(page);
    const strings = model().ui[page.locale] ?? {};
    const picked = Object.fromEntries(
      Object.entries(strings).filter(([k]) => prefixes.some((prefix) => k.startsWith(prefix))),
    );
    return JSON.stringify(picked).replace(/</g, "\\u003c");
  });
  eleventyConfig.addFilter("usesTools", (page: PageRecord) => usesTools(page));

  // One renderer per build: it caches each guide's body for the guide page and the handbook.
  let printRenderer: ReturnType<typeof createPrintRenderer> | undefined;
  const print = () => (printRenderer ??= createPrintRenderer(model()));
  eleventyConfig.on("eleventy.before", () => {
    printRenderer = undefined;
  });
  eleventyConfig.addFilter("guideHtml", (page: PageRecord) =>
    print().guide(page.competencyId!, page.locale),
  );
  eleventyConfig.addFilter("slidesHtml", (page: PageRecord) =>
    print().slides(page.competencyId!, page.locale),
  );
  eleventyConfig.addFilter("slidesPdfName", (competencyId: string, locale: string) =>
    slidesPdfName(competencyId, locale),
  );
  eleventyConfig.addFilter("handbookHtml", function (this: FilterContext, page: PageRecord) {
    const from = this.page?.url ?? "/";
    return print().handbook(page.locale, (layerId, competencyId) =>
      relativeUrl(frameworkPath(page.locale, layerId, competencyId), from),
    );
  });

  eleventyConfig.addFilter("guidePdfName", (competencyId: string, locale: string) =>
    guidePdfName(competencyId, locale),
  );
  eleventyConfig.addFilter("fitsRunningLine", fitsRunningLine);
  eleventyConfig.addFilter("cutToRunningLine", cutToRunningLine);
  eleventyConfig.addFilter("handbookPdfName", (locale: string) => handbookPdfName(locale));
  /** Text for a CSS string literal inside <style>: quotes, backslashes and `<` escaped (use with `safe`). */
  eleventyConfig.addFilter("cssString", (value: string) =>
    String(value)
      .replace(/[\\"]/g, "\\$&")
      .replace(/</g, "\\3c ")
      .replace(/[\r\n]+/g, " "),
  );

  eleventyConfig.addFilter("scaleLevel", (levelId: string) =>
    model().framework.scale.levels.find((l) => l.id === levelId),
  );
  eleventyConfig.addFilter("assessedCompetencies", () => assessedCompetencies(model()));
  eleventyConfig.addFilter("assessData", (locale: string, fromUrl: string) =>
    JSON.stringify(assessData(model(), locale, fromUrl)).replace(/</g, "\\u003c"),
  );

  /** HTML (ours) or plain text with its Chinese fragments marked by `lang` on non-Chinese pages. */
  const cjkLocale = () => model().locales.find((l) => /^zh\b/.test(l)) ?? "zh";
  eleventyConfig.addFilter("markForeign", (html: string, locale: string) =>
    markForeignHtml(String(html), locale, cjkLocale()),
  );
  eleventyConfig.addFilter("markForeignText", (text: string, locale: string) =>
    markForeignHtml(escapeXml(String(text)), locale, cjkLocale()),
  );

  eleventyConfig.addFilter("competencyEntry", (competencyId: string) =>
    model().competencies.find((c) => c.competency.id === competencyId),
  );
  eleventyConfig.addFilter("layerById", (layerId: string) =>
    model().framework.layers.find((l) => l.id === layerId),
  );
}

/** The localStorage key of a course: stable across rebuilds and site versions, distinct per course. */
export function storeKey(model: CourseModel): string {
  const title = model.settings.title[model.defaultLocale] ?? "course";
  return `onion-course:${title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .slice(0, 60)}`;
}
