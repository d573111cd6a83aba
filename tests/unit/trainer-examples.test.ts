import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { trainerExamples } from "../../src/course/trainer-examples.ts";
import { frameworkSchema } from "../../src/framework/schema.ts";
import { moduleFrontMatterSchema, splitFrontMatter } from "../../src/modules/front-matter.ts";
import { schemaReference } from "../../src/eleventy/schema-reference.ts";
import { fixture, REPO_DIR } from "../helpers/paths.ts";

/**
 * The examples on the trainers' page come from the course's own data (its first module and that
 * module's competency), so they are valid by construction; these tests check they still parse
 * against the real schema and are in the page's language.
 */
describe.each([
  ["the default course", REPO_DIR],
  ["the module-base fixture", fixture("module-base")],
])("examples on the trainers' page of %s", (_name, dir) => {
  let model: CourseModel;
  beforeAll(async () => {
    model = await loadCourse(dir);
  });

  it("the competency example is the first module's competency, and valid framework data", () => {
    const { competencyYaml } = trainerExamples(model, model.locales[0]!);
    const competencies = parse(competencyYaml) as { id: string }[];
    expect(competencies.map((c) => c.id)).toEqual([model.modules[0]!.competencyId]);
    const layer = model.framework.layers.find((l) =>
      l.competencies.some((c) => c.id === competencies[0]!.id),
    )!;
    const framework = { scale: model.framework.scale, layers: [{ ...layer, competencies }] };
    const result = frameworkSchema(model.locales).safeParse(framework);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("the module example is the first module in the page's language, with valid front matter", () => {
    for (const locale of model.locales) {
      const { moduleSource } = trainerExamples(model, locale);
      const split = splitFrontMatter(moduleSource)!;
      const front = moduleFrontMatterSchema().parse(parse(split.frontMatter));
      expect(front.competency).toBe(model.modules[0]!.competencyId);
      expect(front.title).toBe(model.modules[0]!.versions[locale]!.title);
    }
  });
});

describe("the trainers' key reference", () => {
  it("every key the schema accepts has an explanation in every engine locale", async () => {
    const { readFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    for (const locale of ["en", "zh-CN"]) {
      const ui = parse(
        await readFile(join(REPO_DIR, "templates", "i18n", `${locale}.yaml`), "utf8"),
      ) as Record<string, unknown>;
      const docs = ui.schemaDoc as Record<string, Record<string, string>>;
      for (const section of schemaReference(["en", "zh-CN"]))
        for (const key of section.keys)
          expect(docs[section.id]?.[key.key], `${locale}: ${section.id}.${key.key}`).toBeTruthy();
    }
  });
});
