import type { Finding } from "../errors.ts";
import { findingAt } from "../framework/cross-checks.ts";
import {
  openYaml,
  parseWith,
  type FindingCollector,
  type FrameworkFiles,
} from "../framework/load.ts";
import { feedbackSchema, type FeedbackData } from "./schema.ts";

export const FEEDBACK_FILE = "framework/feedback.yaml";

/**
 * Loads the optional end-of-session feedback form. Question ids must be unique (answers are handed
 * over under them) and at most one question may be free text (it travels in a QR code).
 */
export async function loadFeedback(
  courseDir: string,
  files: FrameworkFiles,
  found: FindingCollector,
): Promise<FeedbackData | undefined> {
  const source = await openYaml(courseDir, FEEDBACK_FILE, found, false);
  if (!source) return undefined;
  const data = parseWith(feedbackSchema(files.locales), source, found);
  if (!data) return undefined;
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  let textAt: number | undefined;
  data.questions.forEach((q, i) => {
    const earlier = seen.get(q.id);
    if (earlier !== undefined)
      out.push(
        findingAt(
          source,
          ["questions", i, "id"],
          `Duplicate question id \`${q.id}\``,
          `It is already used by question ${earlier + 1}; answers are handed over under the id, so each must be unique.`,
        ),
      );
    else seen.set(q.id, i);
    if (q.kind === "rating")
      for (const end of ["low", "high"] as const)
        if (!q[end])
          out.push(
            findingAt(
              source,
              ["questions", i, "kind"],
              `The rating question \`${q.id}\` has no \`${end}\``,
              `Add \`${end}:\` with what ${end === "low" ? "1" : "5"} means on its scale, in every language (e.g. ${end === "low" ? "Not relevant" : "Highly relevant"}).`,
            ),
          );
    if (q.kind === "text") {
      if (q.low || q.high)
        out.push(
          findingAt(
            source,
            ["questions", i, q.low ? "low" : "high"],
            `The free-text question \`${q.id}\` has \`low\` or \`high\``,
            "Only rating questions have a scale: delete `low:` and `high:` here, or make it `kind: rating`.",
          ),
        );
      if (textAt !== undefined)
        out.push(
          findingAt(
            source,
            ["questions", i, "kind"],
            "A second free-text question",
            `Question ${textAt + 1} is already free text; keep one (the answers travel in a QR code, which must stay small) and make this one \`kind: rating\`.`,
          ),
        );
      else textAt = i;
    }
  });
  if (!data.questions.some((q) => q.kind === "rating"))
    out.push(
      findingAt(
        source,
        ["questions"],
        "No rating question",
        "Add at least one question with `kind: rating` (1 to 5), e.g. how relevant the session was to your work.",
      ),
    );
  found.add(...out);
  return out.length ? undefined : data;
}
