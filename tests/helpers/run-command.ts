import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_DIR } from "./paths.ts";

/** What a command printed and how it ended. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command from the project folder, as a user runs it, without colour codes. */
export function runCommand(command: string, args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: REPO_DIR,
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const BIN = join(REPO_DIR, "bin", "onion-course.js");

/**
 * The project's command line as the package's `onion-course` command runs it (`bin/onion-course.js`:
 * `src/cli/main.ts` through tsx's loader, in one Node process). `npm run <command>` runs the same file
 * through the `tsx` command, which starts a second Node process to run it in: a third of a second
 * more per call, for the same program.
 */
export const runCli = (...args: string[]): Promise<Run> =>
  runCommand(process.execPath, [BIN, ...args]);

/** A line of a stack trace, which no command may print for bad input. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
