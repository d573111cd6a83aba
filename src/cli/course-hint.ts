import { resolve } from "node:path";

/** The commands that work on a course folder, and so take `--course <dir>`. */
const COURSE_COMMANDS = [
  "build",
  "start",
  "validate",
  "new-module",
  "new-locale",
  "review",
  "migrate",
];
const COMMAND = new RegExp(`\`npm run (${COURSE_COMMANDS.join("|")})((?: [^\`]*)?)\``, "g");

/**
 * The course folder as the trainer named it, for hints, or undefined when it is the current folder
 * (where the commands look by default).
 */
export function courseArgument(course: string, cwd = process.cwd()): string | undefined {
  if (resolve(cwd, course) === resolve(cwd)) return undefined;
  return /^[\w./~:@+-]+$/.test(course) ? course : `'${course.replace(/'/g, "'\\''")}'`;
}

/**
 * A hint that names a command names the course it is about: `npm run new-locale -- fr` becomes
 * `npm run new-locale -- fr --course ../handover`, so following it changes the right course.
 */
export function nameCourse(text: string, course: string | undefined): string {
  if (!course) return text;
  return text.replace(COMMAND, (whole, command: string, args: string) => {
    if (args.includes("--course")) return whole;
    const separator = args.startsWith(" --") ? "" : " --";
    return `\`npm run ${command}${args}${separator} --course ${course}\``;
  });
}
