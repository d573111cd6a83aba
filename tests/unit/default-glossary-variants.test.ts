import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { findVariantsInText } from "../../src/glossary/avoided-variants.ts";
import { glossarySchema } from "../../src/glossary/schema.ts";
import { REPO_DIR } from "../helpers/paths.ts";

/**
 * The default course's glossary (issue 29, item 5): each wording that one idea had in the modules
 * before they were unified is flagged, in the sentence where it stood, and names the agreed term.
 */
const glossary = glossarySchema(["en", "zh-CN"]).parse(
  parse(await readFile(join(REPO_DIR, "framework/glossary.yaml"), "utf8")),
);

const EARLIER: { locale: string; line: string; term: string }[] = [
  {
    locale: "zh-CN",
    line: "论文结论也提到“个人能力与可培养能力”的分层组合",
    term: "trainable-competency",
  },
  {
    locale: "zh-CN",
    line: "［从诊所到点击量：医疗卫生专业人员社交媒体参与的动机］",
    term: "healthcare-professional",
  },
  { locale: "zh-CN", line: "医疗专业人员社交媒体使用的动机", term: "healthcare-professional" },
  { locale: "zh-CN", line: "美国疾控中心（CDC）的清晰沟通指数", term: "cdc" },
  { locale: "zh-CN", line: "| 来源标注 | 是否注明了依据及其日期？ |", term: "honcode-principles" },
  {
    locale: "zh-CN",
    line: "| 有据可查 | 每一个关于疗效的说法是否有证据支撑 |",
    term: "honcode-principles",
  },
  {
    locale: "zh-CN",
    line: "| 来源（Attribution） | 是否注明信息来源 |",
    term: "honcode-principles",
  },
  { locale: "zh-CN", line: "### 知识自测", term: "knowledge-check" },
  { locale: "zh-CN", line: "**思考问题**", term: "questions-to-consider" },
  {
    locale: "zh-CN",
    line: "title: { en: Scope of competence, zh-CN: 专业胜任范围 }",
    term: "scope-of-competence",
  },
  { locale: "zh-CN", line: "## 守住专业边界", term: "scope-of-competence" },
  {
    locale: "zh-CN",
    line: "哪些部分与 2023 年广告管理办法所禁止的做法相似？",
    term: "internet-advertising-measures",
  },
  {
    locale: "zh-CN",
    line: "根据中央网信办 2023 年《关于加强“自媒体”管理的通知》",
    term: "self-media-notice",
  },
  { locale: "zh-CN", line: "按网信部门2023年通知，应该怎么做？", term: "self-media-notice" },
  {
    locale: "en",
    line: 'Explain what the 2023 CAC notice on "self-media" expects',
    term: "self-media-notice",
  },
  { locale: "en", line: "Which step fits the CAC 2023 notice?", term: "self-media-notice" },
  {
    locale: "en",
    line: "using the SAMR 2023 Internet Advertising measures.",
    term: "internet-advertising-measures",
  },
  {
    locale: "en",
    line: "resemble what the 2023 advertising measures prohibit?",
    term: "internet-advertising-measures",
  },
];

describe("default glossary: wordings to avoid", () => {
  it.each(EARLIER)("flags “$line” ($locale) as term $term", ({ locale, line, term }) => {
    const found = findVariantsInText("modules/x.md", line, locale, glossary.terms);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining(`\`${term}\``)]);
    expect(found[0]!.severity).toBe("warning");
  });

  it("leaves the agreed wordings alone", () => {
    const agreed = [
      "四项专业能力为可培训能力；受访医务人员；美国疾病预防控制中心",
      "| 出处 | | 合理性 | | 透明度 | ### 知识检测 **思考题** 守住专业范围",
      "2023 年《互联网广告管理办法》；中央网信办秘书局 2023 年 7 月印发的《关于加强“自媒体”管理的通知》",
      "标注来源与利益声明；《基本医疗卫生与健康促进法》所称医疗卫生人员",
    ].join("\n");
    expect(findVariantsInText("modules/x.md", agreed, "zh-CN", glossary.terms)).toEqual([]);
    const en = 'the 2023 notice on "self-media"; the 2023 internet advertising measures';
    expect(findVariantsInText("modules/x.md", en, "en", glossary.terms)).toEqual([]);
  });
});
