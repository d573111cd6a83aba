/**
 * Ids of a guide's fragments get the module's prefix, with every reference to them, so guides can
 * share a page. One pass finds every kind of attribute; it gives what prefixing one kind of
 * attribute at a time gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefixIds } from "../../src/print/prefix-ids.ts";
import { SEED } from "../helpers/properties.ts";

/** Prefixing one kind of attribute at a time: what the guides were always given. */
function prefixOneKindAtATime(html: string, prefix: string): string {
  return html
    .replace(/\b(id|for)="([^"]+)"/g, (_m, attr: string, v: string) => `${attr}="${prefix}-${v}"`)
    .replace(
      /\b(aria-labelledby|aria-describedby)="([^"]+)"/g,
      (_m, attr: string, v: string) =>
        `${attr}="${v
          .split(/\s+/)
          .map((x) => `${prefix}-${x}`)
          .join(" ")}"`,
    )
    .replace(/\bhref="#([^"]+)"/g, (_m, v: string) => `href="#${prefix}-${v}"`);
}

describe("prefixIds", () => {
  it("prefixes ids, labels' targets, ARIA references and in-page links, not other links or text", () => {
    const html =
      '<h2 id="plan">Plan</h2><label for="q1">Q</label><input id="q1" aria-describedby="h1 h2">' +
      '<a href="#plan">up</a><a href="https://example.org/#x">out</a><p>for=&quot;x&quot;</p>';
    expect(prefixIds(html, "m1")).toBe(
      '<h2 id="m1-plan">Plan</h2><label for="m1-q1">Q</label><input id="m1-q1" aria-describedby="m1-h1 m1-h2">' +
        '<a href="#m1-plan">up</a><a href="https://example.org/#x">out</a><p>for=&quot;x&quot;</p>',
    );
  });

  it("gives what prefixing one kind of attribute at a time gives, for generated markup", () => {
    const value = fc.stringMatching(/^[a-z0-9-]{1,6}( [a-z0-9-]{1,6}){0,2}$/);
    const attribute = fc
      .tuple(
        fc.constantFrom(
          "id",
          "for",
          "aria-labelledby",
          "aria-describedby",
          "href",
          "data-id",
          "class",
        ),
        fc.boolean(),
        value,
      )
      .map(([name, hash, v]) => ` ${name}="${name === "href" && hash ? "#" : ""}${v}"`);
    const tag = fc
      .tuple(
        fc.constantFrom("p", "a", "h2", "input", "label"),
        fc.array(attribute, { maxLength: 4 }),
      )
      .map(([name, attrs]) => `<${name}${attrs.join("")}>`);
    // Text as our renderers write it: a quote in text is always escaped (`&quot;`).
    const text = fc.constantFrom("for", "id", "text ", "id=&quot;", "href=", "#", " ");
    fc.assert(
      fc.property(fc.array(fc.oneof(tag, text), { maxLength: 12 }), (parts) => {
        const html = parts.join("");
        expect(prefixIds(html, "p")).toBe(prefixOneKindAtATime(html, "p"));
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});
