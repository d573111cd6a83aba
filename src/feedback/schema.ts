import { z } from "zod";
import { id, localized } from "../framework/schema.ts";

/** The fewest participants a cohort summary shows; a course may raise it, never lower it. */
export const K_FLOOR = 5;
/** The longest free-text answer a learner can hand over (the QR code must stay scannable). */
export const FREE_TEXT_LIMIT = 140;

/** framework/feedback.yaml: the end-of-session form (Kirkpatrick level 1, reaction). */
export function feedbackSchema(locales: readonly string[]) {
  const t = localized(locales);
  const question = z.strictObject({
    id: id(),
    kind: z.enum(["rating", "text"], {
      error: "must be `rating` (a scale from 1 to 5) or `text` (one short answer)",
    }),
    text: t,
    /** For a rating: what 1 and 5 mean on this question's scale. */
    low: t.optional(),
    high: t.optional(),
  });
  return z.strictObject({
    intro: t.optional(),
    minimumGroup: z
      .int({ error: "must be a whole number, e.g. `minimumGroup: 5`" })
      .min(K_FLOOR, {
        error: `must be ${K_FLOOR} or more: a smaller group would let one person's answers be recognised`,
      })
      .max(100, { error: "must be 100 or less" })
      .default(K_FLOOR),
    questions: z
      .array(question)
      .min(1, { error: "is empty: add at least one question, or delete the file" })
      .max(8, { error: "has more than 8 questions: keep the form short (about 5 questions)" }),
  });
}

export type FeedbackData = z.output<ReturnType<typeof feedbackSchema>>;
export type FeedbackQuestion = FeedbackData["questions"][number];
