import { z } from "zod";
import { id, text } from "../framework/schema.ts";
import { safeUrl } from "../security/url-policy.ts";
import { materialsSchema } from "./materials.ts";
import { FINGERPRINT_PATTERN } from "./review-fingerprint.ts";
import { BLOOM_LEVELS } from "./types.ts";

/** A calendar date written `YYYY-MM-DD` (kept as text, checked to be a real day). */
export const isoDate = () =>
  z
    .string({ error: "must be a date written YYYY-MM-DD, e.g. 2026-12-01" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written YYYY-MM-DD, e.g. 2026-12-01" })
    .refine(
      (d) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(d) || new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      {
        error: "is not a real date",
      },
    );

export interface SplitFile {
  frontMatter: string;
  body: string;
  /** Lines before the body starts (front matter and its fences). */
  bodyLineOffset: number;
}

/** Separates `---` front matter from the Markdown body; undefined when there is none. */
export function splitFrontMatter(source: string): SplitFile | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  return {
    frontMatter: match[1]!,
    body: source.slice(match[0].length),
    bodyLineOffset: match[0].split("\n").length - 1,
  };
}

export function moduleFrontMatterSchema() {
  return z.strictObject({
    competency: id(),
    title: text(),
    duration: z
      .int({ error: "must be a whole number of minutes" })
      .min(5, { error: "is too short: at least 5 minutes" })
      .max(600, { error: "is too long for one session: at most 600 minutes" }),
    audience: text(),
    prerequisites: text(),
    objectives: z
      .array(
        z.strictObject({
          level: z.enum(BLOOM_LEVELS, {
            error: `must be a level of Bloom's taxonomy: ${BLOOM_LEVELS.join(", ")}`,
          }),
          text: text(),
        }),
        { error: "must be a list of objectives" },
      )
      .min(1, { error: "is empty: a module needs at least one learning objective" }),
    materials: materialsSchema(),
    references: z
      .array(
        z.strictObject({
          key: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: "must be letters, digits, - or _" }),
          text: text(),
          url: safeUrl().optional(),
          doi: z
            .string()
            .regex(/^10\.\d{4,9}\/\S+$/, { error: "is not a DOI such as `10.1177/…`" })
            .optional(),
          accessed: isoDate().optional(),
        }),
      )
      .default([]),
    review: z
      .strictObject({
        by: text(),
        on: isoDate(),
        next: isoDate(),
        fingerprint: z
          .string()
          .regex(FINGERPRINT_PATTERN, {
            error:
              "must be written by `npm run review` (sha256: and 64 hexadecimal digits); do not edit it by hand",
          })
          .optional(),
      })
      .optional(),
  });
}

export type ModuleFrontMatter = z.output<ReturnType<typeof moduleFrontMatterSchema>>;

/** `modules/defaults.yaml`: values every module gets unless its front matter says otherwise. */
export function moduleDefaultsSchema(locales: readonly string[]) {
  const perLocale = z.strictObject(Object.fromEntries(locales.map((l) => [l, text()])));
  return z.strictObject({
    duration: z.int().min(5).max(600).optional(),
    audience: perLocale.partial().optional(),
    prerequisites: perLocale.partial().optional(),
  });
}
