import type { Finding } from "../errors.ts";
import { suggest } from "../text/did-you-mean.ts";
import type { DataPath, YamlSource } from "./yaml-source.ts";
import { formatDataPath } from "./yaml-source.ts";

const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const rec = (x: unknown): Record<string, unknown> =>
  x && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

export function findingAt(
  source: YamlSource,
  path: DataPath,
  message: string,
  hint: string,
  severity: Finding["severity"] = "error",
  onKey = false,
): Finding {
  return {
    file: source.file,
    ...source.locate(path, onKey),
    dataPath: formatDataPath(path),
    message,
    hint,
    severity,
  };
}

interface IdUse {
  id: string;
  path: DataPath;
}

/** Every layer, competency and category id with where it stands; they share one namespace. */
export function frameworkIds(data: unknown): IdUse[] {
  const uses: IdUse[] = [];
  list(rec(data).layers).forEach((layer, li) => {
    const l = rec(layer);
    if (str(l.id)) uses.push({ id: l.id as string, path: ["layers", li, "id"] });
    list(l.competencies).forEach((comp, ci) => {
      const c = rec(comp);
      const cp = ["layers", li, "competencies", ci] as const;
      if (str(c.id)) uses.push({ id: c.id as string, path: [...cp, "id"] });
      list(c.categories).forEach((cat, ki) => {
        const k = rec(cat);
        if (str(k.id)) uses.push({ id: k.id as string, path: [...cp, "categories", ki, "id"] });
      });
    });
  });
  return uses;
}

export function duplicateIdFindings(source: YamlSource, uses: IdUse[], what: string): Finding[] {
  const first = new Map<string, IdUse>();
  const out: Finding[] = [];
  for (const use of uses) {
    const earlier = first.get(use.id);
    if (!earlier) first.set(use.id, use);
    else
      out.push(
        findingAt(
          source,
          use.path,
          `Duplicate id \`${use.id}\`: ${what} ids must be unique`,
          `It is already used at ${formatDataPath(earlier.path)} (line ${source.locate(earlier.path).line}); rename one of them.`,
        ),
      );
  }
  return out;
}

/** Checks that span several parts of the framework: ids, references, level descriptors. */
export function checkFramework(source: YamlSource): Finding[] {
  const data = rec(source.data);
  const out = duplicateIdFindings(source, frameworkIds(data), "layer, competency and category");
  const scale = rec(data.scale);
  const levelIds: string[] = [];
  list(scale.levels).forEach((lvl, i) => {
    const id = str(rec(lvl).id);
    if (id) levelIds.push(id);
    else return;
    if (levelIds.indexOf(id) !== levelIds.length - 1)
      out.push(
        findingAt(
          source,
          ["scale", "levels", i, "id"],
          `Duplicate level id \`${id}\``,
          "Give each level its own id.",
        ),
      );
  });
  const target = str(scale.target);
  if (target && levelIds.length && !levelIds.includes(target))
    out.push(unknownLevel(source, ["scale", "target"], target, levelIds));

  list(data.layers).forEach((layer, li) => {
    const l = rec(layer);
    list(l.competencies).forEach((comp, ci) => {
      const c = rec(comp);
      const cp = ["layers", li, "competencies", ci] as const;
      const levels = rec(c.levels);
      for (const key of Object.keys(levels)) {
        if (levelIds.length && !levelIds.includes(key))
          out.push(unknownLevel(source, [...cp, "levels", key], key, levelIds, true));
      }
      if (l.assessed === true) {
        const missing = levelIds.filter((id) => !(id in levels));
        if (missing.length)
          out.push(
            findingAt(
              source,
              c.levels === undefined ? [...cp] : [...cp, "levels"],
              `Competency \`${String(c.id)}\` is in an assessed layer but has no descriptor for level${missing.length > 1 ? "s" : ""} ${missing.map((m) => `\`${m}\``).join(", ")}`,
              "Add a `levels:` block with one descriptor per scale level, or set `assessed: false` on the layer.",
            ),
          );
      }
    });
  });
  return out;
}

function unknownLevel(
  source: YamlSource,
  path: DataPath,
  id: string,
  levelIds: string[],
  onKey = false,
): Finding {
  const guess = suggest(id, levelIds);
  return findingAt(
    source,
    path,
    `\`${id}\` is not a level of the proficiency scale`,
    guess
      ? `Did you mean \`${guess}\`? Levels: ${levelIds.join(", ")}.`
      : `Use one of the scale's levels: ${levelIds.join(", ")}.`,
    "error",
    onKey,
  );
}
