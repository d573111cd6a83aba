import type { CourseModel } from "./model.ts";
import type { Layer, LocalizedText } from "../framework/schema.ts";
import type { Prompt, ReflectionData } from "../reflection/schema.ts";

export interface PromptGroup {
  stage: ReflectionData["model"]["stages"][number];
  prompts: Prompt[];
}

export interface ReflectionTopic {
  id: string;
  title: LocalizedText;
  summary: LocalizedText | undefined;
  provenance: "paper" | "course";
  groups: PromptGroup[];
}

export interface ReflectionSection {
  layer: Layer;
  topics: ReflectionTopic[];
}

/** Prompts arranged for the page: by layer (core first), then by framework item, then by stage. */
export function reflectionSections(model: CourseModel): ReflectionSection[] {
  const data = model.reflection;
  if (!data) return [];
  const sections: ReflectionSection[] = [];
  for (const layer of model.framework.layers) {
    const items = [
      { ...layer, categories: undefined },
      ...layer.competencies.flatMap((c) => [c, ...c.categories]),
    ];
    const topics: ReflectionTopic[] = [];
    for (const item of items) {
      const prompts = data.prompts.filter((p) => p.about === item.id);
      if (!prompts.length) continue;
      topics.push({
        id: item.id,
        title: item.title,
        summary: item.summary,
        provenance: item.provenance,
        groups: data.model.stages
          .map((stage) => ({ stage, prompts: prompts.filter((p) => p.stage === stage.id) }))
          .filter((g) => g.prompts.length),
      });
    }
    if (topics.length) sections.push({ layer, topics });
  }
  return sections;
}

/** The prompts that close a module's page. */
export function promptsForModule(model: CourseModel, competencyId: string): Prompt[] {
  return model.reflection?.prompts.filter((p) => p.modules?.includes(competencyId)) ?? [];
}
