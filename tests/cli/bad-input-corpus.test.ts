/**
 * Rows of the bad-input corpus (tests/build/bad-input-corpus.test.ts) run through the real command
 * line, as a trainer runs it: `tsx src/cli/main.ts build --course <copy> --out <folder>`. Each
 * checks the exit code, what is printed (file:line, the hint, no stack trace) and that the output
 * folder is byte-for-byte what it was.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { copyCourse } from "../helpers/courses.ts";
import {
  add,
  ALIAS_BOMB,
  applyAll,
  bytes,
  COURSE,
  EN,
  fingerprint,
  FW,
  linkOut,
  outsideFolders,
  rebase,
  sub,
  utf16le,
  withBom,
  ZH,
  type Edit,
} from "../helpers/bad-input-edits.ts";
import { fixture, tempDir } from "../helpers/paths.ts";
import { runCli, STACK_LINE } from "../helpers/run-command.ts";

const cli = runCli;

interface Row {
  name: string;
  edits: Edit[];
  /** What stderr must hold: `error <file>:<line>:` and the message. */
  where: RegExp;
}

const ROWS: Row[] = [
  {
    name: "a YAML syntax error",
    edits: [sub(COURSE, "name: CC BY 4.0", "name: CC BY: 4.0")],
    where: /error framework\/course\.yaml:11:\d+\n {2}YAML syntax/,
  },
  {
    name: "an alias bomb",
    edits: [add(FW, ALIAS_BOMB)],
    where: /error framework\/framework\.yaml:1:1\n.*alias/i,
  },
  {
    name: "a javascript: licence URL",
    edits: [
      sub(COURSE, "url: https://creativecommons.org/licenses/by/4.0/", "url: javascript:alert(1)"),
    ],
    where: /error framework\/course\.yaml:12:\d+ at licence\.url\n.*not an allowed address/,
  },
  {
    name: "a heading id that breaks out of its attribute",
    edits: [
      sub(
        EN,
        '{serves="patient-privacy"}',
        '{id=a"onmouseover="alert(1) serves="patient-privacy"}',
      ),
    ],
    where: /error modules\/digital-skills\/en\.md:15:\d+/,
  },
  {
    name: "a competency id that is also a page of the site",
    edits: [sub(FW, "- id: information-literacy", "- id: assess")],
    where: /error framework\/framework\.yaml:\d+:\d+ at [^\n]*\n.*assess/,
  },
  {
    name: "a course file saved as UTF-16",
    edits: [bytes(COURSE, utf16le)],
    where: /error framework\/course\.yaml:1:1\n.*UTF-16/,
  },
  {
    name: "a module file that links out of the course",
    edits: [linkOut(EN)],
    where: /error modules\/digital-skills\/en\.md:1:1\n.*outside the course/,
  },
  {
    name: "a module over the size limit",
    edits: [add(ZH, "很长的段落。".repeat(200_000))],
    where: /error modules\/digital-skills\/zh-CN\.md:1:1\n.*too large/,
  },
];

const made: string[] = [];
let previous: string;
let before: Map<string, string>;

beforeAll(async () => {
  previous = join(await tempDir("cli-corpus-previous-"), "site");
  made.push(join(previous, ".."));
  await buildSite({
    courseDir: fixture("minimal"),
    outputDir: previous,
    strict: true,
    search: false,
  });
  before = await fingerprint(previous);
}, 120_000);
afterAll(() =>
  Promise.all([...made, ...outsideFolders].map((d) => rm(d, { recursive: true, force: true }))),
);

/** A fresh copy of the fixture with `edits`, and a copy of the previous site beside it. */
async function setUp(edits: Edit[]): Promise<{ dir: string; out: string }> {
  const dir = await copyCourse(fixture("minimal"));
  made.push(dir);
  await applyAll(dir, edits);
  const out = join(dir, "..", `${dir.split("/").pop()}-site`);
  made.push(out);
  await cp(previous, out, { recursive: true });
  return { dir, out };
}

describe.each(ROWS)("build refuses $name", (row) => {
  it("exit code 1, file and line with a hint, no stack trace, the output folder unchanged", async () => {
    const { dir, out } = await setUp(row.edits);
    const { code, stdout, stderr } = await cli("build", "--strict", "--course", dir, "--out", out);
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(row.where);
    expect(stderr).toMatch(/\n {2}→ \S/);
    expect(stderr).toMatch(/Nothing was written/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(/Internal error|bug in the tool/);
    expect(stdout).not.toMatch(/Built \d+ pages/);
    expect(await fingerprint(out)).toEqual(rebase(before, previous, out));
  });
});

describe("build with output folders, as the command line gets them", () => {
  it("--out the course folder: refused up front, the course unchanged", async () => {
    const { dir } = await setUp([]);
    const course = await fingerprint(dir);
    const { code, stderr } = await cli("build", "--course", dir, "--out", dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Refusing to write the output into .*: it is the course folder/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(await fingerprint(dir)).toEqual(course);
  });

  it("--out a folder of someone's notes: refused, the notes unchanged", async () => {
    const { dir } = await setUp([]);
    const notes = join(dir, "..", `${dir.split("/").pop()}-notes`);
    made.push(notes);
    await mkdir(notes);
    await writeFile(join(notes, "minutes.txt"), "ward meeting");
    const { code, stderr } = await cli("build", "--course", dir, "--out", notes);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Refusing to replace .*: the folder is not empty/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(await readdir(notes)).toEqual(["minutes.txt"]);
    expect(await readFile(join(notes, "minutes.txt"), "utf8")).toBe("ward meeting");
  });

  it("--out under folders that do not exist yet, with byte-order marks in the course: built", async () => {
    const { dir } = await setUp([bytes(ZH, withBom), bytes(COURSE, withBom)]);
    const out = join(dir, "..", `${dir.split("/").pop()}-new`, "a", "b", "site");
    made.push(join(out, "..", "..", ".."));
    const { code, stdout, stderr } = await cli(
      "build",
      "--strict",
      "--no-search",
      "--course",
      dir,
      "--out",
      out,
    );
    // Eleventy may print its own timing notes; no error or warning of the course.
    expect(stderr).not.toMatch(/^(error|warning) /m);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/Built \d+ pages in en, zh-CN/);
    expect(await readFile(join(out, "zh-CN", "index.html"), "utf8")).toContain("最小课程");
  });
});
