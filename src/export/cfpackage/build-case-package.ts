import type { CourseModel } from "../../course/model.ts";
import type { Competency, Layer, LocalizedText } from "../../framework/schema.ts";
import { sourceName } from "../../course/source-name.ts";
import { uiFor } from "../../framework/ui-strings.ts";
import type { CFAssociation, CFItem, CFPackage, LinkUri } from "./case-schema.ts";
import { deriveUuid } from "./uuid-v5.ts";

export interface CaseOptions {
  /** When the framework data last changed; every record's `lastChangeDateTime`. */
  changedAt: Date;
}

type ItemKind = "layer" | "competency" | "category";
const ITEM_KINDS: ItemKind[] = ["layer", "competency", "category"];

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
  const when = options.changedAt.toISOString().replace(/\.\d{3}Z$/, "Z");
  const courseKey = model.settings.title[model.defaultLocale] ?? "";
  const idOf = (name: string) => deriveUuid(`${courseKey}\u0000${locale}\u0000${name}`);
  const base = model.settings.siteUrl ? `${model.settings.siteUrl}${locale}/` : undefined;
  /** A page of the site when it has a known address; otherwise a stable but unresolvable URN. */
  const uriOf = (identifier: string, page?: string) =>
    base
      ? page === undefined
        ? `${base}framework.case.json#${identifier}`
        : `${base}${page}`
      : `urn:uuid:${identifier}`;
  const link = (identifier: string, title: string, page?: string): LinkUri => ({
    title,
    identifier,
    uri: uriOf(identifier, page),
  });

  const { settings, framework } = model;
  const docId = idOf("document");
  const licence = licenceRecord(model);
  const typeLinks = Object.fromEntries(
    ITEM_KINDS.map((kind) => [
      kind,
      link(idOf(`item-type:${kind}`), ui(`exports.itemType.${kind}`)),
    ]),
  ) as Record<ItemKind, LinkUri>;
  const provenanceNote = (p: "paper" | "course") => ui(`provenance.${p}`);

  const items: CFItem[] = [];
  const associations: CFAssociation[] = [];
  const addItem = (
    kind: ItemKind,
    id: string,
    title: string,
    notes: string,
    page: string,
    parent: { identifier: string; title: string; page?: string },
    sequence: number,
  ) => {
    const identifier = idOf(`${kind}:${id}`);
    items.push({
      identifier,
      fullStatement: title,
      CFItemType: typeLinks[kind].title,
      CFItemTypeURI: typeLinks[kind],
      uri: uriOf(identifier, page),
      humanCodingScheme: id,
      notes,
      language: locale,
      lastChangeDateTime: when,
    });
    const assocId = idOf(`isChildOf:${kind}:${id}`);
    associations.push({
      identifier: assocId,
      associationType: "isChildOf",
      sequenceNumber: sequence,
      uri: uriOf(assocId),
      originNodeURI: link(identifier, title, page),
      destinationNodeURI: link(parent.identifier, parent.title, parent.page),
      lastChangeDateTime: when,
    });
    return { identifier, title, page };
  };

  const title = t(settings.title);
  const docNode = { identifier: docId, title, page: "framework/" };
  framework.layers.forEach((layer: Layer, li) => {
    const layerPage = `framework/${layer.id}/`;
    const layerNode = addItem(
      "layer",
      layer.id,
      t(layer.title),
      `${t(layer.summary)} (${provenanceNote(layer.provenance)})`,
      layerPage,
      docNode,
      li + 1,
    );
    layer.competencies.forEach((c: Competency, ci) => {
      const page = `${layerPage}${c.id}/`;
      const node = addItem(
        "competency",
        c.id,
        t(c.title),
        `${t(c.summary)} (${provenanceNote(c.provenance)})`,
        page,
        layerNode,
        ci + 1,
      );
      c.categories.forEach((cat, ki) => {
        const summary = cat.summary ? `${t(cat.summary)} ` : "";
        addItem(
          "category",
          cat.id,
          t(cat.title),
          `${summary}(${provenanceNote(cat.provenance)})`,
          `${page}#cat-${cat.id}`,
          node,
          ki + 1,
        );
      });
    });
  });

  const source = settings.source;
  // A published source is cited; a course's own framework names its organisation, version and date.
  const provenanceNotes = source
    ? `${ui("footer.source")}: ${source.authors}. ${source.title}. ${source.journal} ${source.year}.${source.doi ? ` doi:${source.doi}` : ""}`
    : sourceName(settings, model.ui, locale);
  const pkg: CFPackage = {
    CFDocument: {
      identifier: docId,
      uri: uriOf(docId, "framework/"),
      caseVersion: "1.1",
      creator: t(settings.organisation),
      title,
      lastChangeDateTime: when,
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
        lastChangeDateTime: when,
      })),
      CFLicenses: [{ ...licence, lastChangeDateTime: when }],
    },
    CFRubrics: [buildScaleRubric(model, locale, { idOf, uriOf, when, items })],
  };
  return pkg;
}

