/** A loopback web server for a built site, as a static host serves it (previews, screenshots, tests). */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
};

export interface StaticSite {
  /** The site's base URL, ending in the path prefix, e.g. `http://127.0.0.1:4321/training/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on loopback under `prefix`, like a static host (404.html for missing pages).
 * A `port` of 0 picks a free one; give the old one to bring a stopped site back at the same origin.
 */
export async function serveSite(root: string, prefix = "/", port = 0): Promise<StaticSite> {
  const server: Server = createServer(async (req, res) => {
    // A site without 404.html (or a file gone meanwhile) gets a plain "Not found", never a crash.
    const send = async (file: string, status = 200) => {
      const body = await readFile(file).catch(() => undefined);
      if (!body) return void res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      res.writeHead(status, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    };
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      return void res.writeHead(400, { "content-type": "text/plain" }).end("Bad request");
    }
    if (!path.startsWith(prefix)) return send(join(root, "404.html"), 404);
    let file = join(root, normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ""));
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, "index.html");
    if (
      await stat(file).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return send(file);
    return send(join(root, "404.html"), 404);
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const address = server.address();
  const listening = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${listening}${prefix}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
