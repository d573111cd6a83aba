import type { CourseModel } from "../../course/model.ts";
import { deriveUuid } from "./uuid-v5.ts";

/**
 * The course's licence as one CASE record, the same in every locale and build: a CASE server keys
 * licences by identifier and keeps their `uri` unique, and `uri` is the address of the record itself,
 * not of the licence's deed. The deed's address goes in `description` and `licenseText`. With
 * `siteUrl`, the record is addressed inside the default locale's package; without it, by its URN.
 */
export function licenceRecord(model: CourseModel) {
  const { licence, siteUrl, title } = model.settings;
  const identifier = deriveUuid(
    `${title[model.defaultLocale] ?? ""}\u0000licence\u0000${licence.url}`,
  );
  // Course data may give the deed as a relative link; it resolves only against the published site.
  const deed = URL.canParse(licence.url)
    ? licence.url
    : siteUrl
      ? new URL(licence.url, siteUrl).href
      : undefined;
  return {
    identifier,
    uri: siteUrl
      ? `${siteUrl}${model.defaultLocale}/framework.case.json#${identifier}`
      : `urn:uuid:${identifier}`,
    title: licence.name,
    ...(deed ? { description: deed } : {}),
    licenseText: `${licence.name}: ${deed ?? licence.url}`,
  };
}
