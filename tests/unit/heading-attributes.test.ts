import MarkdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import { describe, expect, it } from "vitest";
import { useHeadingAttributes } from "../../src/modules/heading-attributes.ts";

const OPTIONS = { allowedAttributes: [] as string[] };
const general = new MarkdownIt().use(markdownItAttrs, OPTIONS);
const fast = new MarkdownIt();
useHeadingAttributes(fast);

/** Each token's type, attributes and text, children included. */
const shape = (md: typeof fast, source: string) =>
  md.parse(source, {}).map((t) => ({
    type: t.type,
    attrs: t.attrs,
    content: t.content,
    children: t.children?.map((c) => [c.type, c.attrs, c.content]),
  }));

describe("heading attributes read without markdown-it-attrs' general search", () => {
  it.each([
    '## Reading the evidence {serves="information-literacy"}',
    '## Consent first {id=consent serves="patient-privacy"}',
    '## *Emphasis* in a heading {serves="a b"}',
    '## A heading {serves="a"}\n\nText.\n\n## Another {serves="b"}\n\n- a list\n- of items',
    '## 核查来源 {serves="source-appraisal"}',
    '## A breakout {id=a"onmouseover="alert(1) serves="patient-privacy"}',
    '## Handlers {serves="x" onclick="alert(1)"}',
    "## {.only-braces}",
    "## Code `a{b}` in a heading {serves=x}",
    "Text with {braces} in a paragraph.\n\n## Heading {serves=x}",
    "A paragraph {.red}",
    "[a link](https://example.org){target=_blank}\n\n## H {serves=x}",
    "```js {.numbered}\ncode\n```\n\n## H {serves=x}",
    "- item {.x}\n- item\n{.list}",
    "## Two {a=1} braces {b=2}",
    "No braces at all.\n\n## Heading",
  ])("%s", (source) => {
    expect(shape(fast, source)).toEqual(shape(general, source));
    expect(fast.render(source)).toBe(general.render(source));
  });
});
