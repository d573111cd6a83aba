import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isMap, isScalar, parseDocument } from "yaml";
import { CourseError, InternalError, ValidationError } from "../errors.ts";
import { listCompetencies } from "../framework/competencies.ts";
import { FindingCollector, loadFrameworkFiles } from "../framework/load.ts";
import { suggest } from "../text/did-you-mean.ts";
import { readCourseText } from "../security/read-course-file.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { MODULES_DIR } from "./load-modules.ts";
import { authoringTeamMember } from "./review-change.ts";
import { contentFingerprint } from "./review-fingerprint.ts";
import { todayIso } from "./review-status.ts";

export interface ReviewRequest {
  moduleId: string | undefined;
  /** Who reviewed the content: a name or a role. */
  by: string | undefined;
  /** One locale, or every locale of the course when undefined. */
  locale?: string;
  /** The review's date, `YYYY-MM-DD` (default: today). */
  today?: string;
}

export interface RecordedReview {
  file: string;
  on: string;
  next: string;
  fingerprint: string;
}

/** Months between reviews when the module had no review before. */
export const DEFAULT_REVIEW_MONTHS = 6;

const isDate = (d: unknown): d is string =>
  typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));

/** `date` plus `months`, on the same day of the month (or the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The interval of the previous review in whole months (at least 1), or the default. */
function previousInterval(review: unknown): number {
  const r = review && typeof review === "object" ? (review as Record<string, unknown>) : {};
  if (!isDate(r.on) || !isDate(r.next)) return DEFAULT_REVIEW_MONTHS;
  const days = (Date.parse(r.next) - Date.parse(r.on)) / 86_400_000;
  return days > 0 ? Math.max(1, Math.round(days / 30.44)) : DEFAULT_REVIEW_MONTHS;
}

/**
 * The file with its front matter's `review:` record replaced (or added at the end of the front
 * matter); every other byte stays as it was. Throws a CourseError when the file has no front matter.
 */
export function withReview(
  fileText: string,
  file: string,
  by: string,
  today: string,
): { text: string; recorded: Omit<RecordedReview, "file"> } {
  const bom = fileText.startsWith("\uFEFF") ? "\uFEFF" : "";
  const text = fileText.slice(bom.length);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const split = splitFrontMatter(text);
  if (!split)
    throw new CourseError(
      `${file} has no front matter, so there is nothing to record a review in. Start the file with a \`---\` line, the module's settings and another \`---\` line, then run the command again.`,
    );
  const fingerprint = contentFingerprint(text);
  const doc = parseDocument(split.frontMatter);
  if (!fingerprint || doc.errors.length || !isMap(doc.contents))
    throw new CourseError(
      `The front matter of ${file} is not valid YAML settings, so no review can be recorded. Run \`npm run validate\`, fix what it reports in ${file}, then run the command again.`,
    );
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "review");
  const next = addMonths(today, previousInterval(pair ? doc.toJS().review : undefined));
  const block = [
    "review:",
    `  by: ${JSON.stringify(by)}`,
    `  on: "${today}"`,
    `  next: "${next}"`,
    `  fingerprint: ${fingerprint}`,
  ].join(eol);
  const start = /^---\r?\n/.exec(text)![0].length;
  const frontEnd = start + split.frontMatter.length;
  let updated: string;
  const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
  const valueRange = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
  if (keyRange && valueRange) {
    let end = valueRange[1];
    while (end > keyRange[0] && /[\r\n]/.test(split.frontMatter[end - 1]!)) end--;
    updated = text.slice(0, start + keyRange[0]) + block + text.slice(start + end);
  } else if (pair) {
    throw new InternalError(`the review record of ${file} has no position`);
  } else {
    updated = text.slice(0, frontEnd) + eol + block + text.slice(frontEnd);
  }
  if (contentFingerprint(updated) !== fingerprint)
    throw new InternalError(`recording the review changed the content of ${file}`);
  return { text: bom + updated, recorded: { on: today, next, fingerprint } };
}

function checkReviewer(by: string | undefined): string {
  const name = by?.trim();
  if (!name)
    throw new CourseError(
      'Say who reviewed the module: add --by "<name or role>", e.g. --by "Medical affairs office".',
    );
  if (/[\r\n]/.test(name) || name.length > 200)
    throw new CourseError(
      "--by takes one line of at most 200 characters: the reviewer's name or role.",
    );
  return name;
}

/**
 * Records a review of one module (in one locale, or in all): the date, the reviewer and the
 * fingerprint of the content, in the front matter of each module file. Writes nothing else, and
 * nothing at all when any locale cannot be recorded.
 */
export async function recordReview(
  courseDir: string,
  request: ReviewRequest,
): Promise<RecordedReview[]> {
  const found = new FindingCollector();
  const files = await loadFrameworkFiles(courseDir, found);
  if (!files) throw new ValidationError(found.problems);
  const modules = listCompetencies(files.framework)
    .filter((e) => e.competency.trainable)
    .map((e) => e.competency.id);
  const { moduleId, locale } = request;
  if (!moduleId) {
    throw new CourseError(
      `Name the module to record a review of: npm run review -- <module-id> --by "<name or role>". This course's modules: ${modules.join(", ")}.`,
    );
  }
  if (!modules.includes(moduleId)) {
    const guess = suggest(moduleId, modules);
    throw new CourseError(
      `\`${moduleId}\` is not a module of this course. ${guess ? `Did you mean \`${guess}\`? ` : ""}Its modules are: ${modules.join(", ")}.`,
    );
  }
  if (locale !== undefined && !files.locales.includes(locale)) {
    const guess = suggest(locale, files.locales);
    throw new CourseError(
      `\`${locale}\` is not a locale of this course. ${guess ? `Did you mean \`${guess}\`? ` : ""}Its locales are: ${files.locales.join(", ")} (leave out --locale to record every one).`,
    );
  }
  const by = checkReviewer(request.by);
  const member = authoringTeamMember(by, files.settings.review?.authoringTeam);
  if (member)
    throw new CourseError(
      `"${by}" is the authoring team ("${member}" in course.yaml review.authoringTeam), and this course asks for reviews from outside it. Ask someone outside the team to check the module, and record the review in their name or role.`,
    );
  const today = request.today ?? todayIso();
  const edits: { path: string; text: string; recorded: RecordedReview }[] = [];
  for (const l of locale ? [locale] : files.locales) {
    const file = `${MODULES_DIR}/${moduleId}/${l}.md`;
    const read = await readCourseText(courseDir, file);
    if (read.finding)
      throw new CourseError(
        / is missing/.test(read.finding.message)
          ? `${file} does not exist. Create it first (\`npm run new-module -- ${moduleId}\`).`
          : `${read.finding.message}. ${read.finding.hint}`,
      );
    const path = join(courseDir, file);
    const raw = await readFile(path, "utf8");
    const { text, recorded } = withReview(raw, file, by, today);
    edits.push({ path, text, recorded: { file, ...recorded } });
  }
  for (const edit of edits) await writeFile(edit.path, edit.text);
  return edits.map((e) => e.recorded);
}
