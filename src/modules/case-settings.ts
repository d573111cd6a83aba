import { suggest } from "../text/did-you-mean.ts";

/**
 * Checks a case's `setting=` against the course's case settings (course.yaml `caseSettings`): a course
 * that lists settings needs one on every case; a course that lists none takes cases without one.
 */
export function checkCaseSetting(
  setting: string | undefined,
  known: Map<string, string>,
  problem: (message: string, hint: string) => void,
): void {
  const ids = [...known.keys()];
  if (setting === undefined) {
    if (ids.length)
      problem(
        "This case has no `setting`",
        `Add one: \`::: case setting=${ids[0]}\` (the course's case settings: ${ids.join(", ")}).`,
      );
    return;
  }
  if (known.has(setting)) return;
  if (!ids.length) {
    problem(
      `\`setting=${setting}\` is not a case setting of this course`,
      `List the kinds of place your cases happen in framework/course.yaml, e.g. \`caseSettings: [{ id: ${setting}, label: { en: … } }]\`, or remove \`setting=\`.`,
    );
    return;
  }
  const guess = suggest(setting, ids);
  problem(
    `\`setting=${setting}\` is not a case setting of this course`,
    guess
      ? `Did you mean \`${guess}\`? (framework/course.yaml lists: ${ids.join(", ")})`
      : `Use one of the case settings in framework/course.yaml: ${ids.join(", ")}.`,
  );
}
