import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markForeignHtml } from "../../src/eleventy/mark-foreign.ts";

describe("Chinese fragments in pages of other languages", () => {
  it.each([
    [
      "Notice (关于加强“自媒体”管理的通知). July 2023.",
      'Notice (<span lang="zh-CN">关于加强“自媒体”管理的通知</span>). July 2023.',
    ],
    [
      '<p title="中文">Law 中华人民共和国个人信息保护法</p>',
      '<p title="中文">Law <span lang="zh-CN">中华人民共和国个人信息保护法</span></p>',
    ],
    ["No Chinese here.", "No Chinese here."],
  ])("marks %s", (html, marked) => {
    expect(markForeignHtml(html, "en", "zh-CN")).toBe(marked);
  });

  it("leaves Chinese pages as they are", () => {
    expect(markForeignHtml("<p>个人信息保护法</p>", "zh-CN", "zh-CN")).toBe(
      "<p>个人信息保护法</p>",
    );
  });

  it("marks exactly what marking the text between tags one part at a time marks, for any markup", () => {
    const run =
      /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+(?:[\s\d,.:;()\u2018-\u201f-]*[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+)*/g;
    const byParts = (html: string) =>
      html
        .split(/(<[^>]*>)/)
        .map((part, i) =>
          i % 2 === 1 ? part : part.replace(run, (r) => `<span lang="zh-CN">${r}</span>`),
        )
        .join("");
    const pieces = fc.constantFrom(
      ...'<>/=" a-p1 2,.:;()“”‘’中文法。、（）「」－　ｱ豈'.split(""),
      "<p>",
      "</p>",
      '<a title="中文">',
      "<br>",
      "个人信息保护法",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const html = parts.join("");
        expect(markForeignHtml(html, "en", "zh-CN")).toBe(byParts(html));
      }),
      { numRuns: 3000 },
    );
  });
});
