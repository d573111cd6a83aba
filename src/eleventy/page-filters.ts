import type { CourseModel, PageRecord } from "../course/model.ts";
import {
  isSearchable,
  navItems,
  pageHeading,
  pageTitle,
  scriptMessagePrefixes,
  usesTools,
} from "../pages/page-meta.ts";
import { storeKey } from "../pages/store-key.ts";

/** Filters for the frame of every page: its title, heading, navigation and what its scripts need. */
export function registerPageFilters(eleventyConfig: any, model: () => CourseModel): void {
  eleventyConfig.addFilter("pageTitle", (page: PageRecord) => pageTitle(model(), page));
  eleventyConfig.addFilter("isSearchable", (page: PageRecord) => isSearchable(page));
  eleventyConfig.addFilter("pageHeading", (page: PageRecord) => pageHeading(model(), page));
  eleventyConfig.addFilter("navItems", (page: PageRecord) => navItems(model(), page));
  eleventyConfig.addFilter("usesTools", (page: PageRecord) => usesTools(page));
  eleventyConfig.addFilter("storeKey", () => storeKey(model()));

  /**
   * Interface text the page's scripts need, as JSON safe to embed in a script element; made once per
   * locale's strings and page type (every module page of a locale needs the same).
   */
  const scriptMessages = new WeakMap<object, Map<string, string>>();
  eleventyConfig.addFilter("scriptMessages", (page: PageRecord) => {
    const strings = model().ui[page.locale] ?? {};
    let made = scriptMessages.get(strings);
    if (!made) scriptMessages.set(strings, (made = new Map()));
    let json = made.get(page.type);
    if (json === undefined) {
      const prefixes = scriptMessagePrefixes(page);
      const picked = Object.fromEntries(
        Object.entries(strings).filter(([k]) => prefixes.some((prefix) => k.startsWith(prefix))),
      );
      json = JSON.stringify(picked).replace(/</g, "\\u003c");
      made.set(page.type, json);
    }
    return json;
  });
}
