import type { CourseModel } from "../../course/model.ts";
import { sourceName } from "../../course/source-name.ts";
import type { LocalizedText } from "../../framework/schema.ts";
import { uiFor } from "../../framework/ui-strings.ts";
import type { CFPackage } from "./case-schema.ts";
import { frameworkItems, itemTypeLinks, ITEM_KINDS } from "./framework-items.ts";
import { licenceRecord } from "./licence-record.ts";
import { packageAddresses } from "./package-addresses.ts";
import { buildScaleRubric } from "./scale-rubric.ts";

export interface CaseOptions {
  /** When the framework data last changed; every record's `lastChangeDateTime`. */
  changedAt: Date;
}

/**
 * The course's competency framework in one locale as a CASE 1.1 CFPackage: the document, an item per
 * layer, competency and category, `isChildOf` associations forming a tree rooted at the document, and
 * the proficiency scale with each competency's level descriptors as a rubric.
 */
export function buildCasePackage(
  model: CourseModel,
  locale: string,
  options: CaseOptions,
): CFPackage {
  const t = (text: LocalizedText | undefined) => text?.[locale] ?? "";
  const ui = uiFor(model.ui, locale);
  const at = packageAddresses(model, locale, options.changedAt);
  const { settings } = model;
  const docId = at.idOf("document");
  const licence = licenceRecord(model);
  const typeLinks = itemTypeLinks(model, locale, at);
  const title = t(settings.title);
  const docNode = { identifier: docId, title, page: "framework/" };
  const { items, associations } = frameworkItems(model, locale, at, typeLinks, docNode);

  const source = settings.source;
  // A published source is cited; a course's own framework names its organisation, version and date.
  const provenanceNotes = source
    ? `${ui("footer.source")}: ${source.authors}. ${source.title}. ${source.journal} ${source.year}.${source.doi ? ` doi:${source.doi}` : ""}`
    : sourceName(settings, model.ui, locale);
  return {
    CFDocument: {
      identifier: docId,
      uri: at.uriOf(docId, "framework/"),
      caseVersion: "1.1",
      creator: t(settings.organisation),
      title,
      lastChangeDateTime: at.when,
      ...(source?.doi ? { officialSourceURL: `https://doi.org/${source.doi}` } : {}),
      publisher: t(settings.organisation),
      description: t(settings.subtitle),
      language: locale,
      ...(settings.version ? { version: settings.version } : {}),
      ...(settings.published ? { statusStartDate: settings.published } : {}),
      licenseURI: { title: licence.title, identifier: licence.identifier, uri: licence.uri },
      notes: provenanceNotes,
    },
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: {
      CFItemTypes: ITEM_KINDS.map((kind) => ({
        identifier: typeLinks[kind].identifier,
        uri: typeLinks[kind].uri,
        title: typeLinks[kind].title,
        description: ui(`exports.itemTypeBody.${kind}`),
        hierarchyCode: String(ITEM_KINDS.indexOf(kind) + 1),
        typeCode: kind,
        lastChangeDateTime: at.when,
      })),
      CFLicenses: [{ ...licence, lastChangeDateTime: at.when }],
    },
    CFRubrics: [buildScaleRubric(model, locale, at, items)],
  };
}
