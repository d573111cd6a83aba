import type { Page } from "playwright-core";

/**
 * Body type on a projected slide must be at least 1/30 of the slide's height: 18 pt on a slide
 * 7.5 inches high, the usual floor for text read from the back of a room.
 */
export const MIN_TYPE_TO_HEIGHT = 1 / 30;

/**
 * Slides of the projector view open in `page` (slides.js run) whose body type is below
 * MIN_TYPE_TO_HEIGHT after slides.js fitted it, whose content is cut off, or which slant CJK
 * emphasis (a synthetic italic; CJK emphasis is by weight); and how many slides
 * were measured, so a caller can tell an empty result from a page without slides.
 */
export async function slideReadabilityProblems(
  page: Page,
): Promise<{ slides: number; problems: string[] }> {
  return page.evaluate((min) => {
    const slides = Array.from(document.querySelectorAll<HTMLElement>("[data-slide]"));
    const problems: string[] = [];
    for (const slide of slides) {
      const wasCurrent = slide.classList.contains("slide--current");
      slide.classList.add("slide--current");
      const inner = slide.querySelector<HTMLElement>(".slide__inner")!;
      const type = parseFloat(getComputedStyle(inner).fontSize);
      const height = slide.getBoundingClientRect().height;
      if (type / height < min)
        problems.push(`${slide.id}: type is 1/${Math.round(height / type)} of the slide's height`);
      const over = inner.scrollHeight - inner.clientHeight;
      if (over > 1) problems.push(`${slide.id}: ${over}px cut off`);
      for (const em of Array.from(slide.querySelectorAll("em, i, cite, dfn")))
        if (
          em.matches(":lang(zh), :lang(ja), :lang(ko)") &&
          getComputedStyle(em).fontStyle !== "normal"
        )
          problems.push(`${slide.id}: slanted CJK text "${em.textContent?.slice(0, 20)}"`);
      if (!wasCurrent) slide.classList.remove("slide--current");
    }
    return { slides: slides.length, problems };
  }, MIN_TYPE_TO_HEIGHT);
}
