import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The name of the cookie that carries the token for the page's own requests (scripts, frames). */
export const TOKEN_COOKIE = "onion_author";

/** A fresh secret for one editor session: 32 random bytes, URL-safe. */
export const newToken = () => randomBytes(32).toString("base64url");

const sameSecret = (a: string | undefined, b: string) =>
  a !== undefined &&
  a.length === b.length &&
  timingSafeEqual(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/** Why a request is refused, or undefined when it may go on. */
export function refusal(
  req: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): string | undefined {
  // DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
  const host = req.headers.host ?? "";
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return "wrong host";
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return "wrong origin";
  if (req.method !== "GET" && req.method !== "HEAD" && origin === undefined)
    if (req.headers["sec-fetch-site"] !== "same-origin") return "no origin";
  const given = url.searchParams.get("token") ?? cookie(req, TOKEN_COOKIE);
  if (!sameSecret(given ?? undefined, token)) return "no token";
  return undefined;
}

/** The cookie set after the first request with the token in its URL. */
export const tokenCookie = (token: string) =>
  `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
