import { mkdir, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  hashText,
  openFile,
  saveBeside,
  saveFile,
  SaveConflict,
} from "../../src/author/file-store.ts";
import { RefusedPath, resolveCourseFile } from "../../src/author/path-guard.ts";
import { refusal, tokenCookie } from "../../src/author/request-guard.ts";
import { MESSAGES } from "../../src/author/client/messages.ts";
import { tempDir } from "../helpers/paths.ts";

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
const scratch = async (prefix: string) => {
  const dir = await tempDir(prefix);
  made.push(dir);
  return dir;
};

async function course(): Promise<string> {
  const dir = await scratch("author-safety-");
  await mkdir(join(dir, "framework"));
  await writeFile(join(dir, "framework", "course.yaml"), "title: x # kept\n");
  await writeFile(join(dir, "secret.txt"), "no");
  return dir;
}

const refusedWith = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof RefusedPath ? error.status : "accepted";
};

describe("the editor's path guard", () => {
  it("opens the course's YAML and Markdown and nothing else", async () => {
    const dir = await course();
    const outside = await scratch("author-outside-");
    await writeFile(join(outside, "x.yaml"), "a: 1\n");
    await symlink(join(outside, "x.yaml"), join(dir, "framework", "link.yaml"));
    await mkdir(join(dir, "modules"), { recursive: true });
    await symlink(outside, join(dir, "modules", "linked-folder"));
    expect(await resolveCourseFile(dir, "framework/course.yaml")).toMatch(/course\.yaml$/);
    for (const name of [
      "../x.yaml",
      "framework/../../x.yaml",
      "/etc/passwd",
      "framework\\course.yaml",
      "C:/x.yaml",
      "secret.txt",
      "framework/link.yaml",
      ".git/config.yaml",
      "node_modules/x/a.md",
      "framework//course.yaml",
      "./framework/course.yaml",
      "framework/course.yaml\0.md",
      // A course at a repository's root: its README and other YAML are not course files.
      "README.md",
      "docs/notes.md",
      "framework",
    ])
      expect([name, await refusedWith(resolveCourseFile(dir, name))]).toEqual([name, 403]);
    expect(await refusedWith(resolveCourseFile(dir, "framework/none.yaml"))).toBe(404);
    expect(
      await refusedWith(resolveCourseFile(dir, "modules/linked-folder/new.md", { mayBeNew: true })),
    ).toBe(403);
  });
});

describe("the editor's saving", () => {
  it("writes atomically when the file is as it was opened, and refuses otherwise", async () => {
    const dir = await course();
    const path = join(dir, "framework", "course.yaml");
    const opened = await openFile(path);
    const hash = await saveFile(path, "title: y # kept\n", opened.hash);
    expect(hash).toBe(hashText("title: y # kept\n"));
    expect(await readFile(path, "utf8")).toBe("title: y # kept\n");
    // No temporary file is left behind.
    expect(await readdir(join(dir, "framework"))).toEqual(["course.yaml"]);
    await writeFile(path, "title: someone else\n");
    const error = await saveFile(path, "title: mine\n", hash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaveConflict);
    expect((error as SaveConflict).current.text).toBe("title: someone else\n");
    expect(await readFile(path, "utf8")).toBe("title: someone else\n");
    const beside = await saveBeside(path, "title: mine\n");
    expect(beside).toMatch(/course\.mine\.yaml$/);
    expect(await saveBeside(path, "title: mine again\n")).toMatch(/course\.mine2\.yaml$/);
    expect(await readFile(path, "utf8")).toBe("title: someone else\n");
  });
});

describe("the editor's request guard", () => {
  const token = "a".repeat(43);
  const request = (headers: Record<string, string>, method = "GET") =>
    ({ headers, method }) as unknown as IncomingMessage;
  const url = (query = "") => new URL(`http://127.0.0.1:4000/${query}`);

  it("wants the token, the server's own Host and, for changes, its own origin", () => {
    const host = { host: "127.0.0.1:4000" };
    expect(refusal(request(host), url(`?token=${token}`), token, 4000)).toBeUndefined();
    expect(refusal(request(host), url(), token, 4000)).toBe("no token");
    expect(refusal(request(host), url("?token=b"), token, 4000)).toBe("no token");
    const cookie = { ...host, cookie: tokenCookie(token).split(";")[0]! };
    expect(refusal(request(cookie), url(), token, 4000)).toBeUndefined();
    expect(refusal(request({ host: "evil.test:4000" }), url(`?token=${token}`), token, 4000)).toBe(
      "wrong host",
    );
    const post = (headers: Record<string, string>) =>
      refusal(request({ ...cookie, ...headers }, "POST"), url(), token, 4000);
    expect(post({ origin: "http://127.0.0.1:4000" })).toBeUndefined();
    expect(post({ origin: "http://evil.test" })).toBe("wrong origin");
    expect(post({})).toBe("no origin");
    expect(tokenCookie(token)).toMatch(/HttpOnly; SameSite=Strict/);
  });
});

describe("the editor's interface texts", () => {
  it("has every text in every language, none empty, with the same placeholders", () => {
    const en = MESSAGES.en!;
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      expect([locale, Object.keys(messages).sort()]).toEqual([locale, Object.keys(en).sort()]);
      for (const [key, text] of Object.entries(messages)) {
        expect([locale, key, text.trim().length > 0]).toEqual([locale, key, true]);
        const english = en[key as keyof typeof en];
        expect([locale, key, placeholders(text)]).toEqual([locale, key, placeholders(english)]);
      }
    }
    expect(Object.keys(MESSAGES)).toEqual(["en", "zh-CN", "zh-TW"]);
  });
});
