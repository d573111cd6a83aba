import { join } from "node:path";
import { migrateCourse } from "../course/migrations/migrate-course.ts";
import { courseArgument } from "./course-hint.ts";

/** `migrate`: converts the course to the format this engine reads and prints every change. */
export async function migrateCommand(courseDir: string, courseOption: string): Promise<number> {
  const report = await migrateCourse(courseDir);
  const course = courseArgument(courseOption);
  const validate = `npm run validate${course ? ` -- --course ${course}` : ""}`;
  if (!report.files.length) {
    console.log(`The course is already in course format ${report.to}; nothing to change.`);
    return 0;
  }
  console.log(`Converted the course from format ${report.from} to format ${report.to}:\n`);
  for (const { file, changes } of report.files) {
    console.log(join(courseOption, file));
    for (const change of changes) console.log(`  ${change}`);
  }
  console.log(
    `\nNext: check the changes (\`git diff\`), give materials a quantity and \`per\` where it helps, then \`${validate}\`.`,
  );
  return 0;
}
