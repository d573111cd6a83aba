// Which addresses course data may link to (src/security/url-policy.ts). The bad-input corpus tries
// them inside whole courses; here each kind is named once, with what the author is told.
import { describe, expect, it } from "vitest";
import { explainUrlProblem, isAllowedUrl } from "../../src/security/url-policy.ts";

describe("the link policy", () => {
  it.each([
    "https://www.who.int/",
    "HTTP://example.org",
    "mailto:training@example.org",
    "tel:+86-10-1234-5678",
    "../about/",
    "/en/modules/",
    "#objectives",
    "?page=2",
    "notes/handout.pdf",
  ])("allows %s", (url) => {
    expect(explainUrlProblem(url)).toBeUndefined();
    expect(isAllowedUrl(url)).toBe(true);
  });

  it.each(["//evil.example/x", "\\\\evil.example\\x", "/\\evil.example", " \t//evil.example"])(
    "refuses %j, which a browser opens on another host, and asks for the full address",
    (url) => {
      expect(explainUrlProblem(url)).toBe(
        `\`${url}\` leaves out the scheme (//…); write the full address with https://`,
      );
    },
  );

  it.each([
    ["javascript:alert(1)", "javascript"],
    ["JavaScript:alert(1)", "JavaScript"],
    ["java\tscript:alert(1)", "javascript"],
    ["data:text/html,<script>alert(1)</script>", "data"],
    ["file:///etc/passwd", "file"],
  ])("refuses %j: the scheme %s is not allowed", (url, scheme) => {
    expect(explainUrlProblem(url)).toBe(
      `\`${url}\` uses \`${scheme}:\`, which is not allowed in links`,
    );
  });

  it("refuses what is not a scheme at all before a colon", () => {
    expect(explainUrlProblem("1http:x")).toBe("`1http:x` is not a link this course can use");
  });
});
