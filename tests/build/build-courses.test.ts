import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { ValidationError } from "../../src/errors.ts";
import type { CourseModel } from "../../src/course/model.ts";
import { measurePageWeight } from "../../bench/page-weight.ts";
import { sharedBuild } from "../helpers/shared-site.ts";
import { copyCourse, editFile, replaceOnce } from "../helpers/courses.ts";
import { fixture, REPO_DIR, tempDir } from "../helpers/paths.ts";

const cleanup: string[] = [];
afterAll(async () => {
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every file under `dir`, as sorted posix paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => posix.join(posix.relative(dir, e.parentPath).split("\\").join("/"), e.name))
    .sort();
}

/** A map from each file and folder under `dir` to a hash of its bytes (folders map to "dir"). */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const rel = posix.join(posix.relative(dir, e.parentPath), e.name);
    out[rel] = e.isDirectory()
      ? "dir"
      : createHash("sha256")
          .update(await readFile(join(e.parentPath, e.name)))
          .digest("hex");
  }
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The visible text of some HTML: tags dropped, entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** Text with all whitespace removed, to compare prose across line wrapping and markup. */
const squash = (text: string) => text.replace(/\s+/g, "");

/** `href` and `src` values in some HTML. */
function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/**
 * The site file a link on `page` points to, or undefined for external links, anchors and PDFs (the
 * PDFs are rendered by `npm run pdf` after the build, so a build alone does not have them).
 */
function linkTarget(page: string, href: string, pathPrefix: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("//"))
    return undefined;
  const path = href.split("#")[0]!.split("?")[0]!;
  if (!path || path.endsWith(".pdf")) return undefined;
  const resolved = path.startsWith("/")
    ? path.startsWith(pathPrefix)
      ? path.slice(pathPrefix.length)
      : `(outside the path prefix)${path}`
    : posix.normalize(posix.join(posix.dirname(page), path));
  return resolved.endsWith("/") || resolved === "" ? `${resolved}index.html` : resolved;
}

/**
 * Every internal link of the built site whose target file does not exist, or whose `#anchor` names
 * no id in its target, as "page → href".
 */
