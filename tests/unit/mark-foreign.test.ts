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
});
