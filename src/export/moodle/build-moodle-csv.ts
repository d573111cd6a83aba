import type { CourseModel } from "../../course/model.ts";
import type { LocalizedText } from "../../framework/schema.ts";
import { uiFor } from "../../framework/ui-strings.ts";
import { formatCsvRow } from "./csv.ts";

/** The 14 columns of Moodle's competency framework import (tool_lpimportcsv), as in its example file. */
export const MOODLE_HEADER = [
  "Parent id number",
  "Id number",
  "Shortname",
  "Description",
  "Description format",
  "Scale values",
  "Scale configuration",
  "Rule type (optional)",
  "Rule outcome (optional)",
  "Rule config (optional)",
  "Cross referenced competency id numbers",
  "Exported id (optional)",
  "Is framework",
  "Taxonomy",
] as const;

/** Moodle's description format code for HTML. */
const FORMAT_HTML = "1";
/** Moodle's taxonomy word for each depth: layers, competencies, categories. */
const TAXONOMIES = ["domain", "competency", "concept"];

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A framework id number Moodle can keep apart from other courses': the title in Latin letters, short. */
function slugOf(title: string): string {
  const joined = (title.toLowerCase().match(/[a-z0-9]+/g) ?? []).join("-");
  // Longer than 48 characters: cut after the last whole word that fits.
  const slug = joined.length > 48 ? joined.slice(0, 49).replace(/-[^-]*$/, "") : joined;
  return slug.slice(0, 48) || "course";
}

/** Moodle stores a scale as its item names joined by commas, so a name must hold none. */
const scaleItem = (name: string) => name.replace(/,/g, ";");

/**
 * The framework in one locale as a Moodle competency framework CSV (UTF-8): the framework first with
 * the proficiency scale, then every layer, competency and category, each naming its parent's id number.
 */
export function buildMoodleCsv(model: CourseModel, locale: string): string {
  const t = (text: LocalizedText | undefined) => text?.[locale] ?? "";
  const ui = uiFor(model.ui, locale);
  const { framework, settings } = model;
  const scale = framework.scale;
  const targetIndex = scale.levels.findIndex((l) => l.id === scale.target);
  const scaleConfiguration = JSON.stringify([
    { scaleid: "0" },
    ...scale.levels.map((_, i) => ({
      id: i + 1,
      scaledefault: i === 0 ? 1 : 0,
      proficient: i >= targetIndex ? 1 : 0,
    })),
  ]);
  const paragraphs = (...texts: string[]) =>
    texts
      .filter(Boolean)
      .map((text) => `<p>${escapeHtml(text)}</p>`)
      .join("");
  const provenance = (p: "paper" | "course") => ui(`provenance.${p}`);

  const frameworkId = `${slugOf(settings.title[model.defaultLocale] ?? "")}-${locale}`;
  const rows: string[][] = [
    [
      "",
      frameworkId,
      t(settings.title),
      paragraphs(t(settings.subtitle), t(scale.summary)),
      FORMAT_HTML,
      scale.levels.map((l) => scaleItem(t(l.title))).join(","),
      scaleConfiguration,
      "",
      "",
      "",
      "",
      "",
      "1",
      TAXONOMIES.join(","),
    ],
  ];
  let exported = 0;
  const addRow = (parent: string, id: string, title: string, description: string) =>
    rows.push([
      parent,
      id,
      title,
      description,
      FORMAT_HTML,
      "",
      "",
      "",
      "0",
      "null",
      "",
      String(++exported),
      "",
      "",
    ]);

  for (const layer of framework.layers) {
    addRow(
      "",
      layer.id,
      t(layer.title),
      paragraphs(t(layer.summary), provenance(layer.provenance)),
    );
    for (const c of layer.competencies) {
      const levels = c.levels
        ? `<ul>${scale.levels.map((l) => `<li><strong>${escapeHtml(t(l.title))}</strong>: ${escapeHtml(t(c.levels?.[l.id]))}</li>`).join("")}</ul>`
        : "";
      addRow(
        layer.id,
        c.id,
        t(c.title),
        paragraphs(t(c.summary), provenance(c.provenance)) + levels,
      );
      for (const cat of c.categories)
        addRow(c.id, cat.id, t(cat.title), paragraphs(t(cat.summary), provenance(cat.provenance)));
    }
  }
  return [formatCsvRow([...MOODLE_HEADER]), ...rows.map(formatCsvRow)].join("\n") + "\n";
}
