import { createHash } from "node:crypto";

/**
 * The Content Security Policy of every page: scripts and styles only from the site's own files, no
 * plugins, no <base>, forms only to the site. `worker-src` allows the offline service worker.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "worker-src 'self'",
].join("; ");

/** The search page runs Pagefind, which compiles WebAssembly: that needs 'wasm-unsafe-eval' (not eval). */
const WASM = "'wasm-unsafe-eval'";

/**
 * The policy for one page: the base policy, plus the hash of each <style> element the page
 * carries (the print pages' @page rules), plus WebAssembly for a page that loads the search.
 */
export function policyFor(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`,
  );
  const usesSearch = /<script [^>]*src="[^"]*search\.js"/.test(html);
  let policy = CONTENT_SECURITY_POLICY;
  if (usesSearch) policy = policy.replace("script-src 'self'", `script-src 'self' ${WASM}`);
  if (styles.length) policy += `; style-src 'self' ${styles.join(" ")}`;
  return policy;
}

/**
 * Puts the policy into a page's <head>, right after <meta charset>, before any script or style; a
 * page whose <head> has one already comes back as it is. Only the head is looked at for that: text
 * in the body cannot stand in for the policy, and the body is not searched for it.
 */
export function addSecurityPolicy(html: string): string {
  const headEnd = html.indexOf("</head>");
  const head = headEnd === -1 ? html : html.slice(0, headEnd);
  if (head.includes('http-equiv="Content-Security-Policy"')) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  const charset = /<meta charset="utf-8">\n?/i.exec(html);
  if (charset) {
    const at = charset.index + charset[0].length;
    return `${html.slice(0, at)}${meta}\n${html.slice(at)}`;
  }
  return html.replace(/<head>/i, `<head>\n${meta}`);
}
