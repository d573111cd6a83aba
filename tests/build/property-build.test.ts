/**
 * Property: hostile text (markup, template syntax, quotes; script links are the loader's and the
 * corpus's business) in any field a trainer writes (course settings, framework, module front
 * matter and body, references and their addresses) either is refused with a validation report or
 * builds a site with no executable markup: no on* attribute, no javascript: (or other script) URL,
 * no inline script, found by parsing every page's HTML. Builds take seconds, so the runs are few;
 * each run puts a different hostile text in every field at once.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { ValidationError } from "../../src/errors.ts";
import { copyCourse } from "../helpers/courses.ts";
import { executableMarkupInSite } from "../helpers/html-safety.ts";
import { COURSE, EN, FW, ZH } from "../helpers/bad-input-edits.ts";
import { fixture, tempDir } from "../helpers/paths.ts";
import { markupText, SEED } from "../helpers/properties.ts";

/** Where hostile text goes: a file, the text replaced, and how the new text is written there. */
const SPOTS: [file: string, from: string, to: (text: string) => string][] = [
  [COURSE, "en: Minimal course,", (t) => `en: ${JSON.stringify(t)},`],
  [COURSE, "en: A tiny course the tests build,", (t) => `en: ${JSON.stringify(t)},`],
  [COURSE, "en: Example hospital,", (t) => `en: ${JSON.stringify(t)},`],
  [COURSE, "name: CC BY 4.0", (t) => `name: ${JSON.stringify(t)}`],
  [COURSE, "title: An example competency framework", (t) => `title: ${JSON.stringify(t)}`],
  [FW, "en: Digital skills,", (t) => `en: ${JSON.stringify(t)},`],
  [FW, "en: Posting safely and clearly.", (t) => `en: ${JSON.stringify(t)}`],
  [FW, "en: Patient privacy,", (t) => `en: ${JSON.stringify(t)},`],
  [FW, "en: Always asks for consent.", (t) => `en: ${JSON.stringify(t)}`],
  [FW, "en: Knows what it involves.", (t) => `en: ${JSON.stringify(t)}`],
  [EN, "title: Protecting patient privacy online", (t) => `title: ${JSON.stringify(t)}`],
  [EN, "audience: Nurses who post health content", (t) => `audience: ${JSON.stringify(t)}`],
  [EN, "## Consent first", (t) => `## Consent ${t}`],
  [EN, "A photo can identify", (t) => `${t} A photo can identify`],
  [EN, "### Check a draft post", (t) => `### Check ${t}`],
  [EN, "Hand out the draft", (t) => `${t} Hand out the draft`],
  [EN, "Which photo may you post?", (t) => `Which ${t} photo may you post?`],
  [EN, "> Yes: no patient can be identified.", (t) => `> Yes: ${t}`],
  [
    EN,
    `text: "Personal Information Protection Law of the People's Republic of China. 2021."`,
    (t) => `text: ${JSON.stringify(t)}`,
  ],
  [ZH, "即使没有姓名", (t) => `${t}即使没有姓名`],
];

/** Allowed addresses for a reference (script ones are refused: see the bad-input corpus). */
const referenceUrl = fc.constantFrom(
  "https://example.org/guide?lang=en&page=2",
  "mailto:ward@example.org",
  "/handouts/consent.pdf",
  "#consent",
);

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

describe("hostile text in every field", () => {
  it("is refused or builds a site without executable markup", async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(
        // About half the fields get hostile text in each run, the others keep theirs.
        fc.array(fc.option(markupText, { freq: 2 }), {
          minLength: SPOTS.length,
          maxLength: SPOTS.length,
        }),
        referenceUrl,
        async (texts, url) => {
          const dir = await copyCourse(fixture("minimal"));
          const out = join(await tempDir("property-site-"), "site");
          made.push(dir, join(out, ".."));
          for (const [i, [file, from, to]] of SPOTS.entries()) {
            if (texts[i] === null) continue;
            const path = join(dir, file);
            const text = await readFile(path, "utf8");
            expect(text.split(from).length, `${file}: ${from}`).toBe(2);
            await writeFile(
              path,
              text.replace(from, () => to(texts[i]!)),
            );
          }
          const en = join(dir, EN);
          await writeFile(
            en,
            (await readFile(en, "utf8")).replace(
              "  - key: pipl2021",
              () => `  - key: pipl2021\n    url: ${JSON.stringify(url)}`,
            ),
          );
          const result = await buildSite({
            courseDir: dir,
            outputDir: out,
            strict: false,
            search: false,
          }).then(
            () => "built" as const,
            (e: unknown) => e,
          );
          if (result !== "built") {
            expect(result).toBeInstanceOf(ValidationError);
            return;
          }
          built++;
          expect(await executableMarkupInSite(out)).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 10, endOnFailure: true },
    );
    // The property is only worth something if hostile text did reach some pages.
    expect(built).toBeGreaterThan(0);
  }, 180_000);
});
