// The policy each page carries (src/security/csp.ts). The browser test proves pages work under it;
// these check what it allows, page by page.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addSecurityPolicy, policyFor } from "../../src/security/csp.ts";

const page = (head: string, body = "<p>Text</p>") =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}</head>\n<body>${body}</body>\n</html>\n`;
const sha256 = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const directive = (policy: string, name: string) =>
  policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("the content security policy", () => {
  it("allows only the site's own scripts, and no inline script or style, on a plain page", () => {
    const policy = policyFor(page('<link rel="stylesheet" href="/assets/site.css">\n'));
    expect(directive(policy, "script-src")).toBe("script-src 'self'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval'|style-src/);
  });

  it("allows each <style> element of a print page by its hash, and nothing else inline", () => {
    const pageRule = "\n@page { size: A4; margin: 18mm 16mm; }\n";
    const running = "@page { @top-left { content: 'Guide'; } }";
    const policy = policyFor(page(`<style>${pageRule}</style>\n<style>${running}</style>\n`));
    expect(directive(policy, "style-src")).toBe(
      `style-src 'self' ${sha256(pageRule)} ${sha256(running)}`,
    );
  });

  it("lets WebAssembly run only on a page that loads the search", () => {
    const search = policyFor(page("", '<script type="module" src="/assets/search.js"></script>'));
    expect(directive(search, "script-src")).toBe("script-src 'self' 'wasm-unsafe-eval'");
    const other = policyFor(page("", '<script type="module" src="/assets/journal.js"></script>'));
    expect(directive(other, "script-src")).toBe("script-src 'self'");
  });

  it("goes into <head> right after <meta charset>, before any style or script, once", () => {
    const html = addSecurityPolicy(page("<style>p{}</style>\n"));
    const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
    expect(head.split("\n").slice(1, 3)).toEqual([
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${policyFor(page("<style>p{}</style>\n"))}">`,
    ]);
    expect(addSecurityPolicy(html)).toBe(html);
  });

  it("is added even when the body mentions a policy: only the head counts", () => {
    const html = addSecurityPolicy(
      page("", '<p>Example: <code><meta http-equiv="Content-Security-Policy"></code></p>'),
    );
    expect(html.slice(0, html.indexOf("</head>"))).toContain(
      `<meta http-equiv="Content-Security-Policy" content="`,
    );
  });

  it("goes first in <head> on a page without <meta charset>", () => {
    const html = addSecurityPolicy("<html><head><title>x</title></head><body></body></html>");
    expect(html).toMatch(
      /^<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'self';[^"]*">/,
    );
  });
});
