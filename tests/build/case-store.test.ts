import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CFPackage } from "../../src/export/cfpackage/case-schema.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { buildInTemp } from "../helpers/build.ts";
import { copyCourse, editFile, replaceOnce } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

const readCase = async (site: string, locale: string): Promise<CFPackage> =>
  JSON.parse(await readFile(join(site, locale, "framework.case.json"), "utf8"));

interface CaseRecord {
  identifier: string;
  uri: string;
}

/** Every record of a package that a CASE server stores on its own: it has an identifier and a uri. */
function recordsOf(pkg: CFPackage): CaseRecord[] {
  const defs = pkg.CFDefinitions;
  const rubrics = pkg.CFRubrics ?? [];
  const criteria = rubrics.flatMap((r) => r.CFRubricCriteria ?? []);
  return [
    pkg.CFDocument,
    ...(pkg.CFItems ?? []),
    ...(pkg.CFAssociations ?? []),
    ...(defs?.CFItemTypes ?? []),
    ...(defs?.CFLicenses ?? []),
    ...rubrics,
    ...criteria,
    ...criteria.flatMap((c) => c.CFRubricCriterionLevels ?? []),
  ];
}

/**
 * A CASE server's store, as OpenSALT keeps one: records keyed by identifier, and `uri` unique. A
 * record whose identifier is known updates it; a new identifier with a uri already taken is refused.
 */
function importInto(store: { byId: Map<string, string>; byUri: Map<string, string> }) {
  return (pkg: CFPackage, label: string): string[] => {
    const clashes: string[] = [];
    for (const { identifier, uri } of recordsOf(pkg)) {
      const knownUri = store.byId.get(identifier);
      const owner = store.byUri.get(uri);
      if (knownUri !== undefined && knownUri !== uri)
        clashes.push(`${label}: ${identifier} was ${knownUri}, now ${uri}`);
      if (owner !== undefined && owner !== identifier)
        clashes.push(`${label}: ${uri} belongs to ${owner}, not ${identifier}`);
      store.byId.set(identifier, uri);
      store.byUri.set(uri, identifier);
    }
    return clashes;
  };
}

describe.each([
  ["without siteUrl", ""],
  ["with siteUrl", "siteUrl: https://intranet.example/training/onion/\n"],
])("CASE packages of every locale, %s, in one CASE store", (_name, siteUrl) => {
  let model: CourseModel;
  let first: string;
  let second: string;
  beforeAll(async () => {
    const course = await copyCourse(fixture("minimal"));
    await editFile(
      course,
      "framework/course.yaml",
      replaceOnce("pathPrefix: /\n", `pathPrefix: /\n${siteUrl}`),
    );
    ({ out: first, model } = await buildInTemp(course));
    ({ out: second } = await buildInTemp(course));
  });

  it("import side by side, and again from a second build, without a clash of identifier or uri", async () => {
    expect(model.locales.length).toBeGreaterThan(1);
    const store = { byId: new Map<string, string>(), byUri: new Map<string, string>() };
    const load = importInto(store);
    for (const site of [first, second])
      for (const locale of model.locales)
        expect(load(await readCase(site, locale), locale)).toEqual([]);
    expect(store.byId.size).toBe(store.byUri.size);
  });

  it("share one licence record; its uri addresses the record, and the deed is in its text", async () => {
    const deed = model.settings.licence.url;
    const packages = await Promise.all(model.locales.map((l) => readCase(first, l)));
    const licences = packages.map((p) => p.CFDefinitions?.CFLicenses ?? []);
    for (const list of licences) expect(list).toHaveLength(1);
    const [licence] = licences[0]!;
    for (const [other] of licences) expect(other).toEqual(licence);
    expect(licence!.uri).not.toBe(deed);
    expect(licence!.uri).toBe(
      model.settings.siteUrl
        ? `${model.settings.siteUrl}${model.defaultLocale}/framework.case.json#${licence!.identifier}`
        : `urn:uuid:${licence!.identifier}`,
    );
    expect(licence!.description).toBe(deed);
    expect(licence!.licenseText).toContain(deed);
    for (const p of packages)
      expect(p.CFDocument.licenseURI).toEqual({
        title: licence!.title,
        identifier: licence!.identifier,
        uri: licence!.uri,
      });
  });
});
