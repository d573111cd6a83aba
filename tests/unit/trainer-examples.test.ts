import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { frameworkSchema } from "../../src/framework/schema.ts";
import { analyseBody } from "../../src/modules/analyse-body.ts";
import { moduleFrontMatterSchema, splitFrontMatter } from "../../src/modules/front-matter.ts";
import { createModuleMarkdown } from "../../src/modules/markdown.ts";
import { schemaReference } from "../../src/eleventy/schema-reference.ts";
import type { Finding } from "../../src/errors.ts";
import { REPO_DIR } from "../helpers/paths.ts";

const examples = join(REPO_DIR, "templates", "trainers", "examples");
const ui = parse(readFileSync(join(REPO_DIR, "templates", "i18n", "en.yaml"), "utf8")) as Record<
  string,
  unknown
>;

/** The examples on the trainers' page are checked against the real schema, so they cannot drift. */
describe("examples on the trainers' page", () => {
  it("the competency example is valid framework data", () => {
    const competencies = parse(readFileSync(join(examples, "competency.yaml"), "utf8"));
    const framework = {
      scale: {
        title: { en: "P", "zh-CN": "P" },
        provenance: "course",
        target: "proficient",
        levels: ["aware", "developing", "proficient", "exemplary"].map((id) => ({
          id,
          title: { en: id, "zh-CN": id },
          summary: { en: id, "zh-CN": id },
        })),
      },
      layers: [
        {
          id: "outer",
          title: { en: "O", "zh-CN": "O" },
          summary: { en: "O", "zh-CN": "O" },
          treatment: "train",
          provenance: "paper",
          competencies,
        },
      ],
    };
    const result = frameworkSchema(["en", "zh-CN"]).safeParse(framework);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("the module example is a valid module with no problems", () => {
    const split = splitFrontMatter(readFileSync(join(examples, "module.md"), "utf8"))!;
    const front = moduleFrontMatterSchema().parse(parse(split.frontMatter));
    const findings: Finding[] = [];
    const body = analyseBody(split.body, {
      md: createModuleMarkdown(),
      file: "module.md",
      lineOffset: split.bodyLineOffset,
      locale: "en",
      ui: {},
      categoryTitles: new Map([["source-appraisal", "Source appraisal"]]),
      referenceNumbers: new Map(front.references.map((r, i) => [r.key, i + 1])),
      objectives: front.objectives,
      materials: new Map(front.materials.map((m) => [m.id, m])),
      findings,
    });
    expect(findings).toEqual([]);
    expect(body.activities.reduce((sum, a) => sum + a.minutes, 0)).toBe(front.duration);
  });

  it("every key the schema accepts has an explanation in the interface text", () => {
    const docs = ui.schemaDoc as Record<string, Record<string, string>>;
    for (const section of schemaReference(["en", "zh-CN"]))
      for (const key of section.keys)
        expect(docs[section.id]?.[key.key], `${section.id}.${key.key}`).toBeTruthy();
  });
});
