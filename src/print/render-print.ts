import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceName } from "../course/source-name.ts";
import { programmeTimeText, type CourseModel } from "../course/model.ts";
import { moduleOf } from "../course/lookup.ts";
import { renderOnionSvg } from "../onion/onion-svg.ts";
import { TEMPLATES_DIR } from "../paths.ts";
import { buildGuideView, type GuideView } from "./guide-view.ts";
import { uiFor } from "../framework/ui-strings.ts";
import { prefixIds } from "./prefix-ids.ts";
import { buildSlidesView } from "./slides-view.ts";
import { sortedTerms } from "../glossary/load-glossary.ts";

/** The glossary as the printed guides show it: term, its other-locale names, definition. */
function glossaryEntries(model: CourseModel, locale: string, within?: string) {
  if (!model.glossary) return [];
  const text = within?.toLowerCase();
  return sortedTerms(model.glossary, locale)
    .filter((t) => !text || text.includes((t.term[locale] ?? "").toLowerCase()))
    .map((t) => ({
      id: t.id,
      term: t.term[locale],
      others: model.locales.filter((l) => l !== locale).map((l) => ({ lang: l, term: t.term[l] })),
      definition: t.definition[locale],
    }));
}

const PRINT_DIR = join(TEMPLATES_DIR, "print");

/** PDF file names, beside their HTML page; `npm run pdf` writes them and reveals the links. */
export const guidePdfName = (competencyId: string, locale: string) =>
  `guide-${competencyId}-${locale}.pdf`;
export const handbookPdfName = (locale: string) => `handbook-${locale}.pdf`;
export const slidesPdfName = (competencyId: string, locale: string) =>
  `slides-${competencyId}-${locale}.pdf`;

/** The printable templates (Handlebars, logic-less), compiled once per build. */
export function loadPrintTemplates() {
  const hbs = Handlebars.create();
  const partials = join(PRINT_DIR, "partials");
  for (const file of readdirSync(partials).filter((f) => f.endsWith(".hbs")))
    hbs.registerPartial(file.slice(0, -4), readFileSync(join(partials, file), "utf8"));
  const compile = (name: string) =>
    hbs.compile(readFileSync(join(PRINT_DIR, name), "utf8"), { strict: false });
  return {
    guide: compile("guide.hbs"),
    handbook: compile("handbook.hbs"),
    guideBody: compile("partials/guide-body.hbs"),
    slides: compile("slides.hbs"),
  };
}

type PrintTemplates = ReturnType<typeof loadPrintTemplates>;

function labels(model: CourseModel, locale: string) {
  const ui = uiFor(model.ui, locale);
  const keys = [
    "overview",
    "competency",
    "duration",
    "audience",
    "prerequisites",
    "objectives",
    "plan",
    "start",
    "minutes",
    "runningTotal",
    "activity",
    "grouping",
    "materials",
    "materialsHeader",
    "checklist",
    "materialsList",
    "content",
    "discussion",
    "answerKey",
    "handout",
    "pdf",
    "learnerPage",
    "handbook",
    "contents",
    "handbookNumbering",
    "schedule",
    "framework",
    "session",
    "module",
    "references",
  ];
  return {
    ...Object.fromEntries(keys.map((k) => [k, ui(`guide.label.${k}`)])),
    separator: ui("compose.separator"),
    guideContents: ui("print.guideContents"),
    slides: ui("slides.link"),
  };
}

/** A guide whose embedded HTML ids are unique on the page it lands on. */
function isolatedGuide(view: GuideView, prefix: string): GuideView {
  return {
    ...view,
    contentHtml: prefixIds(view.contentHtml, prefix),
    answerKey: view.answerKey.map((a) => ({
      ...a,
      questionHtml: prefixIds(a.questionHtml, prefix),
    })),
    handouts: view.handouts.map((h, i) => ({
      ...h,
      html: prefixIds(h.html, `${prefix}-handout-${i}`),
      checks: h.checks.map((c) => ({
        ...c,
        questionHtml: prefixIds(c.questionHtml, `${prefix}-handout-${i}`),
      })),
    })),
  };
}

