import { describe, expect, it } from "vitest";
import { trimIndentation } from "../../src/eleventy/trim-indentation.ts";

describe("trimIndentation", () => {
  it("removes indentation between lines but keeps <pre> and <textarea> exactly", () => {
    const html =
      '<ul>\n  <li>a</li>\n\t<li>b</li>\n</ul>\n<pre class="language-yaml"><code>title:\n  en: x\n</code></pre>\n  <p>c\n    d</p>\n<textarea>\n  kept\n</textarea>\n  <p>e</p>';
    expect(trimIndentation(html)).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre class="language-yaml"><code>title:\n  en: x\n</code></pre>\n<p>c\nd</p>\n<textarea>\n  kept\n</textarea>\n<p>e</p>',
    );
  });
});
