import { parse } from "yaml";
import { frontMatterSpan, lineEnding } from "./text-edits.ts";
import { slugFromName } from "./slug.ts";

/** One module file in one locale, as read from disk. */
export interface ModuleText {
  file: string;
  locale: string;
  text: string;
}

/** A module file after conversion, with what changed in words a trainer can check. */
export interface ConvertedModule {
  file: string;
  text: string;
  changes: string[];
}

const ACTIVITY_LINE =
  /^(:{3,}[ \t]*activity\b[^\r\n]*?materials=)("[^"\r\n]*"|'[^'\r\n]*'|[^\s"']+)/gm;

interface FreeTextActivity {
  /** Offset and length of the attribute value (quotes included) in the file. */
  at: number;
  length: number;
  line: number;
  raw: string;
  names: string[];
}

function readActivities(text: string): FreeTextActivity[] {
  const out: FreeTextActivity[] = [];
  for (const m of text.matchAll(ACTIVITY_LINE)) {
    const raw = m[2]!;
    const value = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    const at = m.index + m[1]!.length;
    out.push({
      at,
      length: raw.length,
      line: text.slice(0, at).split("\n").length,
      raw,
      names: value
        .split(/[;；]/)
        .map((n) => n.trim())
        .filter(Boolean),
    });
  }
  return out;
}

/** True when the front matter already lists `materials:` (the file is in format 2 already). */
function hasMaterialsList(text: string): boolean {
  const span = frontMatterSpan(text);
  if (!span) return true;
  try {
    const data = parse(text.slice(span.start, span.end)) as Record<string, unknown> | null;
    return !!data && Object.hasOwn(data, "materials");
  } catch {
    return true; // unreadable front matter: leave it for validation to report
  }
}

/** Ids for the reference locale's names: one per distinct name, in the order first needed. */
function assignIds(activities: FreeTextActivity[]): string[][] {
  const byName = new Map<string, string>();
  const taken = new Set<string>();
  let unnamed = 0;
  return activities.map((a) =>
    a.names.map((name) => {
      const key = name.toLowerCase();
      const known = byName.get(key);
      if (known) return known;
      let id = slugFromName(name) || `material-${++unnamed}`;
      for (let n = 2; taken.has(id); n++) id = `${slugFromName(name) || "material"}-${n}`;
      taken.add(id);
      byName.set(key, id);
      return id;
    }),
  );
}

/**
 * Format 1 → 2 for one module in every locale: each activity's free-text `materials="a; b"` becomes
 * ids (`materials="a b"`), and the front matter gets a `materials:` list with each item once. Ids
 * come from the reference locale's names (the course's default locale when it has the module) and
 * are given to the other locales by position, so every locale lists the same ids in the same order.
 */
export function convertModuleMaterials(
  files: ModuleText[],
  referenceLocale: string,
): ConvertedModule[] {
  const pending = files.filter((f) => !hasMaterialsList(f.text));
  const read = pending.map((f) => ({ ...f, activities: readActivities(f.text) }));
  if (!read.some((f) => f.activities.some((a) => a.names.length))) return [];
  const reference = read.find((f) => f.locale === referenceLocale) ?? read[0]!;
  const referenceIds = assignIds(reference.activities);
  const order = [...new Set(referenceIds.flat())];
  const shape = (f: { activities: FreeTextActivity[] }) =>
    f.activities.map((a) => a.names.length).join(",");
  return read.flatMap((f) => {
    if (!f.activities.some((a) => a.names.length)) return [];
    const changes: string[] = [];
    const ownIds = assignIds(f.activities);
    const ids = f.activities.map((a, i) =>
      a.names.map((_, j) => referenceIds[i]?.[j] ?? ownIds[i]![j]!),
    );
    if (shape(f) !== shape(reference))
      changes.push(
        `its activities list a different number of materials than ${reference.file}: check that both files name the same ids`,
      );
    const names = new Map<string, string>();
    f.activities.forEach((a, i) =>
      a.names.forEach((n, j) => {
        const id = ids[i]![j]!;
        if (!names.has(id)) names.set(id, n);
      }),
    );
    let text = f.text;
    for (let i = f.activities.length - 1; i >= 0; i--) {
      const a = f.activities[i]!;
      const value = `"${[...new Set(ids[i])].join(" ")}"`;
      text = text.slice(0, a.at) + value + text.slice(a.at + a.length);
      changes.unshift(`line ${a.line}: materials=${a.raw} → materials=${value}`);
    }
    const listed = [
      ...order.filter((id) => names.has(id)),
      ...[...names.keys()].filter((id) => !order.includes(id)),
    ];
    const eol = lineEnding(text);
    const list = [
      "materials: # converted from the activities' free text by `onion-course migrate`; add quantity and per (learner, group, session)",
      ...listed.map((id) => `  - { id: ${id}, name: ${JSON.stringify(names.get(id))} }`),
    ];
    const span = frontMatterSpan(text)!;
    const before = text.slice(0, span.end);
    const gap = before.endsWith("\n") ? "" : eol;
    text = `${before}${gap}${list.join(eol)}${eol}${text.slice(span.end)}`;
    changes.unshift(
      `front matter: materials: ${listed.map((id) => `${id} (${names.get(id)})`).join(", ")}`,
    );
    return [{ file: f.file, text, changes }];
  });
}
