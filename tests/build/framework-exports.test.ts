import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cfPackage, type CFPackage } from "../../src/export/cfpackage/case-schema.ts";
import { deriveUuid } from "../../src/export/cfpackage/uuid-v5.ts";
import { MOODLE_HEADER } from "../../src/export/moodle/build-moodle-csv.ts";
import { loadCourse } from "../../src/course/load-course.ts";
import { uiFor } from "../../src/framework/ui-strings.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { buildInTemp } from "../helpers/build.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { copyCourse, editFile, replaceOnce } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

/** The header line of Moodle's own example file (admin/tool/lpimportcsv/tests/fixtures/example.csv). */
const MOODLE_EXAMPLE_HEADER =
  '"Parent id number","Id number",Shortname,Description,"Description format","Scale values","Scale configuration","Rule type (optional)","Rule outcome (optional)","Rule config (optional)","Cross referenced competency id numbers","Exported id (optional)","Is framework",Taxonomy';

const readCase = async (site: string, locale: string): Promise<CFPackage> =>
  JSON.parse(await readFile(join(site, locale, "framework.case.json"), "utf8"));
const readCsv = (site: string, locale: string) =>
  readFile(join(site, locale, "framework.moodle.csv"), "utf8");

/** RFC 4180 CSV, as Moodle's csv_import_reader reads it: quoted fields may hold commas, quotes, line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function validateWithAjv(pkg: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(z.toJSONSchema(cfPackage) as object);
  return validate(pkg) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe("deriveUuid", () => {
  it("gives RFC 9562's version-5 example for www.example.com in the DNS namespace", () => {
    expect(deriveUuid("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
});

describe("CASE 1.1 and Moodle exports of the default course", () => {
  let model: CourseModel;
  let first: string;
  let second: string;

  beforeAll(async () => {
    // The run's shared build and one of its own: two builds of one course must export the same.
    ({ out: first, model } = await sharedBuild("default"));
    ({ out: second } = await buildInTemp());
  });

  const items = (m: CourseModel) => {
    const layers = m.framework.layers;
    const competencies = layers.flatMap((l) => l.competencies);
    const categories = competencies.flatMap((c) => c.categories);
    return { layers, competencies, categories };
  };

  it.each(["en", "zh-CN"])(
    "%s: validates against the CASE 1.1 schema (mirror) with ajv",
    async (locale) => {
      const pkg = await readCase(first, locale);
      expect(validateWithAjv(pkg)).toEqual([]);
      expect(pkg.CFDocument.caseVersion).toBe("1.1");
      expect(pkg.CFDocument.language).toBe(locale);
      expect(pkg.CFDocument.title).toBe(model.settings.title[locale]);
      expect(pkg.CFDocument.creator).toBe(model.settings.organisation[locale]);
    },
  );

  it("keeps every identifier the same from one build to the next", async () => {
    for (const locale of model.locales) {
      const a = await readCase(first, locale);
      const b = await readCase(second, locale);
      const ids = (p: CFPackage) => [
        p.CFDocument.identifier,
        ...(p.CFItems ?? []).map((i) => i.identifier),
        ...(p.CFAssociations ?? []).map((x) => x.identifier),
      ];
      expect(ids(a).length).toBeGreaterThan(10);
      expect(ids(b)).toEqual(ids(a));
      expect(new Set(ids(a)).size).toBe(ids(a).length);
    }
    const en = await readCase(first, "en");
    const zh = await readCase(first, "zh-CN");
    expect(en.CFDocument.identifier).not.toBe(zh.CFDocument.identifier);
  });

  it("has an item for every layer, competency and category, with its type and title", async () => {
    const { layers, competencies, categories } = items(model);
    for (const locale of model.locales) {
      const pkg = await readCase(first, locale);
      const byCode = new Map((pkg.CFItems ?? []).map((i) => [i.humanCodingScheme, i]));
      expect(pkg.CFItems).toHaveLength(layers.length + competencies.length + categories.length);
      for (const [list, kind] of [
        [layers, "layer"],
        [competencies, "competency"],
        [categories, "category"],
      ] as const)
        for (const x of list) {
          expect(byCode.get(x.id)?.fullStatement).toBe(x.title[locale]);
          expect(byCode.get(x.id)?.CFItemTypeURI?.identifier).toBe(
            pkg.CFDefinitions?.CFItemTypes?.find((t) => t.typeCode === kind)?.identifier,
          );
        }
    }
  });

  it("forms one tree of isChildOf associations rooted at the document, following the framework", async () => {
    const pkg = await readCase(first, "en");
    const docId = pkg.CFDocument.identifier;
    const codeOf = new Map((pkg.CFItems ?? []).map((i) => [i.identifier, i.humanCodingScheme]));
    const parentOf = new Map<string, string>();
    for (const a of pkg.CFAssociations ?? []) {
      expect(a.associationType).toBe("isChildOf");
      expect(parentOf.has(a.originNodeURI.identifier)).toBe(false);
      parentOf.set(a.originNodeURI.identifier, a.destinationNodeURI.identifier);
    }
    for (const item of pkg.CFItems ?? []) {
      const chain: string[] = [];
      for (let at = item.identifier; at !== docId; at = parentOf.get(at)!) {
        expect(
          codeOf.has(at) && !chain.includes(at),
          `broken chain from ${item.humanCodingScheme}`,
        ).toBe(true);
        chain.push(at);
      }
      expect(chain.length).toBeLessThanOrEqual(3);
    }
    for (const layer of model.framework.layers)
      for (const c of layer.competencies) {
        const id = (code: string) => [...codeOf].find(([, v]) => v === code)![0];
        expect(codeOf.get(parentOf.get(id(c.id))!)).toBe(layer.id);
        for (const cat of c.categories) expect(codeOf.get(parentOf.get(id(cat.id))!)).toBe(c.id);
        expect(parentOf.get(id(layer.id))).toBe(docId);
      }
  });

  it("carries the proficiency scale as a rubric: a criterion per assessed competency, a level per scale level", async () => {
    const pkg = await readCase(first, "zh-CN");
    const scale = model.framework.scale;
    const assessed = model.competencies.filter((e) => e.competency.levels);
    const criteria = pkg.CFRubrics?.[0]?.CFRubricCriteria ?? [];
    expect(pkg.CFRubrics?.[0]?.title).toBe(scale.title["zh-CN"]);
    expect(criteria.map((c) => c.category)).toEqual(
      assessed.map((e) => e.competency.title["zh-CN"]),
    );
    const firstAssessed = assessed[0]!.competency;
    expect(criteria[0]!.CFRubricCriterionLevels!.map((l) => [l.quality, l.description])).toEqual(
      scale.levels.map((l) => [l.title["zh-CN"], firstAssessed.levels![l.id]!["zh-CN"]]),
    );
  });

  it("Moodle CSV: the header is exactly Moodle's, one row per item, parents resolve, Chinese intact", async () => {
    const { layers, competencies, categories } = items(model);
    for (const locale of model.locales) {
      const text = await readCsv(first, locale);
      expect(text.split("\n")[0]).toBe(MOODLE_EXAMPLE_HEADER);
      const rows = parseCsv(text);
      expect(rows[0]).toEqual([...MOODLE_HEADER]);
      const body = rows.slice(1);
      expect(body).toHaveLength(1 + layers.length + competencies.length + categories.length);
      for (const row of body) expect(row).toHaveLength(14);

      const [framework, ...competencyRows] = body;
      expect(framework![12]).toBe("1");
      expect(framework![2]).toBe(model.settings.title[locale]);
      expect(framework![5]).toBe(
        model.framework.scale.levels.map((l) => l.title[locale]).join(","),
      );
      const config = JSON.parse(framework![6]!) as { proficient?: number }[];
      const target = model.framework.scale.levels.findIndex(
        (l) => l.id === model.framework.scale.target,
      );
      expect(config.slice(1).map((c) => c.proficient)).toEqual(
        model.framework.scale.levels.map((_, i) => (i >= target ? 1 : 0)),
      );

      const seen = new Set<string>();
      for (const row of competencyRows) {
        expect(row[12]).toBe("");
        if (row[0]) expect(seen.has(row[0]), `parent ${row[0]} of ${row[1]}`).toBe(true);
        seen.add(row[1]!);
      }
      for (const c of competencies) {
        const row = competencyRows.find((r) => r[1] === c.id)!;
        expect(row[2]).toBe(c.title[locale]);
        expect(row[0]).toBe(layers.find((l) => l.competencies.includes(c))!.id);
      }
    }
    const zh = parseCsv(await readCsv(first, "zh-CN"));
    expect(zh.some((r) => r[2] === "沟通能力")).toBe(true);
  });

  it("links both files from the framework and trainers pages of every locale", async () => {
    for (const locale of model.locales)
      for (const page of ["framework/index.html", "trainers/index.html"]) {
        const html = await readFile(join(first, locale, page), "utf8");
        const depth = page.split("/").length - 1;
        for (const file of ["framework.case.json", "framework.moodle.csv"]) {
          expect(html).toContain(`href="${"../".repeat(depth)}${file}"`);
          await access(join(first, locale, file));
        }
      }
  });
});

describe("what a CASE or Moodle user reads in the default course's exports", () => {
  let out: string;
  let model: CourseModel;
  beforeAll(async () => {
    ({ out, model } = await sharedBuild("default"));
  });
  /** Every layer, competency and category with its parent's id and its position under it (1-based). */
  const tree = (m: CourseModel) =>
    m.framework.layers.flatMap((layer, li) => [
      { kind: "layer", item: layer, parent: "", position: li + 1 },
      ...layer.competencies.flatMap((c, ci) => [
        { kind: "competency", item: c, parent: layer.id, position: ci + 1 },
        ...c.categories.map((cat, ki) => ({
          kind: "category",
          item: cat,
          parent: c.id,
          position: ki + 1,
        })),
      ]),
    ]);

  it("CASE: each item's notes give its summary and who named it (the paper or the course), in the framework's order", async () => {
    for (const locale of model.locales) {
      const ui = uiFor(model.ui, locale);
      const pkg = await readCase(out, locale);
      const byCode = new Map((pkg.CFItems ?? []).map((i) => [i.humanCodingScheme, i]));
      const childOf = new Map(
        (pkg.CFAssociations ?? []).map((a) => [a.originNodeURI.identifier, a]),
      );
      const provenances = new Set<string>();
      const changed = new Set<string>();
      for (const { kind, item, parent, position } of tree(model)) {
        const cf = byCode.get(item.id)!;
        const note = ui(`provenance.${item.provenance}`);
        provenances.add(item.provenance);
        expect(cf.notes, `${locale} ${item.id}`).toContain(`(${note})`);
        if (item.summary?.[locale]) expect(cf.notes).toContain(item.summary[locale]);
        expect(cf.language).toBe(locale);
        expect(cf.CFItemType).toBe(ui(`exports.itemType.${kind}`));
        // Without siteUrl an item has a stable URN of its own identifier.
        expect(cf.uri).toBe(`urn:uuid:${cf.identifier}`);
        const association = childOf.get(cf.identifier)!;
        expect(association.sequenceNumber, `${locale} ${item.id}`).toBe(position);
        expect(association.originNodeURI.title).toBe(item.title[locale]);
        if (parent)
          expect(association.destinationNodeURI.identifier).toBe(byCode.get(parent)!.identifier);
        changed.add(cf.lastChangeDateTime);
        changed.add(association.lastChangeDateTime);
      }
      // Both kinds of provenance occur, so the notes are told apart by it.
      expect([...provenances].sort()).toEqual(["course", "paper"]);
      // One change date for the whole framework, in CASE's form (seconds, no fraction).
      expect(changed.size).toBe(1);
      expect([...changed][0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(pkg.CFDocument.lastChangeDateTime).toBe([...changed][0]);
    }
  });

  it("CASE: the document cites the paper and its licence; item types are defined in order", async () => {
    const { settings } = model;
    const source = settings.source!;
    for (const locale of model.locales) {
      const ui = uiFor(model.ui, locale);
      const { CFDocument: doc, CFDefinitions: defs } = await readCase(out, locale);
      for (const part of [source.authors, source.title, source.journal, String(source.year)])
        expect(doc.notes).toContain(part);
      expect(doc.notes).toContain(`doi:${source.doi}`);
      expect(doc.officialSourceURL).toBe(`https://doi.org/${source.doi}`);
      expect(doc.publisher).toBe(settings.organisation[locale]);
      expect(doc.description).toBe(settings.subtitle?.[locale] ?? "");
      // The licence record's uri is its own address (no siteUrl here: a URN); the deed is its text.
      expect(doc.licenseURI).toMatchObject({
        title: settings.licence.name,
        uri: `urn:uuid:${doc.licenseURI?.identifier}`,
      });
      expect(defs?.CFLicenses?.[0]).toMatchObject({
        identifier: doc.licenseURI?.identifier,
        uri: doc.licenseURI?.uri,
        title: settings.licence.name,
        description: settings.licence.url,
        licenseText: `${settings.licence.name}: ${settings.licence.url}`,
      });
      expect(defs?.CFItemTypes?.map((t) => [t.typeCode, t.hierarchyCode, t.title])).toEqual(
        ["layer", "competency", "category"].map((kind, i) => [
          kind,
          String(i + 1),
          ui(`exports.itemType.${kind}`),
        ]),
      );
      for (const t of defs?.CFItemTypes ?? []) expect(t.description?.length).toBeGreaterThan(10);
    }
  });

  it("CASE: the rubric's criteria and levels are numbered in order and point at their competency", async () => {
    const pkg = await readCase(out, "en");
    const rubric = pkg.CFRubrics![0]!;
    expect(rubric.description).toBe(model.framework.scale.summary?.en ?? "");
    const byCode = new Map((pkg.CFItems ?? []).map((i) => [i.humanCodingScheme, i]));
    const assessed = model.competencies.filter((e) => e.competency.levels);
    expect(assessed.length).toBeGreaterThan(1);
    rubric.CFRubricCriteria!.forEach((criterion, i) => {
      const competency = assessed[i]!.competency;
      expect(criterion.position).toBe(i + 1);
      expect(criterion.rubricId).toBe(rubric.identifier);
      expect(criterion.description).toBe(competency.summary.en);
      expect(criterion.CFItemURI?.identifier).toBe(byCode.get(competency.id)!.identifier);
      expect(criterion.CFItemURI?.title).toBe(competency.title.en);
      expect(criterion.CFRubricCriterionLevels!.map((l) => [l.score, l.position])).toEqual(
        model.framework.scale.levels.map((_, li) => [li + 1, li + 1]),
      );
      for (const level of criterion.CFRubricCriterionLevels!)
        expect(level.rubricCriterionId).toBe(criterion.identifier);
    });
  });

  it("Moodle: descriptions show summary, provenance and level descriptors as HTML; rows are numbered; the scale's default is its first level", async () => {
    /** Text as it appears in an HTML description (the exporter's escaping is tested below). */
    const html = (text: string) =>
      text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;");
    for (const locale of model.locales) {
      const ui = uiFor(model.ui, locale);
      const [, framework, ...rows] = parseCsv(await readCsv(out, locale));
      const { scale } = model.framework;
      expect(framework![1]).toMatch(new RegExp(`^[a-z0-9-]{3,48}-${locale}$`));
      expect(framework![3]).toBe(
        [model.settings.subtitle?.[locale], scale.summary?.[locale]]
          .filter(Boolean)
          .map((t) => `<p>${html(t!)}</p>`)
          .join(""),
      );
      expect(framework![13]).toBe("domain,competency,concept");
      expect([0, 7, 8, 9, 10, 11].map((c) => framework![c])).toEqual(["", "", "", "", "", ""]);
      const config = JSON.parse(framework![6]!) as Record<string, unknown>[];
      expect(config[0]).toEqual({ scaleid: "0" });
      expect(config.slice(1).map((c) => [c.id, c.scaledefault])).toEqual(
        scale.levels.map((_, i) => [i + 1, i === 0 ? 1 : 0]),
      );
      const all = tree(model);
      expect(rows.map((r) => r[1])).toEqual(all.map((x) => x.item.id));
      rows.forEach((row, i) => {
        const { item, parent } = all[i]!;
        expect(row[0]).toBe(parent);
        expect(row[4]).toBe("1"); // HTML
        expect([row[8], row[9]]).toEqual(["0", "null"]);
        // Scale, rule type, cross references, "is framework" and taxonomy belong to the framework row.
        expect([5, 6, 7, 10, 12, 13].map((c) => row[c])).toEqual(["", "", "", "", "", ""]);
        expect(row[11]).toBe(String(i + 1));
        expect(row[3]).toContain(`<p>${html(ui(`provenance.${item.provenance}`))}</p>`);
        if (item.summary?.[locale])
          expect(row[3]!.startsWith(`<p>${html(item.summary[locale])}</p>`), item.id).toBe(true);
      });
      for (const { competency } of model.competencies.filter((e) => e.competency.levels)) {
        const row = rows.find((r) => r[1] === competency.id)!;
        for (const level of scale.levels)
          expect(row[3]).toContain(
            `<li><strong>${html(level.title[locale]!)}</strong>: ${html(competency.levels![level.id]![locale]!)}</li>`,
          );
      }
    }
  });
});

