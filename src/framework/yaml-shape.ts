/**
 * Whether a YAML text has the plain shape course files have, line by line: block mappings and
 * lists, one key or list item per line, values on one line (quoted, plain or a flow collection), and
 * block scalars (`|`, `>`). Only texts of this shape are read by the fast reading (yaml-fast.ts):
 * js-yaml reads some misindented or unclosed texts that `yaml` reports, and those must keep their
 * report. Anything else (multi-line plain or quoted values, quoted or complex keys, nested dashes,
 * unusual indentation) is declined and read by `yaml`. It errs on the side of declining.
 */
export function hasPlainShape(text: string): boolean {
  const stack: { column: number; kind: "map" | "seq" }[] = [];
  /** The key or item above whose value is empty so far: a nested block may follow. */
  let open: { column: number; kind: "map" | "seq" } | undefined;
  /** Inside a block scalar: lines indented past `parent` belong to it. */
  let block: { parent: number; indent?: number } | undefined;
  for (const line of text.split("\n")) {
    const indent = line.length - line.trimStart().length;
    const rest = line.slice(indent);
    if (block) {
      if (!rest) continue;
      if (indent > block.parent) {
        block.indent ??= indent;
        if (indent < block.indent) return false;
        continue;
      }
      block = undefined;
    }
    if (!rest || rest.startsWith("#")) continue;
    const item = /^-(?: +|$)/.exec(rest);
    const content = item ? rest.slice(item[0].length) : rest;
    const contentColumn = indent + (item ? item[0].length : 0);
    const kind = item ? "seq" : "map";

    if (open && (indent > open.column || (item && indent === open.column && open.kind === "map")))
      stack.push({ column: indent, kind });
    open = undefined;
    while (stack.length && stack.at(-1)!.column > indent) stack.pop();
    // A list written at its key's column (`key:` then `- item`) ends where the mapping goes on.
    if (!item && stack.at(-1)?.kind === "seq" && stack.at(-2)?.column === indent) stack.pop();
    const top = stack.at(-1);
    if (!top) stack.push({ column: indent, kind });
    else if (top.column !== indent || top.kind !== kind) return false;

    if (item && !content) {
      open = { column: indent, kind: "seq" };
      continue;
    }
    if (item && content.startsWith("-")) return false;
    const pair = KEY.exec(content);
    if (!pair) {
      // A bare value: only as a list item.
      if (!item || !isOneLineValue(content)) return false;
      continue;
    }
    if (item) stack.push({ column: contentColumn, kind: "map" });
    const value = content.slice(pair[0].length).trimStart();
    if (!value || value.startsWith("#")) {
      open = { column: contentColumn, kind: "map" };
      continue;
    }
    if (BLOCK_HEADER.test(value)) {
      block = { parent: contentColumn };
      continue;
    }
    if (!isOneLineValue(value)) return false;
  }
  return true;
}

/** A simple key and its colon. */
const KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*:(?= |$)/u;
/** `|` or `>` with an optional chomping indicator (no indentation indicator), then a comment. */
const BLOCK_HEADER = /^[|>][+-]?(?:\s+#.*)?$/;

/** A value that starts and ends on this line: quoted, a flow collection, or a plain scalar. */
function isOneLineValue(value: string): boolean {
  const first = value[0]!;
  if (first === "'" || first === '"') {
    const end = quotedEnd(value, 0);
    return end > 0 && isTrailer(value.slice(end));
  }
  if (first === "[" || first === "{") {
    const end = flowEnd(value);
    return end > 0 && isTrailer(value.slice(end));
  }
  // A plain scalar: no indicator first, no `: ` inside (a nested mapping), not ending in `:`.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^[-?:][^\s,[\]{}]/.test(value)) return false;
  return !/:(?:\s|$)/.test(value);
}

/** Nothing, or a comment, after a value. */
const isTrailer = (after: string) => !after.trim() || /^\s+#/.test(after);

/** The index just after the quoted scalar starting at `start`, or -1 if it does not close. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === "\\") i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** The index just after the flow collection at the start, or -1 if it does not close on the line. */
function flowEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // A quote starts a scalar only where a node starts (`module's` is plain text).
    if ((c === "'" || c === '"') && /[[{,:]$/.test(text.slice(0, i).trimEnd())) {
      const end = quotedEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === "#" && /\s/.test(text[i - 1] ?? "")) return -1;
  }
  return -1;
}
