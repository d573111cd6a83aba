import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { CourseModel } from "./model.ts";

/**
 * The examples on the trainers' page, taken from the course's own validated data: the competency of
 * its first module (or its first competency) as framework.yaml holds it, and that module's Markdown
 * source in the page's language.
 */
export function trainerExamples(
  model: CourseModel,
  locale: string,
): { competencyYaml: string; moduleSource: string } {
  const first = model.modules[0];
  const entry =
    model.competencies.find((c) => c.competency.id === first?.competencyId) ??
    model.competencies[0]!;
  const competencyYaml = stringify([entry.competency], { lineWidth: 0 });
  const version = first?.versions[locale];
  const moduleSource = version
    ? withoutFacilitatorText(readFileSync(join(model.courseDir, version.file), "utf8"))
    : "";
  return { competencyYaml, moduleSource };
}

/**
 * The module source with the text of its facilitator blocks left out (the fences stay, to show the
 * format): the trainers' page is public, and facilitator notes hold answer keys.
 */
export function withoutFacilitatorText(source: string): string {
  const out: string[] = [];
  let closing: string | undefined;
  for (const line of source.split("\n")) {
    if (closing !== undefined) {
      if (line.trim() === closing) {
        out.push("…", line);
        closing = undefined;
      }
      continue;
    }
    const open = /^\s*(:{3,})\s*facilitator\b/.exec(line);
    if (open) closing = open[1];
    out.push(line);
  }
  return out.join("\n");
}
