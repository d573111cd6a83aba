import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "./paths.ts";

/** Edits that break (or attack) a copy of tests/fixtures/minimal, for the bad-input corpus. */

/** Folders made outside the course by `linkOut`; the tests remove them afterwards. */
export const outsideFolders: string[] = [];

export const COURSE = "framework/course.yaml";
export const FW = "framework/framework.yaml";
export const EN = "modules/digital-skills/en.md";
export const ZH = "modules/digital-skills/zh-CN.md";
export const REFLECTION = "framework/reflection.yaml";

export type Edit = (dir: string) => Promise<void>;

export const read = (dir: string, file: string) => readFile(join(dir, file), "utf8");
/** Replaces the only occurrence of `from` in `file` (fails the test setup otherwise). */
export const sub =
  (file: string, from: string, to: string): Edit =>
  async (dir) => {
    const text = await read(dir, file);
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`Corpus setup: ${JSON.stringify(from)} ${count}× in ${file}`);
    await writeFile(
      join(dir, file),
      text.replace(from, () => to),
    );
  };
export const add =
  (file: string, text: string): Edit =>
  async (dir) =>
    writeFile(join(dir, file), (await read(dir, file)) + text);
export const put =
  (file: string, content: string | Uint8Array): Edit =>
  async (dir) => {
    await mkdir(join(dir, file, ".."), { recursive: true });
    await writeFile(join(dir, file), content);
  };
export const remove =
  (file: string): Edit =>
  (dir) =>
    rm(join(dir, file), { recursive: true, force: true });
/** Moves `path` out of the course and leaves a symbolic link to it in its place. */
export const linkOut =
  (path: string): Edit =>
  async (dir) => {
    const outside = join(await tempDir("corpus-outside-"), path.replace(/\//g, "_"));
    outsideFolders.push(join(outside, ".."));
    await cp(join(dir, path), outside, { recursive: true });
    await rm(join(dir, path), { recursive: true });
    await symlink(outside, join(dir, path));
  };
/** Rewrites a file with other bytes: a byte-order mark, another encoding, CRLF line ends. */
export const bytes =
  (file: string, change: (text: string) => Uint8Array): Edit =>
  async (dir) =>
    writeFile(join(dir, file), change(await read(dir, file)));

export const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
export const withBom = (text: string) => Buffer.from(`\uFEFF${text}`, "utf8");
/** GBK bytes for 患者 in place of the UTF-8 ones: what an old editor saves. */
export const gbk = (text: string) => {
  const [before, after] = [
    text.slice(0, text.indexOf("患者")),
    text.slice(text.indexOf("患者") + 2),
  ];
  return Buffer.concat([
    Buffer.from(before),
    Buffer.from([0xbb, 0xbc, 0xd5, 0xdf]),
    Buffer.from(after),
  ]);
};

export const ALIAS_BOMB = [
  "bomb:",
  '  a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  "  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]",
  "  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]",
  "",
].join("\n");

export /** The hash of every file under `dir`, by path. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(
        path,
        createHash("sha256")
          .update(await readFile(path))
          .digest("hex"),
      );
    }
  return files;
}

export /** A fingerprint with its paths moved from one folder to another. */
function rebase(prints: Map<string, string>, from: string, to: string): Map<string, string> {
  return new Map([...prints].map(([path, hash]) => [to + path.slice(from.length), hash]));
}

/** Applies the edits of a corpus row in order. */
export async function applyAll(dir: string, edits: Edit[]): Promise<void> {
  for (const edit of edits) await edit(dir);
}
