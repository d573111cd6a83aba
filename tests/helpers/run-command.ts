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

const TSX = join(REPO_DIR, "node_modules", ".bin", "tsx");

/** The project's command line (`tsx src/cli/main.ts …`), as the npm scripts run it. */
export const runCli = (...args: string[]): Promise<Run> =>
  runCommand(TSX, ["src/cli/main.ts", ...args]);

/** A line of a stack trace, which no command may print for bad input. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
