import { cp, mkdir, readFile, stat, symlink, unlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse, type LoadOptions } from "../../src/course/load-course.ts";
import { YamlParseCache } from "../../src/framework/yaml-parse-cache.ts";
import { parseYamlSource } from "../../src/framework/yaml-source.ts";
import { ModuleVersionCache } from "../../src/modules/version-cache.ts";
import { CourseTextCache } from "../../src/security/course-text-cache.ts";
import { readCourseText } from "../../src/security/read-course-file.ts";
import { fixture, tempDir } from "../helpers/paths.ts";

/** What `npm start` keeps between the loads of one course. */
const servingCaches = (): LoadOptions => ({
  moduleCache: new ModuleVersionCache(),
  yamlCache: new YamlParseCache(),
  textCache: new CourseTextCache(),
});

describe("course file texts kept while serving", () => {
  it("reads a file again after any write, even one that keeps its size and modification time", async () => {
    const dir = await tempDir("text-cache-");
    const file = join(dir, "a.md");
    await writeFile(file, "first text");
    // A whole second, so that putting it back below restores it exactly.
    const mtime = new Date("2026-01-01T00:00:00Z");
    await utimes(file, mtime, mtime);
    const cache = new CourseTextCache();
    expect(await readCourseText(dir, "a.md", cache)).toEqual({ text: "first text" });
    expect(await readCourseText(dir, "a.md", cache)).toEqual({ text: "first text" });
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    // Same length, the old modification time put back: the status change time still differs.
    await new Promise((r) => setTimeout(r, 5));
    await writeFile(file, "other text");
    await utimes(file, mtime, mtime);
    expect((await stat(file)).mtimeMs).toBe(mtime.getTime());
    expect(await readCourseText(dir, "a.md", cache)).toEqual({ text: "other text" });
    await writeFile(file, "other text, longer");
    expect(await readCourseText(dir, "a.md", cache)).toEqual({ text: "other text, longer" });
  });

  it("still refuses a kept file that became a link out of the course, or stopped being UTF-8", async () => {
    const dir = await tempDir("text-cache-");
    const outside = join(await tempDir("outside-"), "secret.md");
    await writeFile(outside, "not the course's");
    await writeFile(join(dir, "a.md"), "text");
    await writeFile(join(dir, "b.md"), "text");
    const cache = new CourseTextCache();
    await readCourseText(dir, "a.md", cache);
    await readCourseText(dir, "b.md", cache);
    await unlink(join(dir, "a.md"));
    await symlink(outside, join(dir, "a.md"));
    expect((await readCourseText(dir, "a.md", cache)).finding?.message).toMatch(
      /link to a file outside the course folder/,
    );
    await writeFile(join(dir, "b.md"), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
    expect((await readCourseText(dir, "b.md", cache)).finding?.message).toMatch(/not UTF-8/);
  });
});

describe("parsed YAML kept while serving", () => {
  it("parses an unchanged text once, and gives every load data and findings of its own", () => {
    const cache = new YamlParseCache();
    let parses = 0;
    const parse = (text: string) => () => {
      parses += 1;
      return parseYamlSource(text, "framework/framework.yaml");
    };
    const text = "layers:\n  - id: core\n    title: { en: Core }\n";
    const first = cache.get("framework/framework.yaml", text, parse(text));
    const second = cache.get("framework/framework.yaml", text, parse(text));
    expect(parses).toBe(1);
    expect(second.data).toEqual(first.data);
    (first.data as { layers: { id: string }[] }).layers[0]!.id = "changed";
    expect((second.data as { layers: { id: string }[] }).layers[0]!.id).toBe("core");
    expect(cache.get("framework/framework.yaml", text, parse(text)).data).toEqual(second.data);
    expect(second.locate(["layers", 0, "title"])).toEqual({ line: 3, column: 12 });
    // A new text is parsed again, and then kept.
    cache.get("framework/framework.yaml", `${text}\n`, parse(`${text}\n`));
    cache.get("framework/framework.yaml", `${text}\n`, parse(`${text}\n`));
    expect(parses).toBe(2);

    const broken = "layers: [\n";
    const a = cache.get("broken.yaml", broken, parse(broken));
    a.syntaxFindings[0]!.severity = "warning";
    expect(cache.get("broken.yaml", broken, parse(broken)).syntaxFindings[0]!.severity).toBe(
      "error",
    );
  });
});

describe("a course loaded again while serving", () => {
  it("is the same model as a fresh load, and shows every edit of the framework, a module and the interface text", async () => {
    const dir = await tempDir("serve-load-");
    await cp(fixture("minimal"), dir, { recursive: true });
    const caches = servingCaches();
    const fresh = async () => loadCourse(dir);
    expect(await loadCourse(dir, caches)).toEqual(await fresh());
    expect(await loadCourse(dir, caches)).toEqual(await fresh());

    const frameworkFile = join(dir, "framework", "framework.yaml");
    const framework = await readFile(frameworkFile, "utf8");
    expect(framework).toContain("title: { en: Motivation,");
    await writeFile(
      frameworkFile,
      framework.replace("title: { en: Motivation,", "title: { en: A title changed while serving,"),
    );
    const edited = await loadCourse(dir, caches);
    expect(JSON.stringify(edited.framework)).toContain("A title changed while serving");
    expect(edited).toEqual(await fresh());

    const moduleFile = join(dir, "modules", "digital-skills", "en.md");
    await writeFile(
      moduleFile,
      `${await readFile(moduleFile, "utf8")}\nA line added while serving.\n`,
    );
    const withLine = await loadCourse(dir, caches);
    expect(withLine.modules[0]!.versions.en!.learnerHtml).toContain("A line added while serving.");
    expect(withLine).toEqual(await fresh());

    // The course's own interface text, added and then changed while serving.
    await mkdir(join(dir, "i18n"));
    await writeFile(join(dir, "i18n", "en.yaml"), 'module:\n  serves: "Trains:"\n');
    expect((await loadCourse(dir, caches)).ui.en!["module.serves"]).toBe("Trains:");
    await writeFile(join(dir, "i18n", "en.yaml"), 'module:\n  serves: "Builds:"\n');
    const relabelled = await loadCourse(dir, caches);
    expect(relabelled.ui.en!["module.serves"]).toBe("Builds:");
    expect(relabelled).toEqual(await fresh());
  });
});
