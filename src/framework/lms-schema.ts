import { z } from "zod";

/** When a module counts as completed in the LMS (course.yaml `lms.completion`). */
export const COMPLETION_RULES = ["read", "checks", "passed"] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];

export const LMS_DEFAULTS = { completion: "checks", masteryScore: 80 } as const;

/** Course settings for SCORM packages (`npm run package`); every key has a default. */
export function lmsSettingsSchema() {
  return z
    .strictObject({
      completion: z
        .enum(COMPLETION_RULES, {
          error:
            "must be `read` (read to the end), `checks` (every knowledge check answered) or `passed` (score at or above masteryScore)",
        })
        .default(LMS_DEFAULTS.completion),
      masteryScore: z
        .number({ error: "must be a number from 0 to 100 (a percentage)" })
        .min(0, { error: "must be 0 or more (a percentage)" })
        .max(100, { error: "must be 100 or less (a percentage)" })
        .default(LMS_DEFAULTS.masteryScore),
    })
    .default({ ...LMS_DEFAULTS });
}

export type LmsSettings = z.output<ReturnType<typeof lmsSettingsSchema>>;
