import { readFileSync } from "node:fs";
import { join } from "node:path";
import syntaxHighlight from "@11ty/eleventy-plugin-syntaxhighlight";
import type { CourseModel } from "../course/model.ts";
import { sourceName } from "../course/source-name.ts";
import { trainerExamples } from "../course/trainer-examples.ts";
import { TEMPLATES_DIR } from "../paths.ts";
import { schemaReference } from "./schema-reference.ts";

const highlight = (content: string, language: string): string =>
  syntaxHighlight.pairedShortcode(content, language, "", { preAttributes: { tabindex: "0" } });

/** Filters for the pages that teach trainers to edit the course: examples, the schema reference. */
export function registerTrainerFilters(eleventyConfig: any, model: () => CourseModel): void {
  /** An example file from templates/trainers/examples, highlighted at build time (no script needed). */
  eleventyConfig.addFilter("highlightExample", (name: string, language: string) => {
    const content = readFileSync(join(TEMPLATES_DIR, "trainers", "examples", name), "utf8");
    return highlight(content, language);
  });
  /** The course's own first competency (YAML) or first module (Markdown, in the page's language), highlighted. */
  eleventyConfig.addFilter("courseExample", (kind: "competency" | "module", locale: string) => {
    const examples = trainerExamples(model(), locale);
    return kind === "competency"
      ? highlight(examples.competencyYaml, "yaml")
      : highlight(examples.moduleSource, "markdown");
  });
  /** The short name of the framework the course is built on, in a locale. */
  eleventyConfig.addFilter("sourceName", (locale: string) =>
    sourceName(model().settings, model().ui, locale),
  );
  eleventyConfig.addFilter("schemaReference", () => schemaReference(model().locales));
}
