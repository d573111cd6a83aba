import type { z } from "zod";
import { courseSettingsSchema, frameworkSchema } from "../framework/schema.ts";
import { schemaAt } from "../framework/zod-findings.ts";
import { moduleFrontMatterSchema } from "../modules/front-matter.ts";
import { glossarySchema } from "../glossary/schema.ts";

export interface KeyDoc {
  key: string;
  required: boolean;
  type: string;
}

export interface SchemaSection {
  id: string;
  keys: KeyDoc[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
}
const def = (s: z.ZodType) => (s as unknown as { def: Def }).def;

function describeType(schema: z.ZodType): string {
  const d = def(schema);
  if (d.type === "optional" || d.type === "default") return describeType(d.innerType!);
  if (d.type === "enum") return Object.values(d.entries ?? {}).join(" | ");
  if (d.type === "object" && (schema.meta() as { kind?: string } | undefined)?.kind === "localized")
    return "text per locale";
  if (d.type === "union") return (d.options ?? []).map(describeType).join(" | ");
  return d.type === "int" ? "number" : d.type;
}

function keysOf(schema: z.ZodType | undefined): KeyDoc[] {
  const shape = schema ? (def(schema).shape ?? {}) : {};
  return Object.entries(shape).map(([key, s]) => ({
    key,
    required: !["optional", "default"].includes(def(s).type),
    type: describeType(s),
  }));
}

/** Every key a trainer can write, read from the real schemas, so the trainers' page cannot drift. */
export function schemaReference(locales: readonly string[]): SchemaSection[] {
  const course = courseSettingsSchema(locales);
  const framework = frameworkSchema(locales);
  const front = moduleFrontMatterSchema();
  return [
    { id: "course", keys: keysOf(course) },
    { id: "scale", keys: keysOf(schemaAt(framework, ["scale"])) },
    { id: "level", keys: keysOf(schemaAt(framework, ["scale", "levels", 0])) },
    { id: "layer", keys: keysOf(schemaAt(framework, ["layers", 0])) },
    { id: "competency", keys: keysOf(schemaAt(framework, ["layers", 0, "competencies", 0])) },
    {
      id: "category",
      keys: keysOf(schemaAt(framework, ["layers", 0, "competencies", 0, "categories", 0])),
    },
    { id: "module", keys: keysOf(front) },
    { id: "objective", keys: keysOf(schemaAt(front, ["objectives", 0])) },
    { id: "reference", keys: keysOf(schemaAt(front, ["references", 0])) },
    { id: "review", keys: keysOf(schemaAt(front, ["review"])) },
    { id: "glossaryTerm", keys: keysOf(schemaAt(glossarySchema(locales), ["terms", 0])) },
  ];
}
