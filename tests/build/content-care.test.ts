import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { contentFingerprint } from "../../src/modules/review-fingerprint.ts";
import { buildInTemp } from "../helpers/build.ts";
import { copyCourse, editFile } from "../helpers/courses.ts";
import { fixture, tempDir } from "../helpers/paths.ts";

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

/** The module text with a review recorded as `npm run review` does: date, reviewer, fingerprint. */
function reviewed(text: string): string {
  const review = "\nreview:\n  by: Education team\n  on: 2026-03-01\n  next: 2999-03-01\n";
  const withReview = text.replace(/\n---\n/, `${review}---\n`);
  const fingerprint = contentFingerprint(withReview)!;
  return withReview.replace(/\n---\n/, `\n  fingerprint: ${JSON.stringify(fingerprint)}\n---\n`);
}

let dir: string;
let out: string;
const page = (path: string) => readFile(join(out, path), "utf8");

beforeAll(async () => {
  dir = await copyCourse(fixture("module-base"));
  await writeFile(join(dir, "framework/glossary.yaml"), GLOSSARY);
  await editFile(dir, "modules/information-literacy/en.md", (t) => reviewed(t));
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

describe("a module changed after its review", () => {
  it("no longer says on its guide that its content is current, and trainers see it changed", async () => {
    const changed = await copyCourse(fixture("module-base"));
    try {
      await editFile(changed, "modules/information-literacy/en.md", (t) => reviewed(t));
      await editFile(
        changed,
        "modules/information-literacy/en.md",
        (t) => `${t}\nA paragraph written after the review.\n`,
      );
      // Built without --strict: the change since the review is a warning (tested elsewhere).
      const site = join(await tempDir("changed-site-"), "site");
      const { model } = await buildSite({ courseDir: changed, outputDir: site, search: false });
      expect(model.warnings.map((w) => w.message).join("\n")).toMatch(
        /has changed since its review/,
      );
      const read = (path: string) => readFile(join(site, path), "utf8");
      expect(await read("en/facilitators/information-literacy/index.html")).not.toContain(
        "Content current as of",
      );
      expect(await read("en/trainers/index.html")).toMatch(
        /class="review--changed"><th scope="row"><a [^>]+>Checking health information[^<]*<\/a><\/th><td>Changed since its review<\/td><td>2026-03-01 \(Education team\)<\/td>/,
      );
      await rm(join(site, ".."), { recursive: true, force: true });
    } finally {
      await rm(changed, { recursive: true, force: true });
    }
  });
});
