import { z } from "zod";
import { id, localized, provenance, text } from "../framework/schema.ts";

/** `framework/glossary.yaml`: the course's terms, one agreed wording per locale. */
export function glossarySchema(locales: readonly string[]) {
  const t = localized(locales);
  const variants = z.array(text(), { error: "must be a list of wordings, e.g. [主持人, 讲师]" });
  return z.strictObject({
    terms: z
      .array(
        z.strictObject({
          id: id(),
          term: t,
          definition: t,
          provenance: provenance(),
          avoid: z
            .partialRecord(z.enum(locales.length ? locales : ["en"]), variants, {
              error: `must list, per locale (${locales.join(", ")}), the wordings to avoid`,
            })
            .default({}),
        }),
      )
      .min(1, { error: "is empty: list at least one term, or remove the file" }),
  });
}

export type GlossaryData = z.output<ReturnType<typeof glossarySchema>>;
export type GlossaryTerm = GlossaryData["terms"][number];
