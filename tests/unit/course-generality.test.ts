import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.ts";
import { writeStarterCourse } from "../../src/course/new-course.ts";
import { writeLocaleFile } from "../../src/course/new-locale.ts";
import { CourseError } from "../../src/errors.ts";
import { formatMessage } from "../../src/text/format-message.ts";
import {
  copyCourse,
  describeFindings,
  editFile,
  findingsOf,
  lineOf,
  replaceOnce,
} from "../helpers/courses.ts";
import { fixture, REPO_DIR, tempDir } from "../helpers/paths.ts";

const MINIMAL = fixture("minimal");
const COURSE = "framework/course.yaml";
const FRAMEWORK = "framework/framework.yaml";

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function copy(from = MINIMAL): Promise<string> {
  const dir = await copyCourse(from);
  made.push(dir);
  return dir;
}
async function put(dir: string, file: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, file)), { recursive: true });
  await writeFile(join(dir, file), text);
}
/** Flat `a.b` keys of a YAML mapping. */
function keysOf(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}
/** The minimal course moved from zh-CN to French: every text `zh-CN:` becomes `fr:`. */
async function frenchCourse(): Promise<string> {
  const dir = await copy();
  const toFrench = (text: string) => text.replaceAll("zh-CN", "fr");
  await editFile(dir, COURSE, toFrench);
  await editFile(dir, FRAMEWORK, toFrench);
  await rename(
    join(dir, "modules/digital-skills/zh-CN.md"),
    join(dir, "modules/digital-skills/fr.md"),
  );
  return dir;
}

describe("messages: placeholders and plurals from the locale", () => {
  it("picks the plural form by Intl.PluralRules, `#` for the number, exact cases first", () => {
    const msg = "{count, plural, =0 {no locales} one {# locale} other {# locales}}";
    expect(formatMessage(msg, "en", { count: 0 })).toBe("no locales");
    expect(formatMessage(msg, "en", { count: 1 })).toBe("1 locale");
    expect(formatMessage(msg, "en", { count: 3 })).toBe("3 locales");
    expect(formatMessage("{count, plural, other {共 # 项}}", "zh-CN", { count: 1 })).toBe(
      "共 1 项",
    );
    expect(formatMessage("{n} min of {title}", "en", { n: 5, title: "X" })).toBe("5 min of X");
  });

  it("the engine's counted texts read right for one and for many", async () => {
    const { uiFor } = await import("../../src/framework/ui-strings.ts");
    const model = await loadCourse(MINIMAL);
    const en = uiFor(model.ui, "en");
    expect(en("framework.competencyCount", { count: 1 })).toBe("1 competency");
    expect(en("framework.competencyCount", { count: 2 })).toBe("2 competencies");
    expect(en("onion.description", { count: 1 })).toMatch(/^1 ring,/);
    expect(uiFor(model.ui, "zh-CN")("framework.competencyCount", { count: 1 })).toBe("共 1 项能力");
  });

  it("label punctuation comes from the locale", async () => {
    const model = await loadCourse(MINIMAL);
    expect(model.ui.en!["punct.colon"]).toBe(": ");
    expect(model.ui["zh-CN"]!["punct.colon"]).toBe("：");
  });
});

describe("course-tier interface text (i18n/<locale>.yaml in the course folder)", () => {
  it("overrides one engine string and leaves the others", async () => {
    const dir = await copy();
    await put(dir, "i18n/en.yaml", "nav:\n  home: Start page\n");
    const model = await loadCourse(dir, { strict: true });
    expect(model.ui.en!["nav.home"]).toBe("Start page");
    expect(model.ui.en!["nav.modules"]).toBe("Modules");
    expect(model.ui["zh-CN"]!["nav.home"]).toBe("首页");
  });

  it("an intentionally empty string is valid, in an override and in a new language", async () => {
    const dir = await copy();
    await put(dir, "i18n/en.yaml", 'footer:\n  generated: ""\nguide:\n  pageAfter:\n');
    const model = await loadCourse(dir, { strict: true });
    expect(model.ui.en!["footer.generated"]).toBe("");
    expect(model.ui.en!["guide.pageAfter"]).toBe("");
  });

  it("reports an unknown key with the key it probably meant", async () => {
    const dir = await copy();
    const text = "nav:\n  hom: Start page\n";
    await put(dir, "i18n/en.yaml", text);
    const findings = await findingsOf(dir);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "i18n/en.yaml",
      line: lineOf(text, "hom:"),
      message: "Unknown interface key `nav.hom`",
    });
    expect(findings[0]!.hint).toBe("Did you mean `nav.home`?");
  });

  it("new-locale round trip: every key, English text marked TODO; validates with one warning; translated, it is clean", async () => {
    const dir = await frenchCourse();
    // Without the file: the language is reported once, first, with what to run.
    const before = await findingsOf(dir);
    expect(before[0]!.message).toBe("The interface has no text for locale `fr`");
    expect(before.filter((f) => f.message.includes("no text for locale"))).toHaveLength(1);

    expect(await writeLocaleFile(dir, "fr")).toBe(join("i18n", "fr.yaml"));
    const written = await readFile(join(dir, "i18n/fr.yaml"), "utf8");
    const english = parse(await readFile(join(REPO_DIR, "templates/i18n/en.yaml"), "utf8"));
    const french = parse(written);
    expect(keysOf(french).sort()).toEqual(keysOf(english).sort());
    expect((french as { nav: { home: string } }).nav.home).toBe("TODO Home");

    const model = await loadCourse(dir);
    const todo = model.warnings.filter((f) => f.file === join("i18n", "fr.yaml"));
    expect(todo, describeFindings(model.warnings)).toHaveLength(1);
    expect(todo[0]!.message).toMatch(/^\d+ interface texts are still marked TODO$/);
    expect(model.ui.fr!["nav.home"]).toBe("TODO Home");

    await writeFile(join(dir, "i18n/fr.yaml"), written.replaceAll("TODO ", "FR "));
    const translated = await loadCourse(dir, { strict: true });
    expect(translated.ui.fr!["nav.home"]).toBe("FR Home");
    expect(translated.warnings).toEqual([]);
  });

  it("new-locale never overwrites without --force, and refuses a language the engine ships", async () => {
    const dir = await copy();
    await writeLocaleFile(dir, "es");
    await writeFile(join(dir, "i18n/es.yaml"), "nav:\n  home: Inicio\n");
    await expect(writeLocaleFile(dir, "es")).rejects.toThrow(/already exists.*--force/);
    expect(await readFile(join(dir, "i18n/es.yaml"), "utf8")).toBe("nav:\n  home: Inicio\n");
    await writeLocaleFile(dir, "es", true);
    expect(await readFile(join(dir, "i18n/es.yaml"), "utf8")).toContain("TODO Home");
    await expect(writeLocaleFile(dir, "zh-TW")).rejects.toBeInstanceOf(CourseError);
    await expect(writeLocaleFile(dir, "not a code")).rejects.toThrow(/not a language code/);
  });

  it("a course-tier file with keys missing says how many and how to refill it", async () => {
    const dir = await frenchCourse();
    await put(dir, "i18n/fr.yaml", "nav:\n  home: Accueil\n");
    const findings = await findingsOf(dir);
    const missing = findings.find(
      (f) => f.file === join("i18n", "fr.yaml") && /missing/.test(f.message),
    );
    expect(missing, describeFindings(findings)).toBeDefined();
    expect(missing!.message).toMatch(/^\d+ interface texts are missing in locale `fr`$/);
    expect(missing!.hint).toMatch(/new-locale -- fr --force/);
  });
});

