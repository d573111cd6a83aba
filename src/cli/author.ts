import { spawn } from "node:child_process";
import { CourseError } from "../errors.ts";

/** Opens `url` in the desktop's browser, only where there is a desktop; never fails the command. */
function openInBrowser(url: string): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === "linux") return;
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(command, [url], { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No browser to open: the address is printed anyway.
  }
}

/** `author`: the local editor for one course folder, until Ctrl+C. */
export async function authorCommand(
  courseDir: string,
  options: { port?: string; open: boolean },
): Promise<number> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CourseError(`--port ${options.port} is not a port number (1 to 65535)`);
  const { startAuthorServer } = await import("../author/server.ts");
  const server = await startAuthorServer({ courseDir, port });
  console.log(
    `The course editor is running on port ${server.port}. Open this address (it carries this session's key; only this computer can reach it):\n\n  ${server.url}\n\nPress Ctrl+C to stop.`,
  );
  if (options.open) openInBrowser(server.url);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  return 0;
}
