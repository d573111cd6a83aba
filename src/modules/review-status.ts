import type { Finding } from "../errors.ts";
import { findingAt } from "../framework/cross-checks.ts";
import type { YamlSource } from "../framework/yaml-source.ts";

/** When a module's content was last reviewed, by whom, and when it must be reviewed again. */
export interface ModuleReview {
  by: string;
  on: string;
  next: string;
  /** What the review covered: `sha256:…` of the content (see review-fingerprint.ts), set by `npm run review`. */
  fingerprint?: string;
}

export type ReviewStatus =
  "changed" | "unrecorded" | "overdue" | "dueSoon" | "current" | "unreviewed";

/** A review falls due soon when its date is this many days away or fewer. */
export const DUE_SOON_DAYS = 60;

/** Today's date as `YYYY-MM-DD` (UTC), the form review dates are written in. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Where a module stands on `today`: changed since its review, a review without a fingerprint (what
 * it covered is not recorded), or against its next review date.
 */
export function reviewStatus(
  review: ModuleReview | undefined,
  today: string = todayIso(),
  coversContent = true,
): ReviewStatus {
  if (!review) return "unreviewed";
  if (!review.fingerprint) return "unrecorded";
  if (!coversContent) return "changed";
  return dueStatus(review, today);
}

/** Where a review stands against its next review date on `today`. */
function dueStatus(review: ModuleReview, today: string): "overdue" | "dueSoon" | "current" {
  const left = daysBetween(today, review.next);
  if (left < 0) return "overdue";
  return left <= DUE_SOON_DAYS ? "dueSoon" : "current";
}

/** Findings on a module's `review:` dates: next before last, or a review that is overdue. */
export function checkReview(
  source: YamlSource,
  review: ModuleReview | undefined,
  today: string = todayIso(),
): Finding[] {
  if (!review) return [];
  if (review.next < review.on)
    return [
      findingAt(
        source,
        ["review", "next"],
        `The next review (${review.next}) is before the last one (${review.on})`,
        "Set `next` to a date after `on`, when the content should be checked again.",
      ),
    ];
  if (dueStatus(review, today) === "overdue")
    return [
      findingAt(
        source,
        ["review", "next"],
        `The module's review was due on ${review.next} (last reviewed on ${review.on} by ${review.by})`,
        "Check the content against its sources, then set `review.on` to today and `review.next` to the next review date.",
        "warning",
      ),
    ];
  return [];
}
