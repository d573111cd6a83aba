import type { CourseModel } from "../course/model.ts";
import type { LocalizedText } from "../framework/schema.ts";
import { lookupUiText } from "../framework/ui-strings.ts";
import { escapeXml } from "../onion/onion-svg.ts";
import { prefixedUrl, relativeUrl } from "../pages/relative-url.ts";
import { markForeignHtml } from "./mark-foreign.ts";
import type { FilterContext } from "./filter-context.ts";

/** Filters every page uses for its words and links: translations, interface text, site links, escaping. */
export function registerTextFilters(eleventyConfig: any, model: () => CourseModel): void {
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

  eleventyConfig.addFilter("permalinkFile", (url: string) =>
    url.endsWith("/") ? `${url}index.html` : url,
  );

  /** Text for a CSS string literal inside <style>: quotes, backslashes and `<` escaped (use with `safe`). */
  eleventyConfig.addFilter("cssString", (value: string) =>
    String(value)
      .replace(/[\\"]/g, "\\$&")
      .replace(/</g, "\\3c ")
      .replace(/[\r\n]+/g, " "),
  );

  /** HTML (ours) or plain text with its Chinese fragments marked by `lang` on non-Chinese pages. */
  const cjkLocale = () => model().locales.find((l) => /^zh\b/.test(l)) ?? "zh";
  eleventyConfig.addFilter("markForeign", (html: string, locale: string) =>
    markForeignHtml(String(html), locale, cjkLocale()),
  );
  eleventyConfig.addFilter("markForeignText", (text: string, locale: string) =>
    markForeignHtml(escapeXml(String(text)), locale, cjkLocale()),
  );
}
