import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { MAX_COURSE_FILE_BYTES } from "../security/read-course-file.ts";
import { RefusedPath } from "./path-guard.ts";

/** A file's text and the hash the editor sends back when saving, to notice changes made meanwhile. */
export interface OpenedFile {
  text: string;
  hash: string;
}

export const hashText = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export async function openFile(path: string): Promise<OpenedFile> {
  const bytes = await readFile(path);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return { text, hash: hashText(text) };
}

/** The file on disk changed since the editor opened it: nothing was written. */
export class SaveConflict extends Error {
  constructor(readonly current: OpenedFile) {
    super("The file was changed on disk since it was opened.");
    this.name = "SaveConflict";
  }
}

/** Writes `text` to `path` atomically: a temporary file in the same folder, then a rename. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  if (Buffer.byteLength(text) > MAX_COURSE_FILE_BYTES)
    throw new RefusedPath("The text is larger than any course file may be.", 413);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Saves `text` over `path` if the file is still what the editor opened (`openedHash`); otherwise
 * throws SaveConflict with what is on disk now. Returns the new hash.
 */
export async function saveFile(path: string, text: string, openedHash: string): Promise<string> {
  const current = await openFile(path).catch(() => undefined);
  if (current && current.hash !== openedHash) throw new SaveConflict(current);
  if (current?.text === text) return current.hash;
  await writeAtomically(path, text);
  return hashText(text);
}

/**
 * "Keep both": the editor's version goes beside the file as `<name>.mine<n>.<ext>` (the loader never
 * reads it for YAML, and flags it in a module folder), so neither version is lost. Returns its path.
 */
export async function saveBeside(path: string, text: string): Promise<string> {
  const ext = extname(path);
  const stem = path.slice(0, -ext.length);
  for (let n = 1; n < 100; n++) {
    const candidate = `${stem}.mine${n === 1 ? "" : n}${ext}`;
    if (
      await stat(candidate).then(
        () => false,
        () => true,
      )
    ) {
      await writeAtomically(candidate, text);
      return candidate;
    }
  }
  throw new RefusedPath("Too many kept copies beside this file; merge them first.", 409);
}
