import type { Finding } from "../errors.ts";
import type { BlockSignature, Check } from "./types.ts";

/** The visible text of rendered HTML, whitespace collapsed. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&[a-z#0-9]+;/gi, "x")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the one longest option of a check is a correct one (ties give nothing away). */
export function correctIsLongest(check: Check): boolean {
  const lengths = check.options.map((o) => plainText(o.html).length);
  const longest = Math.max(...lengths);
  const atLongest = check.options.filter((_, i) => lengths[i] === longest);
  return atLongest.length === 1 && atLongest[0]!.correct;
}

/**
 * A warning when, in more than half of a module's checks, the correct option is the longest: learners
 * learn to pick the longest answer instead of thinking.
 */
export function checkAnswerLengths(
  file: string,
  checks: Check[],
  signature: BlockSignature[],
): Finding[] {
  const giveaways = checks.filter(correctIsLongest);
  if (checks.length < 2 || giveaways.length * 2 <= checks.length) return [];
  const lines = signature.filter((s) => s.type === "check").map((s) => s.line);
  const first = lines[checks.indexOf(giveaways[0]!)] ?? 1;
  const numbers = checks.flatMap((c, i) => (giveaways.includes(c) ? [i + 1] : []));
  return [
    {
      file,
      line: first,
      column: 1,
      dataPath: "",
      message: `In ${giveaways.length} of ${checks.length} knowledge checks the correct option is the longest (checks ${numbers.join(", ")}; lines ${numbers.map((n) => lines[n - 1]).join(", ")})`,
      hint: "Learners notice the pattern and pick the longest answer. Make wrong options as specific and as long as the right one, or the right one shorter.",
      severity: "warning",
    },
  ];
}
