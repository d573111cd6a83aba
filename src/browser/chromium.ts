import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { CourseError } from "../errors.ts";

/** Debian's Chromium unless CHROMIUM_PATH names another Chromium or Chrome. */
export function chromiumPath(given?: string): string {
  return given ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** A clear error when no browser is at `executablePath`: what to install, or what to set. */
export function assertChromium(executablePath: string): void {
  if (!existsSync(executablePath))
    throw new CourseError(
      `Chromium was not found at ${executablePath}. Install it (Debian/Ubuntu: \`sudo apt-get install chromium\`) or set CHROMIUM_PATH to a Chromium or Chrome executable.`,
    );
}

/**
 * Chromium as the engine and its tests drive it: headless unless told otherwise, with the flags that
 * keep it from calling out to the network (no background updates, sync or QUIC) and that let it run
 * as root in a container.
 */
export function launchChromium(
  executablePath: string,
  headless = true,
  extraArgs: string[] = [],
): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}
