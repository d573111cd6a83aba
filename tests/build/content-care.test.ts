import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInTemp } from "../helpers/build.ts";
import { copyCourse, editFile } from "../helpers/courses.ts";
import { fixture } from "../helpers/paths.ts";

const GLOSSARY = `terms:
  - id: checklist
    term: { en: checklist, zh-CN: 核查清单 }
    definition: { en: "A <b>short</b> list of questions.", zh-CN: 一份简短的问题清单。 }
    provenance: course
  - id: source
    term: { en: source, zh-CN: 信息来源 }
    definition: { en: Where a claim comes from., zh-CN: 说法的出处。 }
    provenance: course
    avoid: { zh-CN: [消息源] }
`;

let dir: string;
let out: string;
const page = (path: string) => readFile(join(out, path), "utf8");

beforeAll(async () => {
  dir = await copyCourse(fixture("module-base"));
  await writeFile(join(dir, "framework/glossary.yaml"), GLOSSARY);
  await editFile(dir, "modules/information-literacy/en.md", (t) =>
    t.replace(
      /\n---\n/,
      "\nreview:\n  by: Education team\n  on: 2026-03-01\n  next: 2999-03-01\n---\n",
    ),
  );
  ({ out } = await buildInTemp(dir));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("glossary and review dates in the built site", () => {
  it("writes a glossary page per locale, terms in the reader's order with the other language beside them", async () => {
    const en = await page("en/glossary/index.html");
    expect(en).toContain("<h1>Glossary</h1>");
    expect(en.indexOf('id="term-checklist"')).toBeLessThan(en.indexOf('id="term-source"'));
    expect(en).toMatch(
      /<dfn>checklist<\/dfn> <span class="glossary__other" lang="zh-CN">核查清单<\/span>/,
    );
    // Course data is text, never markup.
    expect(en).toContain("A &lt;b&gt;short&lt;/b&gt; list");
    const zh = await page("zh-CN/glossary/index.html");
    expect(zh).toContain("<h1>术语表</h1>");
    expect(zh).toMatch(/避免使用：消息源/);
    expect(zh).toContain("data-pagefind-body");
  });

  it("links the glossary from the outline in each locale", async () => {
    expect(await page("en/modules/index.html")).toMatch(/href="\.\.\/glossary\/index\.html"/);
    expect(await page("zh-CN/modules/index.html")).toContain("术语表");
  });

  it("prints the glossary in the handbook, with a contents entry, and the terms a module uses in its guide", async () => {
    const handbook = await page("en/facilitators/handbook/index.html");
    expect(handbook).toContain('href="#handbook-glossary"');
    expect(handbook.match(/class="glossary__entry"/g)).toHaveLength(2);
    const guide = await page("en/facilitators/information-literacy/index.html");
    expect(guide).toMatch(/<dfn>checklist<\/dfn>/);
  });

  it("says on the guide how current its content is, and lists review status for trainers", async () => {
    const guide = await page("en/facilitators/information-literacy/index.html");
    expect(guide).toContain("Content current as of 2026-03-01");
    expect(await page("zh-CN/facilitators/information-literacy/index.html")).not.toContain(
      "内容更新至",
    );
    const trainers = await page("en/trainers/index.html");
    expect(trainers).toMatch(
      /class="review--current"><th scope="row"><a [^>]+>Checking health information[^<]*<\/a><\/th><td>Current<\/td><td>2026-03-01 \(Education team\)<\/td><td>2999-03-01<\/td>/,
    );
    const zhTrainers = await page("zh-CN/trainers/index.html");
    expect(zhTrainers).toMatch(/class="review--unreviewed">.*<td>未注明审核日期<\/td>/);
  });
});
