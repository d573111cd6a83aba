import { createHash } from "node:crypto";
import { parse } from "yaml";
import { splitFrontMatter } from "./front-matter.ts";

/** How a fingerprint is written in a module's `review:` record. */
export const FINGERPRINT_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** The data with object keys in a fixed order, so that reordering keys does not change the text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * A fingerprint of what a module says in one locale: sha256 of its front matter's data without the
 * `review:` record (which holds the fingerprint) and of its body. Line endings (CRLF, CR) count as LF
 * and a byte-order mark is ignored, so re-saving a file on another system does not change it; YAML
 * comments and the layout of the front matter do not count, every value and every character of the
 * body does. Undefined when the file has no front matter or it is not valid YAML.
 */
export function contentFingerprint(fileText: string): string | undefined {
  const text = fileText.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  let data: unknown;
  try {
    data = parse(split.frontMatter);
  } catch {
    return undefined;
  }
  const { review: _review, ...rest } =
    data && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  const hash = createHash("sha256")
    .update(JSON.stringify(canonical(rest)))
    .update("\n---\n")
    .update(split.body)
    .digest("hex");
  return `sha256:${hash}`;
}
