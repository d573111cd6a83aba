import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, relative, isAbsolute } from "node:path";
import { policyFor } from "../security/csp.ts";
import { AuthorApi, type Answer } from "./api.ts";
import { bundleClient } from "./client-bundle.ts";
import { DraftCourse } from "./draft-course.ts";
import { editorPolicy, securityHeaders } from "./headers.ts";
import { pageShell } from "./page-shell.ts";
import { RefusedPath } from "./path-guard.ts";
import { newToken, refusal, tokenCookie } from "./request-guard.ts";

export interface AuthorServer {
  /** The editor's address, with the session's token. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Request bodies are a course file's text at most (plus some JSON around it). */
const MAX_BODY_BYTES = 2_000_000;

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers["content-type"] ?? "").startsWith("application/json"))
    throw new RefusedPath("Send JSON.", 415);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RefusedPath("That is more than a course file.", 413);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new RefusedPath("That is not JSON.", 400);
  }
}

/**
 * The local editor's web server: loopback only, every request needs the session's token (in the URL
 * once, then an HttpOnly SameSite=Strict cookie) and the server's own Host, and it reads and writes
 * only the YAML and Markdown files inside `courseDir`.
 */
export async function startAuthorServer(options: {
  courseDir: string;
  port?: number;
}): Promise<AuthorServer> {
  const courseDir = await realpath(options.courseDir);
  const token = newToken();
  // Checks get a scratch copy of their own, so they never wait for a preview build.
  const [client, checks, draft] = await Promise.all([
    bundleClient(),
    DraftCourse.create(courseDir),
    DraftCourse.create(courseDir),
  ]);
  const api = new AuthorApi(courseDir, checks, draft);
  let port = 0;

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { ...securityHeaders(), "content-type": type, ...headers });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, answer: Answer) =>
    send(res, answer.status, "application/json; charset=utf-8", JSON.stringify(answer.body));

  async function previewFile(res: ServerResponse, path: string): Promise<void> {
    const [, build, ...rest] = path.split("/").slice(1);
    if (!build || !/^\d+$/.test(build)) throw new RefusedPath("No such preview.", 404);
    const root = join(draft.previewsDir, build);
    const segments = rest.map((s) => decodeURIComponent(s)).filter(Boolean);
    if (segments.some((s) => s === "." || s === ".." || /[\\/\0]/.test(s)))
      throw new RefusedPath("No such preview.", 404);
    let file = join(root, ...segments);
    const rel = relative(root, file);
    if (rel.startsWith("..") || isAbsolute(rel)) throw new RefusedPath("No such preview.", 404);
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, "index.html");
    const bytes = await readFile(file).catch(() => {
      throw new RefusedPath("No such page in the preview.", 404);
    });
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const policy = type.startsWith("text/html")
      ? `${policyFor(bytes.toString("utf8"))}; frame-ancestors 'self'`
      : "default-src 'none'; frame-ancestors 'self'";
    res.writeHead(200, { ...securityHeaders(policy), "content-type": type });
    res.end(bytes);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const why = refusal(req, url, token, port);
    if (why) return send(res, 403, "text/plain; charset=utf-8", `Forbidden (${why}).`);
    const path = url.pathname;
    const get = req.method === "GET" || req.method === "HEAD";
    if (get && path === "/") {
      const nonce = randomBytes(16).toString("base64");
      return send(res, 200, "text/html; charset=utf-8", pageShell(nonce), {
        "set-cookie": tokenCookie(token),
        "content-security-policy": editorPolicy(nonce),
      });
    }
    if (get && path === "/editor.js") return send(res, 200, TYPES[".js"]!, client.js);
    if (get && path === "/editor.css") return send(res, 200, TYPES[".css"]!, client.css);
    if (get && path.startsWith("/preview/")) return previewFile(res, path);
    if (get && path === "/api/course") return sendJson(res, await api.course());
    if (get && path === "/api/file")
      return sendJson(res, await api.open(url.searchParams.get("name") ?? ""));
    if (req.method === "POST" && path === "/api/check")
      return sendJson(res, await api.check(await readJson(req)));
    if (req.method === "POST" && path === "/api/preview")
      return sendJson(res, await api.preview(await readJson(req)));
    if (req.method === "POST" && path === "/api/save")
      return sendJson(res, await api.save(await readJson(req)));
    if (req.method === "POST" && path === "/api/new-module")
      return sendJson(res, await api.newModule(await readJson(req)));
    return send(res, 404, "text/plain; charset=utf-8", "Not found.");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof RefusedPath)
        return sendJson(res, { status: error.status, body: { error: error.message } });
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, { status: 500, body: { error: message } });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", done);
  });
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await Promise.all([checks.dispose(), draft.dispose()]);
    },
  };
}
