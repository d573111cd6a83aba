import type { CourseModel } from "../../course/model.ts";
import type { Competency, Layer, LocalizedText } from "../../framework/schema.ts";
import { uiFor } from "../../framework/ui-strings.ts";
import type { CFAssociation, CFItem, LinkUri } from "./case-schema.ts";
import type { PackageAddresses } from "./package-addresses.ts";

export type ItemKind = "layer" | "competency" | "category";
export const ITEM_KINDS: ItemKind[] = ["layer", "competency", "category"];

/** The item type of each kind of item (layer, competency, category), named in the locale. */
export function itemTypeLinks(
  model: CourseModel,
  locale: string,
  at: PackageAddresses,
): Record<ItemKind, LinkUri> {
  const ui = uiFor(model.ui, locale);
  return Object.fromEntries(
    ITEM_KINDS.map((kind) => [
      kind,
      at.link(at.idOf(`item-type:${kind}`), ui(`exports.itemType.${kind}`)),
    ]),
  ) as Record<ItemKind, LinkUri>;
}

/**
 * An item per layer, competency and category, and the `isChildOf` associations that make them a
 * tree rooted at the document.
 */
export function frameworkItems(
  model: CourseModel,
  locale: string,
  at: PackageAddresses,
  typeLinks: Record<ItemKind, LinkUri>,
  docNode: { identifier: string; title: string; page: string },
): { items: CFItem[]; associations: CFAssociation[] } {
  const t = (text: LocalizedText | undefined) => text?.[locale] ?? "";
  const ui = uiFor(model.ui, locale);
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
    const identifier = at.idOf(`${kind}:${id}`);
    items.push({
      identifier,
      fullStatement: title,
      CFItemType: typeLinks[kind].title,
      CFItemTypeURI: typeLinks[kind],
      uri: at.uriOf(identifier, page),
      humanCodingScheme: id,
      notes,
      language: locale,
      lastChangeDateTime: at.when,
    });
    const assocId = at.idOf(`isChildOf:${kind}:${id}`);
    associations.push({
      identifier: assocId,
      associationType: "isChildOf",
      sequenceNumber: sequence,
      uri: at.uriOf(assocId),
      originNodeURI: at.link(identifier, title, page),
      destinationNodeURI: at.link(parent.identifier, parent.title, parent.page),
      lastChangeDateTime: at.when,
    });
    return { identifier, title, page };
  };

  model.framework.layers.forEach((layer: Layer, li) => {
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
  return { items, associations };
}
