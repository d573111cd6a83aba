import type { CourseModel, PageRecord } from "../course/model.ts";
import { frameworkPath, relativeUrl } from "../pages/relative-url.ts";
import {
  createPrintRenderer,
  guidePdfName,
  handbookPdfName,
  slidesPdfName,
} from "../print/render-print.ts";
import { cutToRunningLine, fitsRunningLine } from "../print/running-line.ts";
import type { FilterContext } from "./filter-context.ts";

/** Filters for the printable pages: facilitator guides, projector slides, the handbook, their PDFs. */
export function registerPrintFilters(eleventyConfig: any, model: () => CourseModel): void {
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
  eleventyConfig.addFilter("handbookHtml", function (this: FilterContext, page: PageRecord) {
    const from = this.page?.url ?? "/";
    return print().handbook(page.locale, (layerId, competencyId) =>
      relativeUrl(frameworkPath(page.locale, layerId, competencyId), from),
    );
  });

  eleventyConfig.addFilter("guidePdfName", (competencyId: string, locale: string) =>
    guidePdfName(competencyId, locale),
  );
  eleventyConfig.addFilter("slidesPdfName", (competencyId: string, locale: string) =>
    slidesPdfName(competencyId, locale),
  );
  eleventyConfig.addFilter("handbookPdfName", (locale: string) => handbookPdfName(locale));
  eleventyConfig.addFilter("fitsRunningLine", fitsRunningLine);
  eleventyConfig.addFilter("cutToRunningLine", cutToRunningLine);
}
