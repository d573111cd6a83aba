import type { CourseModel } from "../course/model.ts";
import { moduleOf } from "../course/lookup.ts";
import { uiFor } from "../framework/ui-strings.ts";
import { blockSlides, checkSlides, type SlideView } from "./slide-faces.ts";

export type { SlideView } from "./slide-faces.ts";

/**
 * The projector view of one module: a title slide, then one slide per case, activity and key points
 * (more for a long one, split where the text allows), and two per knowledge check (the question to
 * discuss, then its answer), in the module's order.
 */
export function buildSlidesView(model: CourseModel, competencyId: string, locale: string) {
  const ui = uiFor(model.ui, locale);
  const module = moduleOf(model, competencyId);
  const version = module?.versions[locale];
  if (!version) throw new Error(`Internal error: no module ${competencyId} in ${locale}`);
  const slides: SlideView[] = [
    {
      number: 1,
      group: 1,
      kind: "title",
      label: model.settings.title[locale] ?? "",
      heading: version.title,
      html: "",
      minutes: 0,
      options: [],
    },
  ];
  for (const s of version.slides)
    slides.push(
      ...(s.kind === "check"
        ? checkSlides(version, s, ui)
        : blockSlides(model, version, locale, s, ui)),
    );
  return {
    id: competencyId,
    title: version.title,
    heading: ui("slides.heading", { title: version.title }),
    duration: ui("module.minutes", { n: version.duration }),
    slides: slides.map((s) => ({
      ...s,
      counter: ui("slides.slideLabel", { n: s.number, total: slides.length }),
      isQuestion: s.kind === "question",
      isAnswer: s.kind === "answer",
      isTitle: s.kind === "title",
    })),
  };
}

export type SlidesView = ReturnType<typeof buildSlidesView>;
