import fc from "fast-check";
import { expect } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { ValidationError } from "../../src/errors.ts";

/** Fixed seed and bounded runs: the same cases on every machine, in bounded time. */
export const SEED = 20_261_202;

/**
 * Loads a course and checks the loader's promise: a model, or a validation report whose findings
 * each name a file and a line and say what to do. Any other exception fails the property.
 */
export async function loadOrReport(dir: string): Promise<CourseModel | ValidationError> {
  try {
    return await loadCourse(dir, { strict: true });
  } catch (error) {
    if (!(error instanceof ValidationError))
      throw new Error(
        `The loader threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of a validation report`,
        { cause: error },
      );
    expect(error.findings.length).toBeGreaterThan(0);
    for (const f of error.findings) {
      expect(f.file, f.message).toMatch(/\S/);
      expect(Number.isInteger(f.line) && f.line >= 1, `${f.file}: line ${f.line}`).toBe(true);
      expect(f.message).toMatch(/\S/);
      expect(f.hint, f.message).toMatch(/\S/);
    }
    return error;
  }
}

/** Every path to a value inside parsed data (keys and list indices), the root included. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

/** A copy of `data` with the value at `path` replaced (or, when `remove`, taken out). */
export function replaceAt(
  data: unknown,
  path: (string | number)[],
  value: unknown,
  remove = false,
): unknown {
  if (!path.length) return value;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Values a YAML file might hold by mistake: any JSON-like value, text, numbers, dates. */
export const anyValue = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: false, withBoxedValues: false }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    "en",
    "zh-CN",
    "../../etc",
    "javascript:alert(1)",
    "<script>",
    "TODO",
    -1,
    0,
    Number.POSITIVE_INFINITY, // what 1e309 reads as in YAML and JavaScript
  ),
);

/** Markup, template syntax, entities, quotes, control and wide characters: shown as text when built. */
const SHOWN_AS_TEXT = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "<a href=javascript:alert(1)>x</a>",
  "{{ 7*7 }}",
  "{% include 'x' %}",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "</textarea><script>alert(1)</script>",
  "<!--",
  "]]>",
  "&lt;script&gt;",
  "&#x6A;avascript:alert(1)",
  "`code`",
  "\u2028",
  "\u0000",
  "患者",
  "隱私",
  "é",
  "*",
  "_",
  "|",
  "\\",
];
/** Things in text that must be refused where they would become links. */
const SCRIPT_LINKS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "[link](javascript:alert(1))",
  "![img](javascript:alert(1))",
  "<javascript:alert(1)>",
];

function textOf(pieces: string[]) {
  return fc
    .array(
      fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "grapheme-ascii", maxLength: 12 })),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
    .map((parts) => parts.join(" ").replace(/[\r\n]/g, " "));
}

/** Text a trainer might paste that a page can show but must never run. */
export const markupText = textOf(SHOWN_AS_TEXT);
/** Hostile or odd text of every kind, script links included. */
export const hostileText = textOf([...SHOWN_AS_TEXT, ...SCRIPT_LINKS, "#"]);
