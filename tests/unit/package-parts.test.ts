// The parts `npm run package` assembles (tests/cli and tests/browser run the whole command): the
// SCORM manifest, a module page made fit for an LMS, the website zip and the exports' change date.
import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { OUTPUT_MARKER } from "../../src/output/safe-output.ts";
import { COURSE_FILE, FRAMEWORK_FILE } from "../../src/framework/load.ts";
import { readFrameworkChangedAt } from "../../src/export/framework-changed-at.ts";
import { renderManifest, type ManifestInput } from "../../src/export/scorm/manifest.ts";
import { resolveInPackage, rewritePackagePage } from "../../src/export/scorm/package-page.ts";
import { zipWebsite } from "../../src/export/website-zip.ts";
import { tempDir } from "../helpers/paths.ts";

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const input = (overrides: Partial<ManifestInput> = {}): ManifestInput => ({
  version: "1.2",
  identifier: "course-en",
  title: "Handover & safety <basics>",
  shared: ["assets/site.css"],
  scos: [
    {
      id: "handover",
      title: 'SBAR "handover"',
      href: "en/modules/handover/index.html",
      files: ["en/modules/handover/index.html"],
    },
  ],
  ...overrides,
});

describe("the SCORM manifest", () => {
  it("writes the pass mark for SCORM 1.2, rounded, on every item", () => {
    const xml = renderManifest(input({ masteryScore: 79.6 }));
    expect(xml).toContain("<adlcp:masteryscore>80</adlcp:masteryscore>");
    expect(xml).toContain('adlcp:scormtype="sco"');
  });

  it("leaves the pass mark out of SCORM 2004 and out of 1.2 when none is set", () => {
    expect(renderManifest(input({ version: "2004", masteryScore: 80 }))).not.toContain(
      "masteryscore",
    );
    expect(renderManifest(input())).not.toContain("masteryscore");
    expect(renderManifest(input({ version: "2004" }))).toContain('adlcp:scormType="sco"');
  });

  it("escapes titles as XML text", () => {
    const xml = renderManifest(input());
    expect(xml).toContain("<title>Handover &amp; safety &lt;basics&gt;</title>");
    expect(xml).toContain("<title>SBAR &quot;handover&quot;</title>");
  });
});

describe("a module page inside a package", () => {
  const page = [
    '<html><head><link rel="stylesheet" href="../../../assets/site.css"></head><body>',
    '<nav class="site-nav"><a href="../../">Home</a></nav>',
    '<form class="site-search" action="../../search/"><input name="q"></form>',
    '<nav class="breadcrumb"><a href="../">Modules</a></nav>',
    "<main>",
    '<a href="../other/index.html">Other module</a>',
    '<a href="https://example.org/">Source</a>',
    '<a href="#objectives">Objectives</a>',
    '<a href="../../framework/">Framework</a>',
    "</main>",
    '<nav class="pager"><a href="../other/">Next</a></nav>',
    "<footer><p>Footer</p></footer>",
    "</body></html>",
  ].join("\n");
  const rewritten = rewritePackagePage(page, {
    path: "en/modules/handover/index.html",
    files: new Set(["en/modules/handover/index.html", "en/modules/other/index.html"]),
    runtime: { note: "</script><script>alert(1)</script>" },
    privacy: "Only your score & completion <go> to the LMS.",
  });

  it("drops the site's navigation, search, breadcrumb and pager", () => {
    expect(rewritten).not.toMatch(/site-nav|site-search|breadcrumb|pager/);
  });

  it("keeps links inside the package and to the web, and turns links to other site pages into text", () => {
    expect(rewritten).toContain('<a href="../other/index.html">Other module</a>');
    expect(rewritten).toContain('<a href="https://example.org/">Source</a>');
    expect(rewritten).toContain('<a href="#objectives">Objectives</a>');
    expect(rewritten).toContain("<span>Framework</span>");
  });

  it("adds the LMS stylesheet, the privacy line and the runtime, whose settings cannot end the script", () => {
    expect(rewritten).toContain('<link rel="stylesheet" href="../../../assets/lms.css">');
    expect(rewritten).toContain(
      '<p class="lms-privacy">Only your score &amp; completion &lt;go&gt; to the LMS.</p>',
    );
    expect(rewritten).toContain('<script src="../../../assets/scorm.js" defer></script>');
    expect(rewritten).not.toContain("</script><script>alert(1)");
  });

  it("resolves links relative to the page, and marks those that leave the package", () => {
    expect(resolveInPackage("en/modules/a/index.html", "../b/index.html#top")).toBe(
      "en/modules/b/index.html",
    );
    expect(resolveInPackage("en/modules/a/index.html", "../../../../x.html")).toBe("\0outside");
    expect(resolveInPackage("en/index.html", "mailto:a@example.org")).toBeUndefined();
    expect(resolveInPackage("en/index.html", "//cdn.example/x.js")).toBeUndefined();
    expect(resolveInPackage("en/index.html", "#top")).toBeUndefined();
  });
});

describe("the website zip", () => {
  it("holds every file under website/, but not the output marker, with fixed dates", async () => {
    const site = await tempDir("website-zip-");
    made.push(site);
    await mkdir(join(site, "en", "assets"), { recursive: true });
    await writeFile(join(site, "en", "index.html"), "<p>Home</p>");
    await writeFile(join(site, "en", "assets", "icon.png"), new Uint8Array([137, 80, 78, 71]));
    await writeFile(join(site, OUTPUT_MARKER), "written by the course generator");
    const first = await zipWebsite(site);
    const files = unzipSync(first);
    expect(Object.keys(files).sort()).toEqual([
      "website/en/assets/icon.png",
      "website/en/index.html",
    ]);
    expect(strFromU8(files["website/en/index.html"]!)).toBe("<p>Home</p>");
    // Same files, same bytes: the zip does not carry the time it was made.
    await utimes(join(site, "en", "index.html"), new Date(), new Date());
    expect(await zipWebsite(site)).toEqual(first);
  });
});

describe("the exports' change date", () => {
  it("is when course.yaml or framework.yaml last changed, whichever is later, to the second", async () => {
    const course = await tempDir("changed-at-");
    made.push(course);
    await mkdir(join(course, "framework"), { recursive: true });
    for (const file of [COURSE_FILE, FRAMEWORK_FILE]) await writeFile(join(course, file), "x: 1\n");
    await utimes(
      join(course, COURSE_FILE),
      new Date("2026-03-01T10:00:00.700Z"),
      new Date("2026-03-01T10:00:00.700Z"),
    );
    await utimes(
      join(course, FRAMEWORK_FILE),
      new Date("2026-05-04T08:30:15.900Z"),
      new Date("2026-05-04T08:30:15.900Z"),
    );
    expect((await readFrameworkChangedAt(course)).toISOString()).toBe("2026-05-04T08:30:15.000Z");
  });
});
