/** The policy of the editor's own page: its script and style only, frames only from itself. */
export const editorPolicy = (nonce?: string) =>
  EDITOR_POLICY.replace("style-src 'self'", `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}`);

const EDITOR_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers on every answer of the editor's server. */
export function securityHeaders(policy = editorPolicy()): Record<string, string> {
  return {
    "content-security-policy": policy,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
  };
}
