import type { Finding } from "../errors.ts";
import { textWidth } from "../text/text-width.ts";
import type { Check, ModuleVersion } from "./types.ts";

/**
 * Answer cues: whether the shape of a course's knowledge checks gives the answer away. Across the
 * single-answer checks of one locale, the share whose right option is the longest, the shortest, the
 * first or the last should each be near chance (1 / number of options). Far above chance, learners
 * score by picking that option; far below it, by avoiding it ("never pick the longest").
 */

/** A share is fair from this many times chance… */
export const LOW_FACTOR = 0.5;
/** …up to this many times chance. */
export const HIGH_FACTOR = 1.6;
/** With fewer single-answer checks than this in a locale, shares are too noisy to judge. */
export const MIN_CHECKS = 8;
/**
 * Two options count as the same length when their widths differ by no more than this share of the
 * longer one: a learner cannot tell them apart at a glance.
 */
export const TIE_TOLERANCE = 0.05;
/** Floating-point slack, so that a share of exactly 0.5× or 1.6× chance counts as inside. */
const EPSILON = 1e-9;

/** One single-answer check, reduced to what a learner sees of its shape. */
export interface CheckShape {
  file: string;
  line: number;
  /** How long each option looks (its visible text's width, in ems). */
  widths: number[];
  /** Index of the one right option. */
  right: number;
}

export type Cue = "longest" | "shortest" | "first" | "last";
export const CUES: readonly Cue[] = ["longest", "shortest", "first", "last"];

/** The visible text of rendered HTML, whitespace collapsed. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&[a-z#0-9]+;/gi, "x")
    .replace(/\s+/g, " ")
    .trim();
}

/** The shapes of a course's single-answer checks in one locale, in programme order. */
export function checkShapes(versions: ModuleVersion[]): CheckShape[] {
  return versions.flatMap(versionShapes);
}

/**
 * A version's check shapes, worked out once per version: while serving, an unchanged module keeps
 * its analysed version from load to load, so only the edited one is measured again.
 */
const shapesOf = new WeakMap<ModuleVersion, CheckShape[]>();
function versionShapes(v: ModuleVersion): CheckShape[] {
  let shapes = shapesOf.get(v);
  if (!shapes) {
    const lines = v.signature.filter((s) => s.type === "check").map((s) => s.line);
    shapes = v.checks.flatMap((check: Check, i) => {
      const right = check.options.flatMap((o, j) => (o.correct ? [j] : []));
      if (check.options.length < 2 || right.length !== 1) return [];
      const widths = check.options.map((o) => textWidth(plainText(o.html), 1));
      return [{ file: v.file, line: lines[i] ?? 1, widths, right: right[0]! }];
    });
    shapesOf.set(v, shapes);
  }
  return shapes;
}

/** The options that count as the longest (or shortest), ties within TIE_TOLERANCE included. */
function extremes(widths: number[], cue: "longest" | "shortest"): number[] {
  const max = Math.max(...widths);
  const min = Math.min(...widths);
  return widths.flatMap((w, i) => {
    const tied = cue === "longest" ? max - w <= TIE_TOLERANCE * max : w - min <= TIE_TOLERANCE * w;
    return tied ? [i] : [];
  });
}

/**
 * How much of a check a learner following the cue wins: 1 when the cue points at the right option
 * alone, 1/k when the right option is one of k options tied for the cue (picking among them at
 * random), 0 otherwise. Shared ties keep chance at exactly 1/n however many options tie.
 */
export function cueCredit(shape: CheckShape, cue: Cue): number {
  const n = shape.widths.length;
  if (cue === "first") return shape.right === 0 ? 1 : 0;
  if (cue === "last") return shape.right === n - 1 ? 1 : 0;
  const group = extremes(shape.widths, cue);
  return group.includes(shape.right) ? 1 / group.length : 0;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;
const amount = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** `modules/a/en.md:12, 40; modules/b/en.md:7`: checks grouped by file. */
export function listPlaces(shapes: CheckShape[]): string {
  const byFile = new Map<string, number[]>();
  for (const s of shapes) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.line]);
  return [...byFile].map(([file, lines]) => `${file}:${lines.join(", ")}`).join("; ");
}

