import type { Finding } from "../errors.ts";
import { findingAt } from "../framework/cross-checks.ts";
import type { DataPath, YamlSource } from "../framework/yaml-source.ts";
import type { GlossaryTerm } from "./schema.ts";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

interface Variant {
  term: GlossaryTerm;
  wording: string;
  pattern: RegExp;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The wordings to avoid in one locale, as patterns: Chinese anywhere, Latin script as whole words. */
export function avoidedVariants(terms: GlossaryTerm[], locale: string): Variant[] {
  return terms.flatMap((term) =>
    (term.avoid[locale] ?? []).map((wording) => ({
      term,
      wording,
      pattern: CJK.test(wording)
        ? new RegExp(escapeRegExp(wording), "u")
        : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(wording)}(?![\\p{L}\\p{N}])`, "iu"),
    })),
  );
}

function variantFinding(
  v: Variant,
  locale: string,
  base: Omit<Finding, "message" | "hint" | "severity">,
): Finding {
  const preferred = v.term.term[locale] ?? v.term.id;
  return {
    ...base,
    message: `“${v.wording}” is a wording the glossary says to avoid (term \`${v.term.id}\`)`,
    hint: `Write “${preferred}” instead, so learners meet one term for one thing (framework/glossary.yaml).`,
    severity: "warning",
  };
}

/** Warnings for avoided wordings in a module file of one locale, one per line and wording. */
export function findVariantsInText(
  file: string,
  text: string,
  locale: string,
  terms: GlossaryTerm[],
): Finding[] {
  const variants = avoidedVariants(terms, locale);
  if (!variants.length) return [];
  return text.split("\n").flatMap((line, i) =>
    variants.flatMap((v) => {
      const match = v.pattern.exec(line);
      return match
        ? [variantFinding(v, locale, { file, line: i + 1, column: match.index + 1, dataPath: "" })]
        : [];
    }),
  );
}

/** Warnings for avoided wordings in the localized texts of a YAML file (framework.yaml, course.yaml). */
export function findVariantsInYaml(
  source: YamlSource,
  locales: string[],
  terms: GlossaryTerm[],
): Finding[] {
  const byLocale = new Map(locales.map((l) => [l, avoidedVariants(terms, l)]));
  const out: Finding[] = [];
  const walk = (value: unknown, path: DataPath): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (!value || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      const variants = byLocale.get(key);
      if (variants && typeof child === "string") {
        for (const v of variants)
          if (v.pattern.test(child)) {
            const f = findingAt(source, [...path, key], "", "", "warning");
            out.push(variantFinding(v, key, f));
          }
      } else walk(child, [...path, key]);
    }
  };
  walk(source.data, []);
  return out;
}
