/**
 * Synthetic courses for the benchmark, generated from the real default course: the real scale,
 * the real course settings (without `programme`), and the real modules' text, with ids rewritten.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { splitFrontMatter } from "../src/modules/front-matter.ts";

type Localized = Record<string, string>;
interface RealCategory {
  id: string;
  title: Localized;
  summary?: Localized;
  provenance: string;
}
interface RealCompetency {
  id: string;
  title: Localized;
  summary: Localized;
  provenance: string;
  trainable: boolean;
  categories?: RealCategory[];
  levels?: Record<string, Localized>;
}
interface RealLayer {
  id: string;
  title: Localized;
  summary: Localized;
  competencies: RealCompetency[];
}
interface RealFramework {
  scale: { levels: unknown[] } & Record<string, unknown>;
  layers: RealLayer[];
}

export const BENCH_LOCALES = ["en", "zh-CN"] as const;
export const LAYER_COUNT = 4;

const pad = (i: number) => String(i + 1).padStart(4, "0");
export const competencyId = (i: number) => `comp-${pad(i)}`;
const categoryId = (i: number, k: number) => `${competencyId(i)}-cat-${k + 1}`;

/** What the synthetic courses are made from, read once from the repository. */
export interface Material {
  framework: RealFramework;
  course: Record<string, unknown>;
  /** The real trainable competencies, in framework order. */
  templates: RealCompetency[];
  /** modules[t][locale]: the real module text of templates[t]. */
  modules: Record<string, string>[];
  /** The real framework/reflection.yaml, parsed, when the course has one. */
  reflection?: Reflection;
}

interface Reflection {
  prompts: { about: string; modules?: string[] }[];
  showSupportWith?: string[];
  [key: string]: unknown;
}

export async function readMaterial(repoRoot: string): Promise<Material> {
  const framework = parse(
    await readFile(join(repoRoot, "framework/framework.yaml"), "utf8"),
  ) as RealFramework;
  const course = parse(await readFile(join(repoRoot, "framework/course.yaml"), "utf8")) as Record<
    string,
    unknown
  >;
  const templates = framework.layers.flatMap((l) => l.competencies).filter((c) => c.trainable);
  if (templates.length === 0) throw new Error("The default framework has no trainable competency");
  const modules: Record<string, string>[] = [];
  for (const t of templates) {
    const byLocale: Record<string, string> = {};
    for (const locale of BENCH_LOCALES)
      byLocale[locale] = await readFile(join(repoRoot, "modules", t.id, `${locale}.md`), "utf8");
    modules.push(byLocale);
  }
  const reflectionText = await readFile(join(repoRoot, "framework/reflection.yaml"), "utf8").catch(
    () => undefined,
  );
  const reflection =
    reflectionText === undefined ? undefined : (parse(reflectionText) as Reflection);
  return { framework, course, templates, modules, reflection };
}

/** Layer, competency and category ids in file order, as the validator lists them. */
function idsInOrder(layers: { id: string; competencies: RealCompetency[] }[]): string[] {
  return layers.flatMap((l) => [
    l.id,
    ...l.competencies.flatMap((c) => [c.id, ...(c.categories ?? []).map((k) => k.id)]),
  ]);
}

const suffix = (text: Localized, n: number): Localized =>
  Object.fromEntries(Object.entries(text).map(([l, s]) => [l, `${s} ${n}`]));

/** The module of template `t` rewritten for synthetic competency `i`. */
export function rewriteModule(source: string, material: Material, t: number, i: number): string {
  const template = material.templates[t]!;
  const categoryMap = new Map((template.categories ?? []).map((c, k) => [c.id, categoryId(i, k)]));
  const withId = source.replace(/^competency:.*$/m, `competency: ${competencyId(i)}`);
  return withId.replace(
    /\{serves="([^"]*)"\}/g,
    (_all, ids: string) =>
      `{serves="${ids
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => categoryMap.get(id) ?? id)
        .join(" ")}"}`,
  );
}

/**
 * Writes `framework/framework.yaml`, `framework/course.yaml` and `modules/<id>/<locale>.md` for
 * `n` trainable competencies spread over LAYER_COUNT layers. Returns the module files written.
 */
