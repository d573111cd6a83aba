// The cohort evaluation pages in the built sites: the default course (with framework/feedback.yaml)
// and the example course (without it: learners hand over their self-assessments only).
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedBuild } from "../helpers/shared-site.ts";

const page = (out: string, path: string) => readFile(join(out, path, "index.html"), "utf8");

describe("cohort evaluation pages", () => {
  it("the default course has the form, the cohort page, the QR scripts and links to them", async () => {
    const { out, model } = await sharedBuild("default");
    for (const locale of model.locales) {
      const html = await page(out, `${locale}/feedback`);
      expect(html.match(/<fieldset class="rating/g)).toHaveLength(4);
      expect(html).toContain('maxlength="140"');
      expect(html).toContain("assets/qr-draw.js");
      expect(await page(out, `${locale}/facilitators/cohort`)).toContain("assets/qr-read.js");
      const module = await page(out, `${locale}/modules/digital-skills`);
      expect(module).toMatch(/href="[^"]*feedback\/[^"]*\?module=digital-skills"/);
      expect(await page(out, `${locale}/facilitators/digital-skills`)).toContain('id="evaluation"');
      expect(await page(out, `${locale}/trainers`)).toContain('id="evaluation"');
    }
    expect(await page(out, "zh-CN/feedback")).toContain("本次培训的内容与你的日常工作相关吗？");
    for (const file of ["qr-draw.js", "qr-read.js"]) {
      const script = await readFile(join(out, "assets", file), "utf8");
      expect(script).toMatch(/^\/\*! (qrcode|jsQR) /);
      expect(script).not.toMatch(/https?:\/\/(?!github\.com)/);
    }
  });

  it("a course without feedback.yaml builds, and its hand-over page offers the self-assessment only", async () => {
    const { out, model } = await sharedBuild("example");
    expect(model.feedback).toBeUndefined();
    const locale = model.defaultLocale;
    const html = await page(out, `${locale}/feedback`);
    expect(html).not.toContain('class="rating');
    expect(html).toContain("data-handover-before");
    expect(existsSync(join(out, locale, "facilitators/cohort/index.html"))).toBe(true);
    const embedded = /<script type="application\/json" id="cohort-data">([^<]*)<\/script>/.exec(
      html,
    );
    const data = JSON.parse(embedded![1]!);
    expect(data.meta.ratings).toEqual([]);
    expect(data.meta.textQuestion).toBe(false);
    expect(data.meta.minimumGroup).toBe(5);
  });
});