describe("Moodle export of texts Moodle would misread", () => {
  it("escapes markup in descriptions and keeps commas out of scale names", async () => {
    const course = await copyCourse(fixture("minimal"));
    await editFile(course, "framework/framework.yaml", (text) =>
      replaceOnce(
        "summary: { en: Why professionals take part.,",
        'summary: { en: "Use <b>care</b> & check \\"facts\\"",',
      )(
        replaceOnce(
          "title: { en: Aware, zh-CN: 了解 }",
          'title: { en: "Aware, not yet able", zh-CN: 了解 }',
        )(text),
      ),
    );
    const { out, model } = await buildInTemp(course);
    const rows = parseCsv(await readCsv(out, "en"));
    const layer = rows.find((r) => r[1] === "motivation")!;
    expect(layer[3]).toContain("<p>Use &lt;b&gt;care&lt;/b&gt; &amp; check &quot;facts&quot;</p>");
    // Moodle splits scale values at commas: the level keeps its words, with the comma replaced.
    expect(rows[1]![5]).toBe("Aware; not yet able,Proficient");
    expect(model.framework.scale.levels).toHaveLength(2);
  });
});

describe("siteUrl", () => {
  it("without it, the course loads in strict mode and a note (not a warning) says what is lost", async () => {
    const model = await loadCourse(fixture("minimal"), { strict: true });
    expect(model.warnings).toEqual([]);
    expect(model.notes).toHaveLength(1);
    expect(model.notes[0]).toMatchObject({ file: "framework/course.yaml", severity: "note" });
    expect(model.notes[0]!.message).toMatch(/siteUrl/);
  });

  it("with it, the CASE items point at the published pages, which exist in the built site", async () => {
    const course = await copyCourse(fixture("minimal"));
    await editFile(
      course,
      "framework/course.yaml",
      replaceOnce(
        "pathPrefix: /\n",
        "pathPrefix: /\nsiteUrl: https://intranet.example/training/onion\n",
      ),
    );
    const { out, model } = await buildInTemp(course);
    expect(model.notes).toEqual([]);
    const pkg = await readCase(out, "en");
    expect(validateWithAjv(pkg)).toEqual([]);
    expect(pkg.CFDocument.uri).toBe("https://intranet.example/training/onion/en/framework/");
    // Associations have no page of their own: they are addressed inside the published package.
    for (const a of pkg.CFAssociations ?? [])
      expect(a.uri).toBe(
        `https://intranet.example/training/onion/en/framework.case.json#${a.identifier}`,
      );
    // A category is a section of its competency's page, which carries its anchor.
    const categories = model.framework.layers.flatMap((l) =>
      l.competencies.flatMap((c) => c.categories.map((cat) => ({ layer: l, c, cat }))),
    );
    expect(categories.length).toBeGreaterThan(0);
    for (const { layer, c, cat } of categories) {
      const item = pkg.CFItems!.find((i) => i.humanCodingScheme === cat.id)!;
      expect(item.uri).toBe(
        `https://intranet.example/training/onion/en/framework/${layer.id}/${c.id}/#cat-${cat.id}`,
      );
      const page = await readFile(
        join(out, "en", "framework", layer.id, c.id, "index.html"),
        "utf8",
      );
      expect(page).toContain(`id="cat-${cat.id}"`);
    }
    for (const item of pkg.CFItems ?? []) {
      const path = item.uri
        .replace("https://intranet.example/training/onion/", "")
        .replace(/#.*$/, "");
      await access(join(out, fileURLToPath(new URL(`file:///${path}index.html`)).slice(1)));
    }
  });
});

describe("a course on its own framework (no published source)", () => {
  it("names the organisation as creator, with the course's version and date; no DOI, no dead licence link", async () => {
    const course = await copyCourse(fixture("minimal"));
    await editFile(
      course,
      "framework/course.yaml",
      replaceOnce(
        "  url: https://creativecommons.org/licenses/by/4.0/\nsource:\n  authors: Example A, Example B\n  title: An example competency framework\n  journal: Example Journal\n  year: 2025\n  doi: 10.1234/example.5678\n",
        '  url: licence/\nversion: "2.1"\npublished: 2026-11-15\n',
      ),
    );
    const { out, model } = await buildInTemp(course);
    expect(model.settings.source).toBeUndefined();
    for (const locale of model.locales) {
      const pkg = await readCase(out, locale);
      expect(validateWithAjv(pkg)).toEqual([]);
      const doc = pkg.CFDocument;
      expect(doc.creator).toBe(model.settings.organisation[locale]);
      expect(doc.version).toBe("2.1");
      expect(doc.statusStartDate).toBe("2026-11-15");
      expect(doc.officialSourceURL).toBeUndefined();
      expect(doc.notes).toContain(model.settings.organisation[locale]!);
      expect(doc.notes).toContain("2.1");
      expect(JSON.stringify(pkg)).not.toMatch(/doi/i);
      // A relative licence link cannot be resolved without siteUrl: a stable URN, not a broken URI.
      expect(doc.licenseURI?.uri).toBe(`urn:uuid:${doc.licenseURI?.identifier}`);
      const rows = parseCsv(await readCsv(out, locale));
      expect(rows[0]).toEqual([...MOODLE_HEADER]);
      expect(rows[1]![2]).toBe(model.settings.title[locale]);
    }
  });
});

describe("the example course (examples/breaking-bad-news, en + fr)", () => {
  it("exports valid CASE and Moodle files in English and French", async () => {
    const { out, model } = await sharedBuild("example");
    expect(model.locales).toEqual(["en", "fr"]);
    for (const locale of model.locales) {
      const pkg = await readCase(out, locale);
      expect(validateWithAjv(pkg)).toEqual([]);
      expect(pkg.CFDocument.language).toBe(locale);
      const competencies = model.framework.layers.flatMap((l) => l.competencies);
      for (const c of competencies)
        expect(pkg.CFItems?.find((i) => i.humanCodingScheme === c.id)?.fullStatement).toBe(
          c.title[locale],
        );
      const text = await readCsv(out, locale);
      expect(text.split("\n")[0]).toBe(MOODLE_EXAMPLE_HEADER);
      const rows = parseCsv(text).slice(1);
      for (const c of competencies)
        expect(rows.find((r) => r[1] === c.id)?.[2]).toBe(c.title[locale]);
    }
    const fr = await readCase(out, "fr");
    expect(fr.CFItems?.some((i) => /[éèàç]/.test(i.fullStatement))).toBe(true);
  });
});