async function brokenLinks(
  files: string[],
  read: (file: string) => Promise<string>,
  pathPrefix: string,
): Promise<string[]> {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!ids.has(file))
      ids.set(file, new Set([...(await read(file)).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    return ids.get(file)!;
  };
  for (const page of files.filter((f) => f.endsWith(".html"))) {
    for (const href of linksIn(await read(page))) {
      const anchor = href.includes("#")
        ? decodeURIComponent(href.slice(href.indexOf("#") + 1))
        : "";
      const target = href.startsWith("#") ? page : linkTarget(page, href, pathPrefix);
      if (target === undefined) continue;
      if (!files.includes(target)) broken.push(`${page} → ${href}`);
      else if (anchor && target.endsWith(".html") && !(await idsOf(target)).has(anchor))
        broken.push(`${page} → ${href} (no such anchor)`);
    }
  }
  return broken;
}

/** The `<svg class="onion">` element of a page. */
function onionSvg(html: string): string {
  const svg = /<svg class="onion"[\s\S]*?<\/svg>/.exec(html)?.[0];
  if (!svg) throw new Error("No onion diagram on the page");
  return svg;
}

describe("the default course (repository root)", () => {
  let out: string;
  let model: CourseModel;
  let files: string[];
  const read = (file: string) => readFile(join(out, file), "utf8");

  beforeAll(async () => {
    ({ out, model } = await sharedBuild("default"));
    files = await listFiles(out);
  });

  it("sends visitors to the default locale and offers every locale from the root page", async () => {
    const root = await read("index.html");
    expect(root).toContain(
      `<meta http-equiv="refresh" content="0; url=${model.defaultLocale}/index.html">`,
    );
    for (const l of model.locales) expect(root).toContain(`href="${l}/index.html" hreflang="${l}"`);
    expect(model.locales.length).toBeGreaterThan(1);
  });

  it("has every page in every locale", async () => {
    const moduleIds = (await readdir(join(REPO_DIR, "modules"), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(moduleIds.length).toBeGreaterThan(0);
    const expected = ["index.html", "404.html"];
    for (const l of model.locales) {
      expected.push(
        `${l}/index.html`,
        `${l}/framework/index.html`,
        `${l}/about/index.html`,
        `${l}/404.html`,
        `${l}/modules/index.html`,
      );
      for (const layer of model.framework.layers) {
        expected.push(`${l}/framework/${layer.id}/index.html`);
        for (const c of layer.competencies)
          expected.push(`${l}/framework/${layer.id}/${c.id}/index.html`);
      }
      for (const id of moduleIds) expected.push(`${l}/modules/${id}/index.html`);
    }
    const missing = expected.filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
  });

  it("names each layer, competency and module on its own page, in that page's language", async () => {
    for (const l of model.locales) {
      for (const layer of model.framework.layers) {
        const page = textOf(await read(`${l}/framework/${layer.id}/index.html`));
        expect(page).toContain(layer.title[l]);
        for (const c of layer.competencies) {
          expect(page).toContain(c.title[l]);
          const own = textOf(await read(`${l}/framework/${layer.id}/${c.id}/index.html`));
          expect(own).toContain(c.title[l]);
          expect(own).toContain(textOf(c.summary[l]!));
        }
      }
      for (const m of model.modules) {
        const page = textOf(await read(`${l}/modules/${m.competencyId}/index.html`));
        expect(page).toContain(m.versions[l]!.title);
      }
    }
  });

  it("sets `lang` on <html> and a non-empty <title> on every page", async () => {
    const pages = files.filter((f) => f.endsWith(".html"));
    for (const page of pages) {
      const html = await read(page);
      const locale = model.locales.find((l) => page.startsWith(`${l}/`)) ?? model.defaultLocale;
      expect(html, page).toMatch(new RegExp(`<html lang="${locale}"[ >]`));
      expect(/<title>([^<]+)<\/title>/.exec(html)?.[1]?.trim(), page).toBeTruthy();
    }
  });

  it("has a root index.html that redirects to the default locale and links every locale", async () => {
    const html = await read("index.html");
    const refresh = /<meta http-equiv="refresh" content="0; ?url=([^"]+)"/i.exec(html);
    expect(refresh?.[1]).toBe(`${model.defaultLocale}/index.html`);
    for (const l of model.locales) {
      expect(html).toMatch(new RegExp(`<a href="${l}/index\\.html" hreflang="${l}"`));
      expect(files).toContain(`${l}/index.html`);
    }
  });

  it("draws the onion on the home page, a link per layer and per competency, with <title> and <desc>", async () => {
    for (const l of model.locales) {
      const page = `${l}/index.html`;
      const svg = onionSvg(await read(page));
      const titleId = /<title id="([^"]+)">([^<]+)<\/title>/.exec(svg);
      const descId = /<desc id="([^"]+)">([^<]+)<\/desc>/.exec(svg);
      expect(titleId?.[2]?.trim()).toBeTruthy();
      expect(descId?.[2]?.trim()).toBeTruthy();
      expect(svg).toContain(`aria-labelledby="${titleId![1]}"`);
      expect(svg).toContain(`aria-describedby="${descId![1]}"`);

      const hrefs = [...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
      expect(hrefs.map((h) => linkTarget(page, h, "/")).sort()).toEqual(
        model.framework.layers
          .flatMap((layer) => [
            `${l}/framework/${layer.id}/index.html`,
            ...layer.competencies.map((c) => `${l}/framework/${layer.id}/${c.id}/index.html`),
          ])
          .sort(),
      );
      for (const layer of model.framework.layers) {
        expect(textOf(svg)).toContain(layer.title[l]);
        for (const c of layer.competencies) expect(textOf(svg)).toContain(c.title[l]);
      }
    }
  });

  it("labels provenance: named in the paper, or added by this course", async () => {
    for (const l of model.locales) {
      const paper = model.ui[l]!["provenance.paper"]!;
      const course = model.ui[l]!["provenance.course"]!;
      const framework = textOf(await read(`${l}/framework/index.html`));
      expect(framework).toContain(paper);
      expect(framework).toContain(course);
      for (const { competency, layer } of model.competencies) {
        const html = await read(`${l}/framework/${layer.id}/${competency.id}/index.html`);
        expect(html).toContain(
          `class="prov prov--${competency.provenance}">${competency.provenance === "paper" ? paper : course}<`,
        );
      }
    }
  });

  it("links only to files that exist", async () => {
    expect(await brokenLinks(files, read, model.settings.pathPrefix)).toEqual([]);
  });

  it("gives no two elements of a page the same id, so each in-page link has one target", async () => {
    // The handbook page lists every guide and its sections, linked on the guides' own pages (the
    // handbook PDF holds the guides).
    const handbook = await read("en/facilitators/handbook/index.html");
    for (const m of model.modules)
      expect(handbook).toContain(`href="../${m.competencyId}/index.html#${m.competencyId}-plan"`);
    const repeated: string[] = [];
    for (const page of files.filter((f) => f.endsWith(".html"))) {
      const ids = [...(await read(page)).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i)))
        repeated.push(`${page}: ${id}`);
    }
    expect(repeated).toEqual([]);
  });

  it("keeps within the page weight targets in every locale (module page: engine share ≤ 36 KB raw, ≤ 25 KB gzip; JS ≤ 15 KB gzip)", async () => {
    for (const locale of model.locales) {
      const weight = await measurePageWeight(out, model, locale);
      expect(weight.pages.some((p) => p.type === "module")).toBe(true);
      expect(weight.pages.flatMap((p) => p.missingAssets)).toEqual([]);
      expect(weight.targets.length).toBe(4);
      expect(weight.targets.filter((t) => !t.pass)).toEqual([]);
    }
  });

  it("ships minified stylesheets and scripts", async () => {
    const assets = files.filter((f) => /^assets\/[^/]+\.(css|js)$/.test(f));
    expect(assets.length).toBeGreaterThan(5);
    for (const file of assets) {
      const text = await read(file);
      expect(text.split("\n").length, file).toBeLessThan(5);
      expect(text, file).not.toMatch(/\/\*(?!!)/);
    }
  });

  describe("facilitator notes", () => {
    /**
     * Pages meant for facilitators only (guides and handbooks under /<locale>/facilitators/); every
     * other file of the site is one a learner can get, and may not carry the notes.
     */
    const FACILITATOR_ONLY = /^[^/]+\/facilitators\//;

    interface Note {
      file: string;
      line: number;
      competencyId: string;
      locale: string;
      sentence: string;
    }

    /** The longest sentence of a note with no Markdown markup left in it. */
    function distinctiveSentence(block: string): string {
      const text = block
        .split("\n")
        .map((l) =>
          l
            .replace(/^\s*(?:[-*+]|\d+\.)\s+/, "")
            .replace(/^\s*>\s?/, "")
            .replace(/^#+\s+/, ""),
        )
        .join(" ");
      const sentences = text
        .split(/(?<=[.!?。！？；;])\s*/)
        .map((s) =>
          s
            .replace(/\*{1,2}/g, "")
            .replace(/^[\s"'”’）)]+/, "")
            .trim(),
        )
        .filter((s) => !/[[\]`<>{}|\\_]/.test(s));
      const best = sentences.sort((a, b) => b.length - a.length)[0] ?? "";
      return best;
    }

    async function facilitatorNotes(): Promise<Note[]> {
      const notes: Note[] = [];
      const dirs = (await readdir(join(REPO_DIR, "modules"), { withFileTypes: true })).filter((d) =>
        d.isDirectory(),
      );
      for (const dir of dirs) {
        for (const name of await readdir(join(REPO_DIR, "modules", dir.name))) {
          if (!name.endsWith(".md")) continue;
          const file = `modules/${dir.name}/${name}`;
          const lines = (await readFile(join(REPO_DIR, file), "utf8")).split("\n");
          for (let i = 0; i < lines.length; i++) {
            const open = /^(:{3,})\s*facilitator\s*$/.exec(lines[i]!);
            if (!open) continue;
            let end = i + 1;
            while (end < lines.length) {
              const close = /^(:{3,})\s*$/.exec(lines[end]!);
              if (close && close[1]!.length >= open[1]!.length) break;
              end++;
            }
            notes.push({
              file,
              line: i + 1,
              competencyId: dir.name,
              locale: name.slice(0, -3),
              sentence: distinctiveSentence(lines.slice(i + 1, end).join("\n")),
            });
            i = end;
          }
        }
      }
      return notes;
    }

    let notes: Note[];
    beforeAll(async () => {
      notes = await facilitatorNotes();
    });

    it("finds a distinctive sentence in every note, and the guide view has it", () => {
      expect(notes.length).toBeGreaterThan(4);
      for (const note of notes) {
        const where = `${note.file}:${note.line}`;
        expect(note.sentence.length, where).toBeGreaterThanOrEqual(12);
        const version = model.modules.find((m) => m.competencyId === note.competencyId)?.versions[
          note.locale
        ];
        expect(version, where).toBeDefined();
        // The control: the sentence is found where facilitators do see it.
        expect(squash(textOf(version!.guideHtml)), where).toContain(squash(note.sentence));
        expect(squash(textOf(version!.learnerHtml)), where).not.toContain(squash(note.sentence));
      }
    });

    it("gives every note to facilitators, in the guide for its module", async () => {
      for (const note of notes) {
        const page = `${note.locale}/facilitators/${note.competencyId}/index.html`;
        expect(files).toContain(page);
        const text = squash(textOf(await read(page)));
        expect(text, `${note.file}:${note.line} on ${page}`).toContain(squash(note.sentence));
      }
    });

    it("keeps every note off its module page", async () => {
      for (const note of notes) {
        const page = `${note.locale}/modules/${note.competencyId}/index.html`;
        expect(files).toContain(page);
        const text = squash(textOf(await read(page)));
        expect(text, `${note.file}:${note.line} on ${page}`).not.toContain(squash(note.sentence));
      }
    });

    it("keeps every note out of every file a learner gets", async () => {
      const learnerFiles = files.filter(
        (f) => !FACILITATOR_ONLY.test(f) && /\.(?:html|js|css|json|xml|txt|svg)$/.test(f),
      );
      expect(learnerFiles.length).toBeGreaterThan(20);
      const leaks: string[] = [];
      for (const file of learnerFiles) {
        const raw = await read(file);
        const text = squash(file.endsWith(".html") ? textOf(raw) : decodeEntities(raw));
        for (const note of notes)
          if (text.includes(squash(note.sentence)))
            leaks.push(`${note.file}:${note.line} → ${file}`);
      }
      expect(leaks).toEqual([]);
    });
  });
});

describe("the four-layers fixture, built with no code change", () => {
  let out: string;
  let model: CourseModel;
  let files: string[];
  const read = (file: string) => readFile(join(out, file), "utf8");

  beforeAll(async () => {
    ({ out, model } = await sharedBuild("four-layers"));
    files = await listFiles(out);
  });

  it("builds only /en/: no folder for any other locale", async () => {
    expect(model.locales).toEqual(["en"]);
    expect(existsSync(join(out, "zh-CN"))).toBe(false);
    const topFolders = (await readdir(out, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .filter((name) => name !== "assets" && name !== "pagefind");
    expect(topFolders).toEqual(["en"]);
    expect(files.some((f) => /zh-CN/.test(f))).toBe(false);
  });

  it("draws four rings, each linking to its layer", async () => {
    const svg = onionSvg(await read("en/index.html"));
    expect(svg.match(/<circle /g)).toHaveLength(4);
    const hrefs = [...svg.matchAll(/<a href="([^"]+)" class="onion-ring"/g)].map((m) => m[1]!);
    expect(hrefs.map((h) => linkTarget("en/index.html", h, "/")).sort()).toEqual(
      [
        "en/framework/professional-values/index.html",
        "en/framework/self-leadership/index.html",
        "en/framework/system-leadership/index.html",
        "en/framework/team-leadership/index.html",
      ].sort(),
    );
    expect(textOf(svg)).toMatch(/\b4\b/);
  });

  it("shows its own names: layers, competencies, scale, organisation and modules", async () => {
    const framework = textOf(await read("en/framework/index.html"));
    for (const name of [
      "Professional values",
      "Leading yourself",
      "Leading the ward team",
      "Leading across the hospital",
      "Compassionate purpose",
      "Self-awareness",
      "Safe delegation",
      "Escalating concerns",
    ])
      expect(framework).toContain(name);
    const home = await read("en/index.html");
    expect(textOf(home)).toContain("Leading on the ward: a nursing leadership programme");
    expect(textOf(home)).toContain("Example Hospital Nursing Directorate");
    const assessed = textOf(await read("en/framework/self-leadership/self-awareness/index.html"));
    for (const level of ["Emerging", "Established", "Leading others"])
      expect(assessed).toContain(level);
    expect(assessed).toContain("Notices their stress during a shift and adjusts their tone.");
    expect(files).toContain("en/modules/safe-delegation/index.html");
    expect(files).toContain("en/modules/escalating-concerns/index.html");
  });

  it("teaches the modules in the framework's order when `programme` is omitted", async () => {
    expect(model.settings.programme).toBeUndefined();
    expect(model.modules.map((m) => m.competencyId)).toEqual([
      "safe-delegation",
      "escalating-concerns",
    ]);
    const outline = await read("en/modules/index.html");
    expect(outline.indexOf("Delegating safely on a busy shift")).toBeGreaterThan(-1);
    expect(outline.indexOf("Delegating safely on a busy shift")).toBeLessThan(
      outline.indexOf("Escalating a safety concern"),
    );
  });

  it("uses its path prefix for the site-wide 404 page", async () => {
    expect(model.settings.pathPrefix).toBe("/training/leadership/");
    const links = linksIn(await read("404.html"));
    expect(links.some((href) => /^\/training\/leadership\/en\/(?:index\.html)?$/.test(href))).toBe(
      true,
    );
    for (const href of links) expect(href).toMatch(/^\/training\/leadership\//);
  });

  it("carries nothing over from the default course", async () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = await read(file);
      expect(html, file).not.toContain("Kong D");
      expect(html, file).not.toContain("From clinics to clicks");
      expect(html, file).not.toMatch(/<html lang="zh-CN"/);
    }
  });

  it("links only to files that exist", async () => {
    expect(await brokenLinks(files, read, model.settings.pathPrefix)).toEqual([]);
  });
});

describe("a failed build", () => {
  const MINIMAL = fixture("minimal");

  /** A folder holding only `site/`, a site built from the minimal course. */
  async function previousSite() {
    const root = await tempDir("course-previous-");
    cleanup.push(root);
    const out = join(root, "site");
    await buildSite({ courseDir: MINIMAL, outputDir: out, strict: true, search: false });
    // A file only the previous build has, to tell the sites apart.
    await writeFile(join(out, "previous-build.txt"), "previous\n");
    return { root, out, before: await hashTree(out) };
  }

  it("of a broken course leaves the previous site byte-for-byte unchanged", async () => {
    const { root, out, before } = await previousSite();
    expect(Object.keys(before)).toContain("en/index.html");
    const broken = await copyCourse(MINIMAL);
    cleanup.push(broken);
    await editFile(
      broken,
      "framework/framework.yaml",
      replaceOnce("        trainable: true", "        trainable: yes"),
    );

    await expect(
      buildSite({ courseDir: broken, outputDir: out, strict: true, search: false }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(root)).toEqual(["site"]);
  });

  it("that fails after rendering leaves the previous site unchanged and no staging folder", async () => {
    const { root, out, before } = await previousSite();
    vi.resetModules();
    vi.doMock("../../src/build/search-index.ts", () => ({
      indexSearch: async () => {
        throw new Error("simulated failure while indexing");
      },
    }));
    try {
      const { buildSite: build } = await import("../../src/build/build-site.ts");
      await expect(
        build({ courseDir: MINIMAL, outputDir: out, strict: true, search: true }),
      ).rejects.toThrow("simulated failure while indexing");
    } finally {
      vi.doUnmock("../../src/build/search-index.ts");
      vi.resetModules();
    }
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(root)).toEqual(["site"]);
  });

  it("is followed by a good build that replaces the whole folder and leaves nothing beside it", async () => {
    const { root, out, before } = await previousSite();
    await buildSite({ courseDir: fixture("four-layers"), outputDir: out, search: false });
    const after = await hashTree(out);
    expect(after).not.toHaveProperty(["previous-build.txt"]);
    expect(after).not.toHaveProperty(["zh-CN/index.html"]);
    expect(after).toHaveProperty(["en/modules/safe-delegation/index.html"]);
    expect(Object.keys(before)).toContain("zh-CN/index.html");
    expect(await readdir(root)).toEqual(["site"]);
  });
});
