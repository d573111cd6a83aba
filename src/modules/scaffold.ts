import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CourseError } from "../errors.ts";
import { FindingCollector, loadFrameworkFiles, throwIfErrors } from "../framework/load.ts";
import { listCompetencies } from "../framework/competencies.ts";
import { loadUiStrings } from "../framework/ui-strings.ts";
import { suggest } from "../text/did-you-mean.ts";
import { MODULES_DIR } from "./load-modules.ts";

const exists = (path: string) =>
  import("node:fs/promises").then(({ stat }) =>
    stat(path).then(
      () => true,
      () => false,
    ),
  );

/** A module skeleton with every block in place and TODO placeholders the build reports until replaced. */
export function moduleSkeleton(
  competencyId: string,
  title: string,
  categories: { id: string; title: string }[],
  t: (key: string) => string,
  caseSetting?: string,
): string {
  const sections = categories.length ? categories : [{ id: "", title: t("scaffold.section") }];
  return [
    "---",
    `competency: ${competencyId}`,
    `title: "TODO ${title}"`,
    "duration: 60",
    "materials:",
    `  - { id: printed-case, name: "TODO ${t("materials.scaffoldName")}", per: group }`,
    `audience: "TODO ${t("scaffold.audience")}"`,
    `prerequisites: "TODO ${t("scaffold.prerequisites")}"`,
    "objectives:",
    ...["understand", "apply", "evaluate"].flatMap((level) => [
      `  - level: ${level}`,
      `    text: "TODO ${t("scaffold.objective")}"`,
    ]),
    "references: []",
    "---",
    "",
    `TODO ${t("scaffold.introduction")}`,
    "",
    "::: objectives",
    ":::",
    "",
    ...sections.flatMap((c) => [
      `## TODO ${c.title}${c.id ? ` {serves="${c.id}"}` : ""}`,
      "",
      `TODO ${t("scaffold.sectionBody")}`,
      "",
    ]),
    caseSetting ? `::: case setting=${caseSetting}` : "::: case",
    `### TODO ${t("scaffold.caseTitle")}`,
    "",
    `TODO ${t("scaffold.caseBody")}`,
    ":::",
    "",
    "::: activity minutes=10 grouping=whole-group",
    `### TODO ${t("scaffold.introActivity")}`,
    "",
    `TODO ${t("scaffold.activityBody")}`,
    ":::",
    "",
    '::: activity minutes=40 grouping=small-groups materials="printed-case"',
    `### TODO ${t("scaffold.mainActivity")}`,
    "",
    `TODO ${t("scaffold.activityBody")}`,
    ":::",
    "",
    "::: activity minutes=10 grouping=individual",
    `### TODO ${t("scaffold.checkActivity")}`,
    "",
    `TODO ${t("scaffold.activityBody")}`,
    ":::",
    "",
    "::: check",
    `TODO ${t("scaffold.question")}`,
    "",
    `- [x] TODO ${t("scaffold.rightOption")}`,
    `  > TODO ${t("scaffold.feedback")}`,
    `- [ ] TODO ${t("scaffold.wrongOption")}`,
    `  > TODO ${t("scaffold.feedback")}`,
    ":::",
    "",
    "::: keypoints",
    `- TODO ${t("scaffold.keypoint")}`,
    ":::",
    "",
    "::: facilitator",
    `TODO ${t("scaffold.facilitator")}`,
    ":::",
    "",
  ].join("\n");
}

/** Creates modules/<id>/<locale>.md for every locale that has none yet; returns the files written. */
export async function scaffoldModule(
  courseDir: string,
  competencyId: string | undefined,
  options: { force?: boolean } = {},
): Promise<string[]> {
  const found = new FindingCollector();
  const files = await loadFrameworkFiles(courseDir, found);
  throwIfErrors(found);
  if (!files)
    throw new CourseError("The framework could not be read; run `npm run validate` to see why.");
  const ui = await loadUiStrings(files.locales, found, files.courseSource, courseDir);
  const entries = listCompetencies(files.framework);
  const trainable = entries.filter((e) => e.competency.trainable).map((e) => e.competency.id);
  if (!competencyId)
    throw new CourseError(
      `Name the competency: \`npm run new-module -- <competency-id>\`. Trainable competencies: ${trainable.join(", ")}.`,
    );
  const entry = entries.find((e) => e.competency.id === competencyId);
  if (!entry) {
    const guess = suggest(
      competencyId,
      entries.map((e) => e.competency.id),
    );
    throw new CourseError(
      `\`${competencyId}\` is not a competency of framework/framework.yaml.${guess ? ` Did you mean \`${guess}\`?` : ` Trainable competencies: ${trainable.join(", ")}.`}`,
    );
  }
  if (!entry.competency.trainable)
    throw new CourseError(
      `\`${competencyId}\` is not trainable. Set \`trainable: true\` for it in framework/framework.yaml first, then run this again.`,
    );

  const dir = join(courseDir, MODULES_DIR, competencyId);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const locale of files.locales) {
    const file = join(dir, `${locale}.md`);
    if (!options.force && (await exists(file))) continue;
    const strings = ui[locale] ?? ui.en ?? {};
    const t = (key: string) => strings[key] ?? ui.en?.[key] ?? key;
    const title = entry.competency.title[locale] ?? competencyId;
    const categories = entry.competency.categories.map((c) => ({
      id: c.id,
      title: c.title[locale] ?? c.id,
    }));
    await writeFile(
      file,
      moduleSkeleton(competencyId, title, categories, t, files.settings.caseSettings[0]?.id),
      { flag: options.force ? "w" : "wx" },
    );
    written.push(join(MODULES_DIR, competencyId, `${locale}.md`));
  }
  if (!written.length)
    throw new CourseError(
      `modules/${competencyId}/ already has a file for every locale; nothing was changed. To start again from the template, run it with --force (this overwrites them).`,
    );
  return written;
}
