import type { CourseModel } from "../../course/model.ts";
import type { CFItem } from "./case-schema.ts";
import type { PackageAddresses } from "./package-addresses.ts";

/** The proficiency scale as one rubric: a criterion per competency with level descriptors. */
export function buildScaleRubric(
  model: CourseModel,
  locale: string,
  at: PackageAddresses,
  items: CFItem[],
) {
  const { scale } = model.framework;
  const rubricId = at.idOf("rubric:scale");
  const assessed = model.competencies.filter((e) => e.competency.levels);
  // Layer, competency and category ids share one namespace, so the id finds the one item.
  const itemById = new Map<string, CFItem>();
  for (const i of items)
    if (i.humanCodingScheme !== undefined && !itemById.has(i.humanCodingScheme))
      itemById.set(i.humanCodingScheme, i);
  return {
    identifier: rubricId,
    uri: at.uriOf(rubricId),
    title: scale.title[locale] ?? "",
    description: scale.summary?.[locale] ?? "",
    lastChangeDateTime: at.when,
    CFRubricCriteria: assessed.map(({ competency }, position) => {
      const criterionId = at.idOf(`rubric-criterion:${competency.id}`);
      const item = itemById.get(competency.id);
      return {
        identifier: criterionId,
        uri: at.uriOf(criterionId),
        category: competency.title[locale] ?? "",
        description: competency.summary[locale] ?? "",
        ...(item
          ? { CFItemURI: { title: item.fullStatement, identifier: item.identifier, uri: item.uri } }
          : {}),
        position: position + 1,
        rubricId,
        lastChangeDateTime: at.when,
        CFRubricCriterionLevels: scale.levels.map((level, li) => {
          const levelId = at.idOf(`rubric-level:${competency.id}:${level.id}`);
          return {
            identifier: levelId,
            uri: at.uriOf(levelId),
            quality: level.title[locale] ?? "",
            description: competency.levels?.[level.id]?.[locale] ?? level.summary[locale] ?? "",
            score: li + 1,
            position: li + 1,
            rubricCriterionId: criterionId,
            lastChangeDateTime: at.when,
          };
        }),
      };
    }),
  };
}