describe("reserved ids", () => {
  it("a competency id that is a page path is a finding at its line, before anything is built", async () => {
    const dir = await copy();
    const text = await editFile(dir, FRAMEWORK, (t) => t.replaceAll("digital-skills", "handbook"));
    await rename(join(dir, "modules/digital-skills"), join(dir, "modules/handbook"));
    for (const f of ["en.md", "zh-CN.md"])
      await editFile(
        dir,
        `modules/handbook/${f}`,
        replaceOnce("competency: digital-skills", "competency: handbook"),
      );
    await editFile(dir, COURSE, replaceOnce("  - digital-skills", "  - handbook"));
    const findings = await findingsOf(dir);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: FRAMEWORK,
      line: lineOf(text, "- id: handbook"),
      message: "The id `handbook` is reserved: the site already has a page at that address",
    });
  });

  it("a layer id that is a page path is a finding too", async () => {
    const dir = await copy();
    const text = await editFile(dir, FRAMEWORK, replaceOnce("- id: motivation", "- id: search"));
    const findings = await findingsOf(dir);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: FRAMEWORK,
      line: lineOf(text, "- id: search"),
      dataPath: "layers[0].id",
    });
  });
});

describe("the source is optional", () => {
  it("without `source`, course.yaml must give version and published", async () => {
    const dir = await copy();
    await editFile(dir, COURSE, (t) => t.replace(/^source:\n(?: {2}.*\n)+/m, ""));
    const findings = await findingsOf(dir);
    expect(findings.map((f) => f.message)).toEqual([
      "Without a published `source`, course.yaml must give `version`",
      "Without a published `source`, course.yaml must give `published`",
    ]);
    await editFile(dir, COURSE, (t) => `${t}version: "2.1"\npublished: 2026-11-15\n`);
    const model = await loadCourse(dir, { strict: true });
    expect(model.settings.source).toBeUndefined();
    expect(model.settings.version).toBe("2.1");
  });
});

describe("npm run new-course", () => {
  it("writes a starter course that validates apart from its TODOs, in a language the engine does not ship", async () => {
    const dir = join(await tempDir("new-course-"), "handover");
    made.push(dirname(dir));
    const written = await writeStarterCourse(dir, "en,fr", false, "2026-11-15");
    expect(written).toContain("i18n/fr.yaml");
    expect(written).not.toContain("i18n/en.yaml");
    const model = await loadCourse(dir);
    expect(model.modules.map((m) => m.competencyId)).toEqual(["first-competency"]);
    expect(model.locales).toEqual(["en", "fr"]);
    expect(model.reflection?.prompts).toHaveLength(1);
    expect(model.warnings.every((f) => /TODO/.test(f.message) || /TODO/.test(f.hint))).toBe(true);
    const strict = await findingsOf(dir);
    expect(
      strict.every((f) => /TODO/.test(f.message) || /TODO/.test(f.hint)),
      describeFindings(strict),
    ).toBe(true);
  });

  it("never overwrites an existing file without --force", async () => {
    const dir = join(await tempDir("new-course-"), "c");
    made.push(dirname(dir));
    await writeStarterCourse(dir, "en", false);
    await writeFile(join(dir, COURSE), "# mine\n");
    await expect(writeStarterCourse(dir, "en", false)).rejects.toThrow(
      /already has framework\/course.yaml.*nothing was written/,
    );
    expect(await readFile(join(dir, COURSE), "utf8")).toBe("# mine\n");
    await writeStarterCourse(dir, "en", true);
    expect(await readFile(join(dir, COURSE), "utf8")).toContain("caseSettings:");
  });
});