/**
 * Renders the printable pages of one build. A guide's ids carry the module's id, so the handbook's
 * contents can name its sections (and, in the handbook PDF, link to them).
 */
export function createPrintRenderer(model: CourseModel) {
  const templates = loadPrintTemplates();
  return {
    guide(competencyId: string, locale: string): string {
      const view = isolatedGuide(buildGuideView(model, competencyId, locale), competencyId);
      const version = moduleOf(model, competencyId)?.versions[locale];
      const ui = uiFor(model.ui, locale);
      const glossary = {
        glossaryHeading: ui("glossary.guideHeading"),
        glossary: glossaryEntries(model, locale, version?.guideHtml),
      };
      return templates.guide({
        ...glossary,
        // Said only of content the review saw: a change since (or a review with no fingerprint)
        // would make the date a claim nobody checked.
        currentAsOf:
          version?.review &&
          version.reviewCoversContent &&
          ui("review.currentAsOf", { date: version.review.on }),
        lang: locale,
        guide: view,
        // The guide's own page has the terms its module uses after the references, before the
        // handouts (which start on their own pages); the handbook has one glossary at its end.
        body: templates.guideBody({
          id: competencyId,
          guide: view,
          labels: labels(model, locale),
          ...glossary,
        }),
        labels: labels(model, locale),
        learnerHref: `../../modules/${competencyId}/index.html`,
        pdfHref: guidePdfName(competencyId, locale),
      });
    },
    slides(competencyId: string, locale: string): string {
      const ui = uiFor(model.ui, locale);
      const keys = ["lead", "usage", "pdf", "contents", "previous", "next"];
      return templates.slides({
        view: buildSlidesView(model, competencyId, locale),
        pdfHref: slidesPdfName(competencyId, locale),
        labels: {
          ...Object.fromEntries(keys.map((k) => [k, ui(`slides.${k}`)])),
          guide: ui("guide.heading", {
            title: moduleOf(model, competencyId)?.versions[locale]?.title,
          }),
        },
      });
    },
    handbook(
      locale: string,
      onionHref: (layerId: string, competencyId?: string) => string,
    ): string {
      return renderHandbook(templates, model, locale, onionHref, (id) =>
        buildGuideView(model, id, locale),
      );
    },
  };
}

function renderHandbook(
  templates: PrintTemplates,
  model: CourseModel,
  locale: string,
  onionHref: (layerId: string, competencyId?: string) => string,
  guideView: (competencyId: string) => GuideView,
): string {
  const ui = uiFor(model.ui, locale);
  // The contents list each guide and its sections, on the guide's own page; the PDF puts the
  // guides' own PDFs in (src/print/print-handbook.ts), so no guide is laid out twice.
  const guides = model.modules.map((m) => ({
    guide: guideView(m.competencyId),
    href: `../${m.competencyId}/index.html`,
  }));
  return templates.handbook({
    lang: locale,
    pdfHref: handbookPdfName(locale),
    labels: labels(model, locale),
    cover: {
      title: model.settings.title[locale],
      subtitle: model.settings.subtitle[locale],
      organisation: model.settings.organisation[locale],
    },
    schedule: {
      rows: model.modules.map((m, i) => ({
        number: i + 1,
        title: m.versions[locale]?.title,
        duration: ui("module.minutes", { n: m.versions[locale]?.duration ?? 0 }),
      })),
      total: programmeTimeText(model, locale),
    },
    framework: {
      lead: ui("framework.lead", {
        source: sourceName(model.settings, model.ui, locale),
      }),
      onionSvg: renderOnionSvg({
        layers: model.framework.layers,
        locale,
        idPrefix: "handbook-onion",
        title: ui("onion.title"),
        description: ui("onion.description", { count: model.framework.layers.length }),
        hrefFor: onionHref,
      }),
      layers: model.framework.layers.map((l) => ({
        title: l.title[locale],
        treatment: ui(`treatment.${l.treatment}`),
        competencies: l.competencies.map((c) => ({
          title: c.title[locale],
          provenance: ui(`provenance.${c.provenance}`),
        })),
      })),
    },
    guides,
    glossaryHeading: ui("glossary.guideHeading"),
    glossary: glossaryEntries(model, locale),
  });
}
