import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { CourseModel } from "../../src/course/model.ts";
import { storeKey } from "../../src/pages/store-key.ts";
import { buildInTemp } from "../helpers/build.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";
import { loadStoreScript } from "../helpers/store.ts";

const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

let model: CourseModel;
let out: string;
beforeAll(async () => {
  ({ model, out } = await sharedBuild("default"));
});
const read = (path: string) => readFile(join(out, path), "utf8");

/** The cells of each body row of the first table with class `className`, tags stripped. */
function tableRows(html: string, className: string): string[][] {
  const table =
    new RegExp(`<table class="(?:[^"]* )?${className}(?: [^"]*)?">([\\s\\S]*?)</table>`).exec(
      html,
    )?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
      c[1]!.replace(/<[^>]+>/g, "").trim(),
    ),
  );
}

/** "1:05" as 65 minutes, "12" as 12; anything else NaN. */
const minutesOf = (cell: string) => {
  const [h, m] = cell.split(":");
  return m === undefined ? Number(h) : Number(h) * 60 + Number(m);
};

describe("the printed guide's session plan", () => {
  it("has one row per activity, in order, with its minutes and running total, and the total", async () => {
    expect(model.modules.length).toBeGreaterThan(0);
    for (const m of model.modules)
      for (const locale of model.locales) {
        const v = m.versions[locale]!;
        const html = await read(`${locale}/facilitators/${m.competencyId}/index.html`);
        const rows = tableRows(html, "session-plan");
        const where = `${locale}/${m.competencyId}`;
        expect(rows.length, where).toBe(v.activities.length);
        let clock = 0;
        rows.forEach((cells, i) => {
          const a = v.activities[i]!;
          expect(cells.join(" | "), where).toContain(a.title.replace(/&/g, "&amp;"));
          expect(cells.map(minutesOf), where).toEqual(
            expect.arrayContaining([clock, a.minutes, clock + a.minutes]),
          );
          clock += a.minutes;
        });
        expect(clock, where).toBe(v.duration);
        const foot = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(
          /<table class="session-plan[^"]*">[\s\S]*?<\/table>/.exec(html)![0],
        )![1]!;
        expect(foot, where).toContain(String(v.duration));
      }
  });
});

/** Every interface text of `en` that `zh-CN` words differently, split at placeholders. */
async function englishOnlyTexts(): Promise<{ key: string; text: string }[]> {
  const flatten = (v: unknown, p = "", o: Record<string, string> = {}) => {
    if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) flatten(x, p ? `${p}.${k}` : k, o);
    else if (typeof v === "string") o[p] = v;
    return o;
  };
  const en = flatten(parse(await readFile(join(REPO_DIR, "templates/i18n/en.yaml"), "utf8")));
  const zh = flatten(parse(await readFile(join(REPO_DIR, "templates/i18n/zh-CN.yaml"), "utf8")));
  return Object.entries(en)
    .filter(([key, value]) => zh[key] !== value && !key.startsWith("meta.languageName"))
    .flatMap(([key, value]) =>
      value
        .split(/\{[^}]*\}/)
        .map((s) => s.trim())
        .filter((s) => /[A-Za-z]{3,}/.test(s))
        .map((text) => ({ key, text })),
    );
}

/** What a reader sees of a page: text outside scripts, styles and code examples, plus labels. */
function visibleText(html: string): string {
  const labels = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map(
    (m) => m[1],
  );
  const text = html
    .replace(/<(script|style|pre|code)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&");
  return `${text} ${labels.join(" ")}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true }))
    .filter((f) => f.endsWith(".html"))
    .map((f) => join(dir, f));
}

describe("Chinese pages", () => {
  it("show no English interface text on any page", async () => {
    const texts = await englishOnlyTexts();
    expect(texts.length).toBeGreaterThan(100);
    const files = await htmlFiles(join(out, "zh-CN"));
    expect(files.length).toBe(model.pages.filter((p) => p.locale === "zh-CN").length);
    const leaks: string[] = [];
    for (const file of files) {
      const seen = visibleText(await readFile(file, "utf8"));
      for (const { key, text } of texts) {
        const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if (new RegExp(`(?<![A-Za-z._/[-])${escaped}(?![A-Za-z._/[\\]-])`).test(seen))
          leaks.push(`${file.slice(out.length)}: ${key} "${text}"`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe("markup in any text of the framework", () => {
  it("is shown as text on every page, never as markup", async () => {
    const dir = await tempDir("markup-course-");
    cleanup.push(dir);
    for (const part of ["framework", "modules"])
      await cp(join(REPO_DIR, part), join(dir, part), { recursive: true });
    const file = join(dir, "framework/framework.yaml");
    const data = parse(await readFile(file, "utf8"));
    let marked = 0;
    const mark = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(mark);
      if (!value || typeof value !== "object") return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => {
          if (typeof v === "string" && model.locales.includes(k)) {
            marked++;
            return [k, `<u data-injected>${v}</u>`];
          }
          return [k, mark(v)];
        }),
      );
    };
    await writeFile(file, stringify(mark(data)));
    expect(marked).toBeGreaterThan(50);
    const built = await buildInTemp(dir);
    cleanup.push(join(built.out, ".."));
    let escapedSeen = 0;
    for (const page of await htmlFiles(built.out)) {
      const html = await readFile(page, "utf8");
      expect(html, page).not.toContain("<u data-injected>");
      escapedSeen += html.split("&lt;u data-injected&gt;").length - 1;
    }
    expect(escapedSeen).toBeGreaterThan(marked);
    // Categories, level descriptors and the scale appear where they are taught.
    const competency = model.competencies.find(
      (c) => c.competency.categories.length && c.competency.levels,
    )!;
    const page = await readFile(
      join(built.out, `en/framework/${competency.layer.id}/${competency.competency.id}/index.html`),
      "utf8",
    );
    expect(page).toContain(
      `&lt;u data-injected&gt;${competency.competency.categories[0]!.title.en}`,
    );
  });
});

describe("learner data of two courses on one host", () => {
  it("is kept under different keys, and each refuses the other's backup", async () => {
    const other = await sharedBuild("four-layers");
    // The pages whose scripts keep learner data carry the key (both courses have a self-assessment).
    const keyOf = async (site: string, locale: string) =>
      /data-store-key="([^"]+)"/.exec(
        await readFile(join(site, locale, "assess", "index.html"), "utf8"),
      )![1]!;
    const a = await keyOf(out, "en");
    const b = await keyOf(other.out, "en");
    expect(a).toBe(storeKey(model));
    expect(await keyOf(out, "zh-CN")).toBe(a);
    expect(b).not.toBe(a);
    const Store = loadStoreScript();
    const backup = Store.exportJson(a, Store.empty(), new Date("2026-01-01T00:00:00Z"));
    expect(() => Store.parseBackup(backup, b)).toThrow(
      expect.objectContaining({ code: "foreign" }),
    );
    expect(() => Store.parseBackup(backup, a)).not.toThrow();
  });
});