export async function writeSyntheticCourse(
  dir: string,
  n: number,
  material: Material,
): Promise<{ moduleFiles: { id: string; locale: string; path: string }[] }> {
  const realLayer =
    material.framework.layers.find((l) => l.competencies.some((c) => c.trainable)) ??
    material.framework.layers[0]!;
  const layers = Array.from({ length: LAYER_COUNT }, (_, li) => ({
    id: `layer-${li + 1}`,
    title: { en: `Layer ${li + 1}`, "zh-CN": `第${li + 1}层` },
    summary: realLayer.summary,
    treatment: "train",
    assessed: true,
    provenance: "course",
    competencies: [] as unknown[],
  }));
  for (let i = 0; i < n; i++) {
    const t = i % material.templates.length;
    const template = material.templates[t]!;
    const layer = layers[Math.min(LAYER_COUNT - 1, Math.floor((i * LAYER_COUNT) / n))]!;
    // Copies after the first round of templates have one-line summaries and level descriptors and
    // no category summaries, so that N=512 stays under the loader's 1 MB limit for one course file
    // (modules, the heavy pages, are still the real ones).
    const firstCopy = i < material.templates.length;
    const short = (what: string): Localized => ({
      en: `${what} of synthetic competency ${i + 1}.`,
      "zh-CN": `合成能力 ${i + 1} 的${what === "Summary" ? "概述" : "等级描述"}。`,
    });
    const levels =
      firstCopy || !template.levels
        ? template.levels
        : Object.fromEntries(Object.keys(template.levels).map((k) => [k, short("Level")]));
    layer.competencies.push({
      id: competencyId(i),
      title: suffix(template.title, i + 1),
      summary: firstCopy ? template.summary : short("Summary"),
      provenance: "course",
      trainable: true,
      categories: (template.categories ?? []).map((c, k) => ({
        id: categoryId(i, k),
        title: c.title,
        ...(c.summary && firstCopy ? { summary: c.summary } : {}),
        provenance: "course",
      })),
      levels,
    });
  }
  const framework = {
    scale: material.framework.scale,
    layers: layers.filter((l) => l.competencies.length),
  };
  const { programme: _programme, ...course } = material.course;
  await mkdir(join(dir, "framework"), { recursive: true });
  await writeFile(
    join(dir, "framework/framework.yaml"),
    stringify(framework, { lineWidth: 0, aliasDuplicateObjects: false }),
  );
  await writeFile(
    join(dir, "framework/course.yaml"),
    stringify(course, { lineWidth: 0, aliasDuplicateObjects: false }),
  );

  if (material.reflection) {
    // The real prompts, with every framework id mapped to the synthetic id at the same position
    // (wrapping) and every module to the synthetic competency that copies it.
    const real = idsInOrder(material.framework.layers);
    const synthetic = idsInOrder(
      framework.layers as { id: string; competencies: RealCompetency[] }[],
    );
    const mapId = (id: string) => synthetic[Math.max(0, real.indexOf(id)) % synthetic.length]!;
    const mapModule = (id: string) =>
      competencyId(
        Math.max(
          0,
          material.templates.findIndex((t) => t.id === id),
        ) % n,
      );
    const reflection: Reflection = {
      ...material.reflection,
      showSupportWith: (material.reflection.showSupportWith ?? []).map(mapId),
      prompts: material.reflection.prompts.map((p) => ({
        ...p,
        about: mapId(p.about),
        ...(p.modules ? { modules: p.modules.map(mapModule) } : {}),
      })),
    };
    await writeFile(
      join(dir, "framework/reflection.yaml"),
      stringify(reflection, { lineWidth: 0, aliasDuplicateObjects: false }),
    );
  }

  const moduleFiles: { id: string; locale: string; path: string }[] = [];
  for (let i = 0; i < n; i++) {
    const t = i % material.templates.length;
    const id = competencyId(i);
    await mkdir(join(dir, "modules", id), { recursive: true });
    for (const locale of BENCH_LOCALES) {
      const path = join(dir, "modules", id, `${locale}.md`);
      await writeFile(path, rewriteModule(material.modules[t]![locale]!, material, t, i));
      moduleFiles.push({ id, locale, path });
    }
  }
  return { moduleFiles };
}

/**
 * A bare Eleventy project with the same Markdown bodies: `m/<locale>/<id>.md` with only a title in
 * the front matter, one Nunjucks layout, and a directory data file that applies the layout.
 */
export async function writeBareEleventyInput(
  dir: string,
  moduleFiles: { id: string; locale: string; path: string }[],
): Promise<void> {
  await mkdir(join(dir, "_includes"), { recursive: true });
  await writeFile(
    join(dir, "_includes/page.njk"),
    `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
</head>
<body>
<main>
<h1>{{ title }}</h1>
{{ content | safe }}
</main>
</body>
</html>
`,
  );
  await mkdir(join(dir, "m"), { recursive: true });
  // templateEngineOverride: md renders the bodies as Markdown only (no Liquid pre-pass), as the
  // project does; the layout is still Nunjucks.
  await writeFile(
    join(dir, "m/m.11tydata.json"),
    JSON.stringify({ layout: "page.njk", templateEngineOverride: "md" }),
  );
  for (const file of moduleFiles) {
    const split = splitFrontMatter(await readFile(file.path, "utf8"));
    if (!split) throw new Error(`No front matter in ${file.path}`);
    const title = (parse(split.frontMatter) as { title?: string }).title ?? file.id;
    await mkdir(join(dir, "m", file.locale), { recursive: true });
    await writeFile(
      join(dir, "m", file.locale, `${file.id}.md`),
      `---\ntitle: ${JSON.stringify(title)}\nlang: ${file.locale}\n---\n${split.body}`,
    );
  }
}