/**
 * The course's licence as one CASE record, the same in every locale and build: a CASE server keys
 * licences by identifier and keeps their `uri` unique, and `uri` is the address of the record itself,
 * not of the licence's deed. The deed's address goes in `description` and `licenseText`. With
 * `siteUrl`, the record is addressed inside the default locale's package; without it, by its URN.
 */
function licenceRecord(model: CourseModel) {
  const { licence, siteUrl, title } = model.settings;
  const identifier = deriveUuid(
    `${title[model.defaultLocale] ?? ""}\u0000licence\u0000${licence.url}`,
  );
  // Course data may give the deed as a relative link; it resolves only against the published site.
  const deed = URL.canParse(licence.url)
    ? licence.url
    : siteUrl
      ? new URL(licence.url, siteUrl).href
      : undefined;
  return {
    identifier,
    uri: siteUrl
      ? `${siteUrl}${model.defaultLocale}/framework.case.json#${identifier}`
      : `urn:uuid:${identifier}`,
    title: licence.name,
    ...(deed ? { description: deed } : {}),
    licenseText: `${licence.name}: ${deed ?? licence.url}`,
  };
}

interface RubricContext {
  idOf(name: string): string;
  uriOf(identifier: string, page?: string): string;
  when: string;
  items: CFItem[];
}

/** The proficiency scale as one rubric: a criterion per competency with level descriptors. */
function buildScaleRubric(model: CourseModel, locale: string, ctx: RubricContext) {
  const { scale } = model.framework;
  const rubricId = ctx.idOf("rubric:scale");
  const assessed = model.competencies.filter((e) => e.competency.levels);
  return {
    identifier: rubricId,
    uri: ctx.uriOf(rubricId),
    title: scale.title[locale] ?? "",
    description: scale.summary?.[locale] ?? "",
    lastChangeDateTime: ctx.when,
    CFRubricCriteria: assessed.map(({ competency }, position) => {
      const criterionId = ctx.idOf(`rubric-criterion:${competency.id}`);
      // Layer, competency and category ids share one namespace, so the id finds the one item.
      const item = ctx.items.find((i) => i.humanCodingScheme === competency.id);
      return {
        identifier: criterionId,
        uri: ctx.uriOf(criterionId),
        category: competency.title[locale] ?? "",
        description: competency.summary[locale] ?? "",
        ...(item
          ? { CFItemURI: { title: item.fullStatement, identifier: item.identifier, uri: item.uri } }
          : {}),
        position: position + 1,
        rubricId,
        lastChangeDateTime: ctx.when,
        CFRubricCriterionLevels: scale.levels.map((level, li) => {
          const levelId = ctx.idOf(`rubric-level:${competency.id}:${level.id}`);
          return {
            identifier: levelId,
            uri: ctx.uriOf(levelId),
            quality: level.title[locale] ?? "",
            description: competency.levels?.[level.id]?.[locale] ?? level.summary[locale] ?? "",
            score: li + 1,
            position: li + 1,
            rubricCriterionId: criterionId,
            lastChangeDateTime: ctx.when,
          };
        }),
      };
    }),
  };
}