const WHAT: Record<Cue, string> = {
  longest: "the longest",
  shortest: "the shortest",
  first: "the first",
  last: "the last",
};

const TO_DO: Record<Cue, { often: string; rarely: string }> = {
  longest: {
    often:
      "Learners who pick the longest option score above chance. In some of the checks listed, give a wrong option the same detail and length as the right one, or say the right one more briefly.",
    rarely:
      "Learners who never pick the longest option score above chance. In some of the checks listed, let the right option be the longest (keep the qualification that makes it right), or shorten the longest wrong one.",
  },
  shortest: {
    often:
      "Learners who pick the shortest option score above chance. In some of the checks listed, give the right option the detail that makes it right, or shorten a wrong one.",
    rarely:
      "Learners who never pick the shortest option score above chance. In some of the checks listed, let the right option be the shortest, or write a wrong one more briefly.",
  },
  first: {
    often:
      "Learners who pick the first option score above chance. In some of the checks listed, move the right option to another place.",
    rarely:
      "Learners who never pick the first option score above chance. In some of the checks listed, put the right option first.",
  },
  last: {
    often:
      "Learners who pick the last option score above chance. In some of the checks listed, move the right option to another place.",
    rarely:
      "Learners who never pick the last option score above chance. In some of the checks listed, put the right option last.",
  },
};

/** Warnings for one locale's single-answer checks, one per cue whose share is outside the fair range. */
export function answerCueFindings(locale: string, shapes: CheckShape[]): Finding[] {
  if (shapes.length < MIN_CHECKS) return [];
  const count = shapes.length;
  const chance = shapes.reduce((sum, s) => sum + 1 / s.widths.length, 0) / count;
  const options = 1 / chance;
  return CUES.flatMap((cue) => {
    const credits = shapes.map((s) => cueCredit(s, cue));
    const won = credits.reduce((a, b) => a + b, 0);
    const share = won / count;
    const often = share > HIGH_FACTOR * chance + EPSILON;
    const rarely = share < LOW_FACTOR * chance - EPSILON;
    if (!often && !rarely) return [];
    // Too often: the checks the cue wins. Too rarely: the checks it loses.
    const concerned = shapes.filter((_, i) => (often ? credits[i]! > 0 : credits[i] === 0));
    const ties =
      cue === "longest" || cue === "shortest"
        ? ` Options whose widths differ by no more than ${TIE_TOLERANCE * 100} % count as tied, and a tie shares its check (a right option tied with one other counts ½).`
        : "";
    return [
      {
        file: concerned[0]!.file,
        line: concerned[0]!.line,
        column: 1,
        dataPath: "",
        message:
          `In ${locale}, the right option is ${WHAT[cue]} in ${amount(won)} of ${count} single-answer knowledge checks (${percent(share)}), ${often ? "far above" : "far below"} chance: ${percent(chance)} with ${amount(Math.round(options * 10) / 10)} options on average; ` +
          `a fair share lies between ${percent(LOW_FACTOR * chance)} and ${percent(HIGH_FACTOR * chance)} (${LOW_FACTOR}× to ${HIGH_FACTOR}× chance).${ties} ` +
          `Checks where ${often ? "it is" : "it is not"}: ${listPlaces(concerned)}`,
        hint: `${often ? TO_DO[cue].often : TO_DO[cue].rarely} Aim for about ${amount(Math.round(chance * count))} of ${count}; then run \`npm run validate\` again.`,
        severity: "warning",
      },
    ];
  });
}

/** The answer-cue warnings of a whole course, locale by locale. */
export function courseAnswerCueFindings(
  versionsByLocale: Record<string, ModuleVersion[]>,
): Finding[] {
  return Object.entries(versionsByLocale).flatMap(([locale, versions]) =>
    answerCueFindings(locale, checkShapes(versions)),
  );
}
