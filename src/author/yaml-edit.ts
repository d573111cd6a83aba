import {
  Composer,
  CST,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  Parser,
  parseDocument,
  type Document,
  type Scalar,
} from "yaml";

/** A step into YAML data: a key of a mapping or an index of a list. */
export type DataPath = (string | number)[];

/** One change the editor makes to a YAML file. */
interface Edit {
  path: DataPath;
  value: unknown;
  /** A scalar replaced by another scalar: written into the file's own text, nothing else touched. */
  inPlace: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isScalarValue = (v: unknown) => v === null || typeof v !== "object";
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Parses YAML keeping comments, key order and styles, and each node's source token. */
function open(text: string): { doc: Document; tokens: CST.Token[] } {
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const doc = docs[0] ?? parseDocument(text);
  if (doc.errors.length) throw new Error(doc.errors[0]!.message);
  return { doc, tokens };
}

/** What differs between the file's data and `next`, leaf by leaf. */
function diff(doc: Document, next: unknown, path: DataPath, edits: Edit[]): void {
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  const current: unknown = path.length ? doc.getIn(path, false) : doc.toJS();
  if (isPlainObject(next) && isMap(node)) {
    const old = (isCollection(node) ? (node.toJSON() as unknown) : {}) as Record<string, unknown>;
    for (const key of Object.keys(old))
      if (!(key in next) || next[key] === undefined)
        edits.push({ path: [...path, key], value: undefined, inPlace: false });
    for (const [key, value] of Object.entries(next))
      if (value !== undefined) {
        if (key in old) diff(doc, value, [...path, key], edits);
        else edits.push({ path: [...path, key], value, inPlace: false });
      }
    return;
  }
  if (Array.isArray(next) && isSeq(node)) {
    const count = node.items.length;
    next.forEach((value, i) => {
      if (i < count) diff(doc, value, [...path, i], edits);
      else edits.push({ path: [...path, i], value, inPlace: false });
    });
    for (let i = count - 1; i >= next.length; i--)
      edits.push({ path: [...path, i], value: undefined, inPlace: false });
    return;
  }
  if (same(current, next)) return;
  const inPlace = isScalar(node) && isScalarValue(next) && next !== null && !!node.srcToken;
  edits.push({ path, value: next, inPlace });
}

/** Is the node at `path` inside a flow collection (`{ en: …, zh-CN: … }`)? */
function inFlow(doc: Document, path: DataPath): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = i === 0 ? doc.contents : doc.getIn(path.slice(0, i), true);
    if (isCollection(parent) && parent.flow) return true;
  }
  return false;
}

/** Rewrites changed scalars in the file's own tokens: every other byte of the file stays. */
function editInPlace(text: string, next: unknown, edits: Edit[]): string | undefined {
  const { doc, tokens } = open(text);
  for (const edit of edits) {
    const node = doc.getIn(edit.path, true) as Scalar | undefined;
    const token = node?.srcToken;
    if (!token) return undefined;
    const value = edit.value;
    // A string that would read back as a number, boolean or null is quoted.
    const plainReadsBack =
      typeof value !== "string" ||
      (() => {
        const parsed: unknown = parseDocument(`x: ${value}`).toJS();
        return isPlainObject(parsed) && parsed.x === value;
      })();
    CST.setScalarValue(token, String(value), {
      inFlow: inFlow(doc, edit.path),
      afterKey: typeof edit.path.at(-1) === "string",
      type: !plainReadsBack && token.type === "scalar" ? "QUOTE_DOUBLE" : undefined,
    });
  }
  const out = tokens.map((t) => CST.stringify(t)).join("");
  const check = parseDocument(out);
  return check.errors.length || !same(check.toJS(), next) ? undefined : out;
}

/** The Document API for changes of structure (added, removed or reordered items): comments stay. */
function editDocument(text: string, edits: Edit[]): string {
  const doc = parseDocument(text);
  for (const edit of edits) {
    if (edit.value === undefined) doc.deleteIn(edit.path);
    else {
      const node = doc.getIn(edit.path, true);
      if (isScalar(node) && isScalarValue(edit.value)) node.value = edit.value;
      else doc.setIn(edit.path, doc.createNode(edit.value));
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Brings YAML text to the data `next`, changing only what differs. Changed texts and values are
 * rewritten in place (the rest of the file stays byte for byte); added, removed or reordered items
 * go through the yaml Document API, which keeps comments and key order.
 */
export function updateYamlText(text: string, next: unknown): string {
  const { doc } = open(text);
  const edits: Edit[] = [];
  diff(doc, next, [], edits);
  if (!edits.length) return text;
  if (edits.every((e) => e.inPlace)) {
    const out = editInPlace(text, next, edits);
    if (out !== undefined) return out;
  }
  return editDocument(text, edits);
}

/** Sets one value (e.g. a title in one language) and returns the new text. */
export function setYamlValue(text: string, path: DataPath, value: unknown): string {
  const { doc } = open(text);
  const data = doc.toJS() as unknown;
  const next = structuredClone(data);
  let at: unknown = next;
  for (const step of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[step];
  (at as Record<string | number, unknown>)[path.at(-1)!] = value;
  return updateYamlText(text, next);
}

/** The data of a YAML text, for the forms. */
export function readYamlData(text: string): unknown {
  return open(text).doc.toJS();
}
