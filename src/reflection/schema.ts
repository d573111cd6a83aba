import { z } from "zod";
import { id, localized, provenance, text } from "../framework/schema.ts";

/** framework/reflection.yaml: a reflective model (its stages are data) and prompts that use it. */
export function reflectionSchema(locales: readonly string[]) {
  const t = localized(locales);
  return z.strictObject({
    model: z.strictObject({
      id: id(),
      title: t,
      summary: t,
      citation: text(),
      stages: z
        .array(z.strictObject({ id: id(), title: t, hint: t }))
        .min(1, { error: "is empty: the model needs at least one stage" }),
    }),
    prompts: z
      .array(
        z.strictObject({
          id: id(),
          about: id(),
          stage: id(),
          modules: z.array(id()).optional(),
          provenance: provenance(),
          text: t,
        }),
      )
      .min(1, { error: "is empty: add at least one prompt, or delete the file" }),
    /** Framework items whose prompts are shown with the course's `support` text beside them. */
    showSupportWith: z.array(id()).default([]),
  });
}

export type ReflectionData = z.output<ReturnType<typeof reflectionSchema>>;
export type Prompt = ReflectionData["prompts"][number];
