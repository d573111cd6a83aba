import type { Finding } from "../errors.ts";
import { findingAt, frameworkIds } from "../framework/cross-checks.ts";
import {
  openYaml,
  parseWith,
  type FindingCollector,
  type FrameworkFiles,
} from "../framework/load.ts";
import { suggest } from "../text/did-you-mean.ts";
import type { YamlSource } from "../framework/yaml-source.ts";
import type { CourseModule } from "../modules/types.ts";
import { reflectionSchema, type ReflectionData } from "./schema.ts";

export const REFLECTION_FILE = "framework/reflection.yaml";

/** Loads the optional reflection prompts; every reference must name something that exists. */
export async function loadReflection(
  courseDir: string,
  files: FrameworkFiles,
  modules: CourseModule[],
  found: FindingCollector,
): Promise<ReflectionData | undefined> {
  const source = await openYaml(courseDir, REFLECTION_FILE, found, false);
  if (!source) return undefined;
  const data = parseWith(reflectionSchema(files.locales), source, found);
  if (!data) return undefined;
  found.add(...checkReferences(source, data, files, modules));
  if (!files.settings.support)
    found.add({
      file: "framework/course.yaml",
      line: 1,
      column: 1,
      dataPath: "support",
      message: "The course has reflection prompts but no `support` setting",
      hint: "Add `support:` with where staff can get help (e.g. your hospital's staff support service), in every locale: it is shown beside the reflection prompts that may weigh on learners (`showSupportWith` in framework/reflection.yaml).",
      severity: "warning",
    });
  return data;
}

function checkReferences(
  source: YamlSource,
  data: ReflectionData,
  files: FrameworkFiles,
  modules: CourseModule[],
): Finding[] {
  const out: Finding[] = [];
  const ids = frameworkIds(files.framework).map((u) => u.id);
  const stages = data.model.stages.map((s) => s.id);
  const moduleIds = modules.map((m) => m.competencyId);
  const seen = new Map<string, number>();
  const unknown = (path: (string | number)[], value: string, what: string, known: string[]) => {
    const guess = suggest(value, known);
    out.push(
      findingAt(
        source,
        path,
        `\`${value}\` is not ${what}`,
        guess ? `Did you mean \`${guess}\`?` : `Use one of: ${known.join(", ")}.`,
      ),
    );
  };
  data.model.stages.forEach((s, i) => {
    if (stages.indexOf(s.id) !== i)
      out.push(
        findingAt(
          source,
          ["model", "stages", i, "id"],
          `Duplicate stage id \`${s.id}\``,
          "Give each stage its own id.",
        ),
      );
  });
  data.showSupportWith.forEach((item, i) => {
    if (!ids.includes(item))
      unknown(
        ["showSupportWith", i],
        item,
        "a layer, competency or category of the framework",
        ids,
      );
  });
  data.prompts.forEach((p, i) => {
    const earlier = seen.get(p.id);
    if (earlier !== undefined)
      out.push(
        findingAt(
          source,
          ["prompts", i, "id"],
          `Duplicate prompt id \`${p.id}\``,
          `It is already used by prompt ${earlier + 1}; journal entries are saved under the id, so each must be unique.`,
        ),
      );
    else seen.set(p.id, i);
    if (!ids.includes(p.about))
      unknown(
        ["prompts", i, "about"],
        p.about,
        "a layer, competency or category of the framework",
        ids,
      );
    if (!stages.includes(p.stage))
      unknown(
        ["prompts", i, "stage"],
        p.stage,
        `a stage of the model \`${data.model.id}\``,
        stages,
      );
    (p.modules ?? []).forEach((m, j) => {
      if (!moduleIds.includes(m))
        unknown(["prompts", i, "modules", j], m, "a module of this course", moduleIds);
    });
  });
  return out;
}
