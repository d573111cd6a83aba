import type { CourseModel } from "../../course/model.ts";
import type { LinkUri } from "./case-schema.ts";
import { deriveUuid } from "./uuid-v5.ts";

/** How one locale's package names and addresses its records, and when they last changed. */
export interface PackageAddresses {
  /** A record's identifier: a UUID derived from the course, the locale and the record's name. */
  idOf(name: string): string;
  /** A page of the site when it has a known address; otherwise a stable but unresolvable URN. */
  uriOf(identifier: string, page?: string): string;
  link(identifier: string, title: string, page?: string): LinkUri;
  /** Every record's `lastChangeDateTime`. */
  when: string;
}

export function packageAddresses(
  model: CourseModel,
  locale: string,
  changedAt: Date,
): PackageAddresses {
  const when = changedAt.toISOString().replace(/\.\d{3}Z$/, "Z");
  const courseKey = model.settings.title[model.defaultLocale] ?? "";
  const idOf = (name: string) => deriveUuid(`${courseKey}\u0000${locale}\u0000${name}`);
  const base = model.settings.siteUrl ? `${model.settings.siteUrl}${locale}/` : undefined;
  const uriOf = (identifier: string, page?: string) =>
    base
      ? page === undefined
        ? `${base}framework.case.json#${identifier}`
        : `${base}${page}`
      : `urn:uuid:${identifier}`;
  const link = (identifier: string, title: string, page?: string): LinkUri => ({
    title,
    identifier,
    uri: uriOf(identifier, page),
  });
  return { idOf, uriOf, link, when };
}
