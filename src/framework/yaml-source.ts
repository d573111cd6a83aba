import { relative } from "node:path";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { Finding } from "../errors.ts";
import { readCourseText } from "../security/read-course-file.ts";
import { readPlainYaml } from "./yaml-fast.ts";
import type { YamlReadCaches } from "./yaml-parse-cache.ts";

export type DataPath = readonly (string | number)[];

/** A YAML file parsed with its source positions kept, so findings can name line and column. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Line and column (1-based) of the value at `path`, or of the nearest parent that exists. */
  locate(path: DataPath, onKey?: boolean): { line: number; column: number };
  /** Syntax errors, already as findings. */
  syntaxFindings: Finding[];
}

export function formatDataPath(path: DataPath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    "",
  );
}

/**
 * An error at the end of the file (an unclosed bracket or quote) is reported at the last character of
 * the text, not on the empty line after the final newline, where an editor shows nothing.
 */
function clampToContent(text: string, offset: number): number {
  const lastContent = text.trimEnd().length - 1;
  return lastContent >= 0 && offset > lastContent ? lastContent : offset;
}

/** Reads and parses a YAML file of the course; with `caches`, an unchanged file is not parsed again. */
export async function readYamlSource(
  absPath: string,
  root: string,
  caches: YamlReadCaches = {},
): Promise<YamlSource> {
  const file = relative(root, absPath) || absPath;
  const read = await readCourseText(root, absPath, caches.texts);
  if (read.finding)
    return {
      file,
      data: undefined,
      locate: () => ({ line: 1, column: 1 }),
      syntaxFindings: [read.finding],
    };
  const { text } = read;
  return caches.parses
    ? caches.parses.get(file, text, () => parseYamlSource(text, file))
    : parseYamlSource(text, file);
}

export function parseYamlSource(text: string, file: string, lineOffset = 0): YamlSource {
  const plain = readPlainYaml(text);
  if (!plain) return parseWithPositions(text, file, lineOffset);
  // Read without positions: the `yaml` document is built only if a finding needs a line (a top-level
  // key on a line of its own is found without it).
  let full: YamlSource | undefined;
  const keyLines = topLevelKeyLines(text, plain.data);
  const locate = (path: DataPath, onKey = false) => {
    const fast = keyLines && path.length === 1 ? keyLines.get(path[0] as string) : undefined;
    if (fast && (onKey || fast.valueColumn))
      return { line: fast.line + lineOffset, column: onKey ? 1 : fast.valueColumn! };
    full ??= parseWithPositions(text, file, lineOffset);
    return full.locate(path, onKey);
  };
  return { file, data: plain.data, locate, syntaxFindings: [] };
}

/**
 * Where each top-level key of a block mapping is: its line, and the column of its value when the
 * value is a plain or quoted scalar on the same line. Undefined unless the lines that look like
 * top-level keys are exactly the mapping's keys, in order (a multi-line string could hold a line that
 * looks like one).
 */
function topLevelKeyLines(
  text: string,
  data: unknown,
): Map<string, { line: number; valueColumn?: number }> | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  const found = new Map<string, { line: number; valueColumn?: number }>();
  let line = 0;
  for (const row of text.split("\n")) {
    line += 1;
    const match = TOP_LEVEL_KEY.exec(row);
    if (!match) continue;
    const key = match[1]!;
    // A key that reads as true, false or null is not found by its name in the `yaml` document.
    if (keys[found.size] !== key || NOT_A_STRING_KEY.test(key)) return undefined;
    const value = match[2] ?? "";
    found.set(key, {
      line,
      valueColumn: value && !/^[#|>]/.test(value) ? row.length - value.length + 1 : undefined,
    });
  }
  return found.size === keys.length ? found : undefined;
}

const NOT_A_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** `key:` at the start of a line, and what follows it on the line (after the spaces). */
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*):(?:[ ]+(.*))?$/;

/** The `yaml` document, with every node's position: what the course files were always parsed with. */
export function parseWithPositions(text: string, file: string, lineOffset: number): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  // The parser reports the knock-on effects of one mistake too; the first is the one to fix.
  const syntaxFindings: Finding[] = [...doc.errors, ...doc.warnings].slice(0, 1).map((e) => ({
    file,
    ...position(clampToContent(text, e.pos[0])),
    dataPath: "",
    message: `YAML syntax: ${e.message.split("\n")[0]}`,
    hint: syntaxHint(e.code),
    severity: "error" as const,
  }));
  const locate = (path: DataPath, onKey = false) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const [i, part] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === part);
        if (!pair) break;
        if (last && onKey && isScalar(pair.key) && pair.key.range) {
          offset = pair.key.range[0];
          node = undefined;
          break;
        }
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof part === "number") {
        node = node.items[part];
      } else break;
      const range = (node as Node | null)?.range;
      if (range) offset = range[0];
    }
    if (node === doc.contents && (node as Node | null)?.range) offset = (node as Node).range![0];
    return position(offset);
  };
  let data: unknown;
  if (!doc.errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // yaml refuses documents whose aliases expand too far ("billion laughs").
      syntaxFindings.push({
        file,
        ...position(0),
        dataPath: "",
        message: `YAML: ${error instanceof Error ? error.message : String(error)}`,
        hint: "The file repeats anchors (&name) and aliases (*name) so often that it would grow enormous. Write the values out instead of using aliases.",
        severity: "error",
      });
    }
  }
  return { file, data, locate, syntaxFindings };
}

function syntaxHint(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "Each key may appear only once in a block: remove or rename the second one.";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "Check the indentation: items of the same list or block start in the same column, with spaces, not tabs.";
    case "TAB_AS_INDENT":
      return "Indent with spaces, not tabs.";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "A line seems to be missing a `:` or a value that should be quoted; put text containing `: ` or `#` in quotes.";
    default:
      return "Fix the YAML at this line: text containing `: ` or ` #` must be quoted, and indentation must line up.";
  }
}
