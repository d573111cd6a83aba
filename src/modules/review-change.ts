import type { Finding } from "../errors.ts";
import { findingAt } from "../framework/cross-checks.ts";
import type { YamlSource } from "../framework/yaml-source.ts";
import { contentFingerprint } from "./review-fingerprint.ts";
import type { ModuleReview } from "./review-status.ts";

/** What a module's review is checked against. */
export interface ReviewContext {
  /** The module's file as read, front matter included. */
  fileText: string;
  moduleId: string;
  locale: string;
  /** course.yaml `review.authoringTeam`: names and roles a review must not come from. */
  authoringTeam?: string[];
}

/**
 * The command that records a review of one module in one locale (the command line adds
 * `--course <dir>` to it when the course is in another folder).
 */
export function reviewCommand(moduleId: string, locale: string): string {
  return `npm run review -- ${moduleId} --locale ${locale} --by "<name or role>"`;
}

const normalise = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** The entry of the authoring team that a reviewer's name or role contains, if any. */
export function authoringTeamMember(by: string, team: string[] = []): string | undefined {
  return team.find((member) => normalise(member) && normalise(by).includes(normalise(member)));
}

/**
 * Findings on what a module's review covered: a warning when the content changed since the review
 * (its fingerprint no longer matches), a note when the review records no fingerprint (so a change
 * cannot be noticed), a warning when the course asks for reviews from outside the authoring team
 * and the reviewer belongs to it.
 */
export function checkReviewedContent(
  source: YamlSource,
  review: ModuleReview | undefined,
  context: ReviewContext,
): Finding[] {
  if (!review) return [];
  const { moduleId, locale } = context;
  const command = `\`${reviewCommand(moduleId, locale)}\``;
  const findings: Finding[] = [];
  const member = authoringTeamMember(review.by, context.authoringTeam);
  if (member)
    findings.push(
      findingAt(
        source,
        ["review", "by"],
        `The module \`${moduleId}\` (${locale}) was reviewed by "${review.by}", which is the authoring team ("${member}" in course.yaml review.authoringTeam); this course asks for reviews from outside it`,
        `Ask someone outside the authoring team (e.g. the hospital's medical or legal office) to check the content against its sources, then have them record it: ${command}.`,
        "warning",
      ),
    );
  if (!review.fingerprint) {
    findings.push(
      findingAt(
        source,
        ["review"],
        `The review of \`${moduleId}\` (${locale}) on ${review.on} records no fingerprint of the content it covered, so a later change cannot be noticed and "content current as of ${review.on}" cannot be checked`,
        `When the module has been checked against its sources, record the review with ${command}: it writes the date, the reviewer and the fingerprint.`,
        "note",
        true,
      ),
    );
    return findings;
  }
  if (contentFingerprint(context.fileText) !== review.fingerprint)
    findings.push(
      findingAt(
        source,
        ["review", "fingerprint"],
        `The module \`${moduleId}\` (${locale}) has changed since its review on ${review.on} by ${review.by}: the printed guide's "content current as of ${review.on}" is no longer true`,
        `Have the changed content checked against its sources, then record the review again: ${command}.`,
        "warning",
      ),
    );
  return findings;
}
