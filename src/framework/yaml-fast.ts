import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";
import { isScalar, Schema } from "yaml";
import { hasPlainShape } from "./yaml-shape.ts";

/**
 * A faster reading of the plain YAML that course files are made of: js-yaml parses a module's front
 * matter about eight times faster than `yaml`, which builds a document with every node's position.
 * Positions are only needed when something is wrong, so `parseYamlSource` reads with this first and
 * builds the `yaml` document only when a finding needs a line, or when this declines.
 *
 * It must never accept what `yaml` would report, nor read a value differently:
 * - scalars are resolved by `yaml`'s own core-schema tests and constructors (js-yaml's own core
 *   schema reads `0b1`, `1_000` and `+.5e3` in ways `yaml` does not);
 * - anchors, aliases, tags, directives, complex keys, tabs, carriage returns, a byte-order mark and
 *   `__proto__` keys are left to `yaml` (they are rare in course files and where the two differ);
 * - only texts of the plain shape course files have are read (yaml-shape.ts): js-yaml reads some
 *   misindented or unclosed texts that `yaml` reports;
 * - any js-yaml error is left to `yaml`, which says what is wrong and where.
 * tests/unit/yaml-fast.test.ts compares the two on generated documents.
 */
export function readPlainYaml(text: string): { data: unknown } | undefined {
  if (DECLINE.test(text) || !hasPlainShape(text)) return undefined;
  try {
    const data = restoreNulls(load(text, { schema: CORE_SCHEMA_OF_YAML, json: false }));
    // An empty document: `yaml` gives null.
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}

/**
 * A null read as a stand-in object: as a value it becomes null again; as a key (`~:` or `null:`),
 * where `yaml` writes "" and js-yaml "null", js-yaml names it "[object Object]", and the reading is
 * left to `yaml` (as it is for a key written "[object Object]").
 */
const NULL_VALUE = Object.freeze({});
const NULL_KEY = "[object Object]";

function restoreNulls(value: unknown): unknown {
  if (value === NULL_VALUE) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreNulls(value[i]);
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === NULL_KEY) throw new Error("a null key");
      record[key] = restoreNulls(record[key]);
    }
  }
  return value;
}

/**
 * What js-yaml is not asked to read: `&anchor`, `*alias` and `!tag` where a node starts, `%`
 * directives, `?` complex keys, `...` document ends, tabs, carriage returns, a byte-order mark and
 * `__proto__`. It errs on the side of declining (`*bold*` in a plain value is declined too).
 */
const DECLINE =
  /(?:^|[\s[{,])[&*!][^\s,[\]{}]|^%|(?:^|[\s[{,])\?(?:[ \n]|$)|^\.\.\.(?:\s|$)|[\t\r\uFEFF]|__proto__/m;

/** js-yaml types that resolve plain scalars exactly as `yaml`'s core schema does, in its order. */
function coreTypesOfYaml(): Type[] {
  const byTag = new Map<string, YamlScalarTag[]>();
  for (const tag of new Schema({ schema: "core" }).tags as YamlScalarTag[]) {
    if (!(tag.test instanceof RegExp) || !tag.resolve || !tag.default) continue;
    byTag.set(tag.tag, [...(byTag.get(tag.tag) ?? []), tag]);
  }
  return [...byTag].map(
    ([name, variants]) =>
      new Type(name, {
        kind: "scalar",
        resolve: (data: unknown) =>
          typeof data === "string" && variants.some((v) => v.test.test(data)),
        construct: (data: string) => {
          const variant = variants.find((v) => v.test.test(data))!;
          const value = variant.resolve(data, () => {}, {});
          // Some constructors give a node (to keep `1.0`'s digits when writing); the value is inside.
          const plain = isScalar(value) ? value.value : value;
          return plain === null ? NULL_VALUE : plain;
        },
      }),
  );
}

interface YamlScalarTag {
  tag: string;
  default?: boolean;
  test: RegExp;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

const CORE_SCHEMA_OF_YAML = FAILSAFE_SCHEMA.extend({ implicit: coreTypesOfYaml() });
