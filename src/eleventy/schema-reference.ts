import type { z } from "zod";
import { courseSettingsSchema, frameworkSchema } from "../framework/schema.ts";
import { schemaAt } from "../framework/zod-schema-walk.ts";
import { moduleFrontMatterSchema } from "../modules/front-matter.ts";
import { glossarySchema } from "../glossary/schema.ts";
import { feedbackSchema } from "../feedback/schema.ts";

/**
 * One alternative of what a key takes: a kind of value, named in the page's language through
 * `schemaType.<name>`, or a literal value the trainer types (shown as code).
 */
export type TypeDoc = { name: string } | { value: string };

export interface KeyDoc {
  key: string;
  required: boolean;
  /** The alternatives the key accepts, e.g. [text] or [A4, Letter]. */
  types: TypeDoc[];
}

export interface SchemaSection {
  id: string;
  keys: KeyDoc[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
}
const def = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** Zod's kinds of value, as the names of `schemaType.*` interface texts. */
const TYPE_NAMES: Record<string, string> = {
  string: "text",
  int: "number",
  number: "number",
  array: "list",
  object: "object",
  record: "record",
};

function describeType(schema: z.ZodType): TypeDoc[] {
  const d = def(schema);
  if (d.type === "optional" || d.type === "default") return describeType(d.innerType!);
  if (d.type === "pipe") return describeType(d.in!);
  if (d.type === "enum") return Object.values(d.entries ?? {}).map((value) => ({ value }));
  if (d.type === "boolean") return [{ value: "true" }, { value: "false" }];
  if (d.type === "object" && (schema.meta() as { kind?: string } | undefined)?.kind === "localized")
    return [{ name: "localized" }];
  if (d.type === "union") {
    const all = (d.options ?? []).flatMap(describeType);
    return all.filter(
      (t, i) => all.findIndex((u) => JSON.stringify(u) === JSON.stringify(t)) === i,
    );
  }
  return [{ name: TYPE_NAMES[d.type] ?? "text" }];
}

function keysOf(schema: z.ZodType | undefined): KeyDoc[] {
  const shape = schema ? (def(schema).shape ?? {}) : {};
  return Object.entries(shape).map(([key, s]) => ({
    key,
    required: !["optional", "default"].includes(def(s).type),
    types: describeType(s),
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
    { id: "feedback", keys: keysOf(feedbackSchema(locales)) },
    {
      id: "feedbackQuestion",
      keys: keysOf(schemaAt(feedbackSchema(locales), ["questions", 0])),
    },
  ];
}
