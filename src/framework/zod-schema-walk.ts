import type { z } from "zod";
import type { DataPath } from "./yaml-source.ts";

/** The parts of a zod schema's definition the findings and the schema reference read. */
export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
}

export const defOf = (schema: z.ZodType): SchemaDef =>
  (schema as unknown as { def: SchemaDef }).def;

/** The `kind` a schema carries in its metadata ("localized", "id"), if any. */
export const kindOf = (schema: z.ZodType | undefined): string | undefined =>
  (schema?.meta() as { kind?: string } | undefined)?.kind;

/** The keys an object schema allows (none for other schemas). */
export const shapeKeys = (schema: z.ZodType | undefined): string[] =>
  schema && defOf(schema).shape ? Object.keys(defOf(schema).shape!) : [];

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let def = defOf(s); ; def = defOf(s)) {
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return s;
    s = inner;
  }
}

/** The schema that describes the value at `path`, if the path leads anywhere. */
export function schemaAt(root: z.ZodType, path: DataPath): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const part of path) {
    if (!s) return undefined;
    const def = defOf(s);
    const next: z.ZodType | undefined =
      def.type === "object"
        ? def.shape?.[String(part)]
        : def.type === "array"
          ? def.element
          : def.type === "record"
            ? def.valueType
            : undefined;
    s = next && unwrap(next);
  }
  return s;
}
