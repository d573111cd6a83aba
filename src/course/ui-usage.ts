import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { ENGINE_DIR, TEMPLATES_DIR } from "../paths.ts";

/** Where interface text is used: a page type (its template and the partials it pulls in) or engine code. */
export interface UiUsage {
  /** What a trainer would call it: a page type such as `module`, or a family of generated files. */
  name: string;
  files: string[];
}

/** Engine code that asks for interface text by key, named after what it makes. */
const CODE_GROUPS: { name: string; dir: string }[] = [
  { name: "printed guides, handbook and projector view", dir: "src/print" },
  { name: "printed guides, handbook and projector view", dir: "templates/print" },
  { name: "module pages and guides (blocks, checks, materials)", dir: "src/modules" },
  {
    name: "pages in general (Eleventy filters: onion, page contents, titles)",
    dir: "src/eleventy",
  },
  { name: "framework exports (CASE, Moodle)", dir: "src/export" },
  { name: "course model (titles, programme time)", dir: "src/course" },
];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(ENGINE_DIR, dir), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...(await filesUnder(path)));
    else if (/\.(ts|js|njk|hbs)$/.test(e.name)) out.push(path);
  }
  return out;
}

/** A page template with every template it extends or includes, followed to the end. */
async function templateClosure(first: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [first];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(join(ENGINE_DIR, file), "utf8");
    for (const m of text.matchAll(/\{%-?\s*(?:extends|include|import|from)\s+"([^"]+)"/g))
      for (const dir of ["templates/pages", "templates/partials"])
        if ((await readdir(join(ENGINE_DIR, dir))).includes(m[1]!)) queue.push(`${dir}/${m[1]}`);
  }
  return [...seen];
}

/** Every page type (one per page template) and every family of engine code that uses interface text. */
export async function listUiUsages(): Promise<UiUsage[]> {
  const pagesDir = join(TEMPLATES_DIR, "pages");
  const pages = (await readdir(pagesDir)).filter((f) => f.endsWith(".njk"));
  // The frame every page shares (header, navigation, footer) is listed once, not under each page.
  const frame = await templateClosure("templates/partials/base.njk");
  const usages: UiUsage[] = [{ name: "every page (header, navigation, footer)", files: frame }];
  for (const page of pages.sort()) {
    const files = await templateClosure(relative(ENGINE_DIR, join(pagesDir, page)));
    usages.push({
      name: page.replace(/\.njk$/, ""),
      files: files.filter((f) => !frame.includes(f)),
    });
  }
  for (const { name, dir } of CODE_GROUPS) {
    const files = await filesUnder(dir);
    const same = usages.find((u) => u.name === name);
    if (same) same.files.push(...files);
    else usages.push({ name, files });
  }
  return usages;
}

/**
 * The keys a set of files uses: every quoted text that is a key, and every key that starts with a
 * quoted prefix the code completes (`'grouping.' + g`, `` `bloom.${level}` ``, or a list of
 * prefixes such as `"journal."`).
 */
export async function keysUsedBy(files: string[], keys: readonly string[]): Promise<Set<string>> {
  const known = new Set(keys);
  const used = new Set<string>();
  for (const file of files) {
    const text = await readFile(join(ENGINE_DIR, file), "utf8");
    for (const m of text.matchAll(/["'`]([A-Za-z]\w*(?:\.\w+)+)["'`]/g))
      if (known.has(m[1]!)) used.add(m[1]!);
    for (const m of text.matchAll(/["'`]([A-Za-z]\w*(?:\.\w+)*\.)(?:["']\s*[+~]|\$\{|["'`])/g))
      for (const key of keys) if (key.startsWith(m[1]!)) used.add(key);
  }
  return used;
}
