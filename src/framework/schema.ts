import { z } from "zod";
import { lmsSettingsSchema } from "./lms-schema.ts";
import { safeUrl } from "../security/url-policy.ts";
import { layerColourSchema } from "./layer-colours.ts";

/** Ids name pages and folders: lowercase letters and digits joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const id = () =>
  z
    .string({ error: "must be an id (text)" })
    .regex(ID_PATTERN, { error: "is not a valid id" })
    .meta({ kind: "id" });

export const provenance = () =>
  z.enum(["paper", "course"], {
    error: "must be `paper` (named in the source paper) or `course` (added by the course authors)",
  });

export const text = () =>
  z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" });

function strictLocalized(locales: readonly string[]) {
  return z
    .strictObject(
      Object.fromEntries(locales.map((l) => [l, text()])) as Record<
        string,
        ReturnType<typeof text>
      >,
    )
    .meta({ kind: "localized" });
}

/**
 * A string in every configured locale, e.g. `{ en: …, zh-CN: … }`. With no locales known (course.yaml
 * unreadable), any locale code is accepted, so one mistake there does not flood the other files.
 */
export function localized(locales: readonly string[]) {
  if (locales.length) return strictLocalized(locales);
  const lenient = z.record(z.string().regex(LOCALE_PATTERN), text()).meta({ kind: "localized" });
  return lenient as unknown as ReturnType<typeof strictLocalized>;
}

export function courseSettingsSchema(locales: readonly string[]) {
  const t = localized(locales);
  return z.strictObject({
    format: z
      .int({ error: "must be a whole number, the course format (e.g. `format: 2`)" })
      .min(1, { error: "must be 1 or more" })
      .optional(),
    title: t,
    subtitle: t,
    shortTitle: t.optional(),
    organisation: t,
    locales: z
      .array(
        z.string().regex(LOCALE_PATTERN, { error: "is not a locale code such as `en` or `zh-CN`" }),
      )
      .min(1, { error: "must list at least one locale" }),
    defaultLocale: z.string(),
    pathPrefix: z
      .string()
      .regex(/^\/(?:[^/\s]+\/)*$/, {
        error: "must start and end with `/`, e.g. `/` or `/training/onion/`",
      })
      .default("/"),
    siteUrl: z
      .url({
        protocol: /^https?$/,
        error:
          "must be the full web address of the site, e.g. `https://intranet.example/training/onion/`",
      })
      .transform((url) => (url.endsWith("/") ? url : `${url}/`))
      .optional(),
    licence: z.strictObject({ name: text(), url: safeUrl() }),
    source: z
      .strictObject({
        authors: text(),
        title: text(),
        journal: text(),
        year: z.int({ error: "must be a year such as 2025" }).min(1900).max(2100),
        volume: z.union([z.int(), text()]).optional(),
        articleNumber: text().optional(),
        doi: z
          .string()
          .regex(/^10\.\d{4,9}\/\S+$/, { error: "is not a DOI such as `10.1177/2055…`" }),
        pmid: z.union([z.int(), text()]).optional(),
        shortName: text().optional(),
      })
      .optional(),
    version: z.union([text(), z.number().transform(String)]).optional(),
    published: z
      .string({ error: "must be a date such as 2026-11-15" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date such as 2026-11-15" })
      .optional(),
    caseSettings: z.array(z.strictObject({ id: id(), label: t })).default([]),
    support: t.optional(),
    paperSize: z.enum(["A4", "Letter"], { error: "must be `A4` or `Letter`" }).default("A4"),
    programme: z.array(id()).optional(),
    review: z
      .strictObject({
        authoringTeam: z.array(text(), { error: "must be a list of names or roles" }).min(1, {
          error: "is empty: list the names or roles of the people who write the modules",
        }),
      })
      .optional(),
    lms: lmsSettingsSchema(),
  });
}

export function frameworkSchema(locales: readonly string[]) {
  const t = localized(locales);
  const category = z.strictObject({
    id: id(),
    title: t,
    summary: t.optional(),
    provenance: provenance(),
  });
  const competency = z.strictObject({
    id: id(),
    title: t,
    summary: t,
    provenance: provenance(),
    trainable: z.boolean({ error: "must be `true` or `false`" }),
    categories: z.array(category).default([]),
    levels: z.record(id(), t).optional(),
  });
  const layer = z.strictObject({
    id: id(),
    title: t,
    summary: t,
    treatment: z.enum(["reflect", "discuss", "train"], {
      error: "must be `reflect`, `discuss` or `train`",
    }),
    assessed: z.boolean({ error: "must be `true` or `false`" }).default(false),
    colour: layerColourSchema().optional(),
    provenance: provenance(),
    competencies: z.array(competency).min(1, {
      error: "is empty: a layer needs at least one competency",
    }),
  });
  return z.strictObject({
    scale: z.strictObject({
      title: t,
      summary: t.optional(),
      provenance: provenance(),
      target: id(),
      levels: z
        .array(z.strictObject({ id: id(), title: t, summary: t }))
        .min(2, { error: "needs at least two levels" }),
    }),
    layers: z
      .array(layer)
      .min(1, { error: "is empty: the framework needs at least one layer" })
      .max(7, {
        error: "has more than 7 layers: the onion diagram cannot draw that many rings legibly",
      }),
  });
}

export type CourseSettings = z.output<ReturnType<typeof courseSettingsSchema>>;
export type FrameworkData = z.output<ReturnType<typeof frameworkSchema>>;
export type Layer = FrameworkData["layers"][number];
export type Competency = Layer["competencies"][number];
export type Category = Competency["categories"][number];
export type LocalizedText = Record<string, string>;
