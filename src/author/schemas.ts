import { z } from "zod";
import { courseSettingsSchema, frameworkSchema } from "../framework/schema.ts";
import { glossarySchema } from "../glossary/schema.ts";
import { reflectionSchema } from "../reflection/schema.ts";

/** The course's YAML files that have a form, each with the schema the loader checks it against. */
const FORM_SCHEMAS: Record<string, (locales: readonly string[]) => z.ZodType> = {
  "framework/course.yaml": courseSettingsSchema,
  "framework/framework.yaml": frameworkSchema,
  "framework/reflection.yaml": reflectionSchema,
  "framework/glossary.yaml": glossarySchema,
};

export const FORM_FILES = Object.keys(FORM_SCHEMAS);

/**
 * The JSON Schema (zod 4's own conversion, as the file is written: input side) of each YAML file
 * that has a form. Localised texts carry `kind: "localized"`, ids `kind: "id"`.
 */
export function formSchemas(locales: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(FORM_SCHEMAS).map(([file, schema]) => [
      file,
      z.toJSONSchema(schema(locales), { io: "input", unrepresentable: "any" }),
    ]),
  );
}
