import type { Token } from "markdown-it";
import { textWidth } from "../text/text-width.ts";
import type { BlockNode } from "./block-tree.ts";

/**
 * Splits a case, activity or key-points block into projector slides that stay readable from the
 * back of a room. A block whose text would need type below READABLE_SCALE of the slide's full size
 * goes onto more than one slide, at the best break: before a lead-in such as "**Questions to
 * consider**" or a heading, else between paragraphs, else between list items, never after a
 * lead-in; among equal breaks, the one that makes the slides most even.
 *
 * The measures mirror templates/assets/slides.css, in em of the slide's body type at full size
 * (2.7 % of the slide's width): the text column is 90 % of the width, the inner box 87.4 % of the
 * height (padding and the slide number aside), and lines are 1.4 em apart (1.5 in CJK text).
 */
const LINE_EM = 90 / 2.7;
const BOX_EM = (0.874 * 56.25) / 2.7;
/** slides.js shrinks a slide's type until it fits; a packed slide should not need it below this. */
export const READABLE_SCALE = 0.75;

/** One piece of a block's body that a slide break may follow. */
interface Unit {
  tokens: Token[];
  /** A nested block other than a facilitator note (rare in a slide's block), kept whole. */
  node?: BlockNode;
  /** The list this item belongs to, and its position in it (items only). */
  list?: { open: Token; close: Token; position: number };
  text: string;
  bold: boolean;
  heading: boolean;
  /** A heading or a lead-in paragraph ("**Questions to consider**", "Steps:") belongs with what follows. */
  keepWithNext: boolean;
  /** A heading or a bold lead-in starts a part of its own: the best place for a new slide. */
  section: boolean;
  /** Facilitator blocks that came just before this unit in the source. */
  notesBefore: BlockNode[];
}

/** The learner HTML of each slide, and the slide (0-based) each facilitator note belongs to. */
export interface SlideParts {
  parts: string[];
  notePart: Map<BlockNode, number>;
}

/**
 * @param children the block's body, facilitator blocks included (they are never shown, but the guide
 *   names the slide they go with)
 * @param heading the first slide's heading, and `continued` every later one's
 * @param render renders nodes as learner HTML
 */
export function slideParts(
  children: BlockNode[],
  { heading, continued, locale }: { heading: string; continued: string; locale: string },
  isFacilitator: (node: BlockNode) => boolean,
  render: (nodes: BlockNode[]) => string,
): SlideParts {
  const { units, trailing } = toUnits(children, isFacilitator);
  // The block's own title is the slide's heading; a note right after it goes with the first slide.
  if (units[0]?.heading) {
    const title = units.shift()!;
    (units[0]?.notesBefore ?? trailing).unshift(...title.notesBefore);
  }
  const lineHeight = /^(zh|ja|ko)\b/i.test(locale) ? 1.5 : 1.4;
  const groups = pack(units, { heading, continued, lineHeight });
  // A note goes with the slide showing the text just above it.
  const notePart = new Map<BlockNode, number>();
  groups.forEach((group, part) =>
    group.forEach((unit, i) => {
      for (const note of unit.notesBefore)
        notePart.set(note, i === 0 ? Math.max(0, part - 1) : part);
    }),
  );
  for (const note of trailing) notePart.set(note, Math.max(0, groups.length - 1));
  return { parts: groups.length ? groups.map((g) => render(toNodes(g))) : [""], notePart };
}

function toUnits(children: BlockNode[], isFacilitator: (node: BlockNode) => boolean) {
  const units: Unit[] = [];
  let notes: BlockNode[] = [];
  const add = (tokens: Token[], list?: Unit["list"]) => {
    const text = textOf(tokens);
    const heading = tokens[0]?.type === "heading_open";
    const bold = heading || isAllStrong(tokens);
    const paragraph = !list && tokens[0]?.type === "paragraph_open";
    const section = heading || (paragraph && bold);
    const keepWithNext = section || (paragraph && /[:：]\s*$/.test(text));
    units.push({ tokens, list, text, bold, heading, keepWithNext, section, notesBefore: notes });
    notes = [];
  };
  for (const node of children) {
    if (isFacilitator(node)) {
      notes.push(node);
      continue;
    }
    if (node.kind === "block") {
      // A nested block other than a note (rare in a slide's block): one plain unit, measured by its text.
      const text = textOf([...flatTokens(node.children)]);
      units.push({
        tokens: [],
        node,
        text,
        bold: false,
        heading: false,
        keepWithNext: false,
        section: false,
        notesBefore: notes,
      });
      notes = [];
      continue;
    }
    for (const group of topLevel(node.tokens)) {
      const open = group[0]!;
      if (open.type === "bullet_list_open" || open.type === "ordered_list_open") {
        const close = group.at(-1)!;
        topLevel(group.slice(1, -1)).forEach((item, position) =>
          add(item, { open, close, position }),
        );
      } else add(group);
    }
  }
  return { units, trailing: notes };
}

function* flatTokens(nodes: BlockNode[]): Generator<Token> {
  for (const n of nodes) {
    if (n.kind === "tokens") yield* n.tokens;
    else yield* flatTokens(n.children);
  }
}

/** Splits a token run into its top-level blocks (a paragraph, a list, a heading …). */
function topLevel(tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  let depth = 0;
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    depth += token.nesting;
    if (depth === 0) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** The words of some blocks' inline content, as the reader sees them (no Markdown marks). */
function textOf(tokens: Token[]): string {
  return tokens
    .filter((t) => t.type === "inline")
    .map((t) =>
      (t.children ?? [])
        .map((c) =>
          c.type === "text" || c.type === "code_inline"
            ? c.content
            : c.type === "softbreak" || c.type === "hardbreak"
              ? " "
              : "",
        )
        .join(""),
    )
    .join(" ");
}

/** A paragraph whose whole text is bold: a lead-in written as `**Questions to consider**`. */
function isAllStrong(tokens: Token[]): boolean {
  const inline = tokens.find((t) => t.type === "inline");
  const kids = (inline?.children ?? []).filter((c) => !(c.type === "text" && !c.content.trim()));
  return (
    kids.length >= 3 && kids[0]!.type === "strong_open" && kids.at(-1)!.type === "strong_close"
  );
}

interface Page {
  /** The first slide's heading, and the heading every later slide of the block carries. */
  heading: string;
  continued: string;
  lineHeight: number;
}

/** Heights in em, at body size 1, of a slide's parts when its type is at `scale`. */
function measure(units: Unit[], { heading, continued, lineHeight }: Page, scale: number) {
  const width = LINE_EM / scale;
  const lines = (text: string, size: number, bold: boolean, indent = 0) =>
    Math.max(1, Math.ceil(textWidth(text, size, bold) / (width - indent)));
  // The label line, then the heading (1.55 em, line height 1.2, 0.5 em below).
  const header = (text: string) =>
    0.7 * lineHeight + 0.28 + lines(text, 1.55, true) * 1.55 * 1.2 + 0.78;
  return {
    first: header(heading),
    later: header(continued),
    units: units.map((unit) => {
      // A quotation is indented on both sides and has a margin above and below, like a list.
      const quote = unit.tokens[0]?.type === "blockquote_open";
      if (unit.heading) return lines(unit.text, 1.1, true) * 1.1 * lineHeight + 1;
      const indent = unit.list ? 1.6 : quote ? 3 : 0;
      return lines(unit.text, 1, unit.bold, indent) * lineHeight + (quote ? 1.45 : 0.45);
    }),
  };
}

/** Cost of a slide break before unit `i`: lower is a more natural place to turn the page. */
function breakCost(units: Unit[], i: number): number {
  const before = units[i - 1]!;
  const after = units[i]!;
  if (before.keepWithNext) return Infinity;
  if (after.section) return 0;
  // Inside a list: possible, but a worse place than between paragraphs.
  return before.list && before.list.open === after.list?.open ? 3 : 1;
}

/**
 * The fewest slides on which every part fits at READABLE_SCALE; among those, the cheapest breaks (a
 * near-empty slide counts as a poor one), then the most even parts. A small dynamic programme over
 * the break points.
 */
function pack(units: Unit[], page: Page): Unit[][] {
  const n = units.length;
  if (n === 0) return [];
  const room = BOX_EM / READABLE_SCALE;
  const size = measure(units, page, READABLE_SCALE);
  const sameList = (i: number, j: number) =>
    units[i]?.list !== undefined && units[i]!.list!.open === units[j]?.list?.open;
  type Best = { slides: number; cost: number; spread: number; from: number };
  const best: (Best | undefined)[] = [{ slides: 0, cost: 0, spread: 0, from: -1 }];
  for (let end = 1; end <= n; end++) {
    // The part units[start, end), grown from the back; a list's margins come once per part.
    let body = 0;
    for (let start = end - 1; start >= 0; start--) {
      body +=
        size.units[start]! +
        (units[start]!.list ? 1 : 0) -
        (start + 1 < end && sameList(start, start + 1) ? 1 : 0);
      const used = (start === 0 ? size.first : size.later) + body;
      if (start === 0 && end === n && used <= room) return [units];
      // One unit too big for a slide still gets a slide of its own (slides.js shrinks it).
      if (end - start > 1 && used > room) break;
      const prev = best[start];
      if (!prev) continue;
      const cost =
        prev.cost + (start > 0 ? breakCost(units, start) : 0) + (used < 0.35 * room ? 4 : 0);
      if (!Number.isFinite(cost)) continue;
      const candidate = {
        slides: prev.slides + 1,
        cost,
        spread: prev.spread + used ** 2,
        from: start,
      };
      const current = best[end];
      if (
        !current ||
        candidate.slides < current.slides ||
        (candidate.slides === current.slides &&
          (candidate.cost < current.cost ||
            (candidate.cost === current.cost && candidate.spread < current.spread)))
      )
        best[end] = candidate;
    }
  }
  if (!best[n]) return [units];
  const groups: Unit[][] = [];
  for (let end = n; end > 0; end = best[end]!.from)
    groups.unshift(units.slice(best[end]!.from, end));
  return groups;
}

/** Rebuilds renderable nodes from units, wrapping list items in their list (numbering continued). */
function toNodes(units: Unit[]): BlockNode[] {
  const nodes: BlockNode[] = [];
  const tokens: Token[] = [];
  const flush = () => {
    if (tokens.length) nodes.push({ kind: "tokens", tokens: tokens.splice(0) });
  };
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.node) {
      flush();
      nodes.push(unit.node);
      continue;
    }
    if (!unit.list) {
      tokens.push(...unit.tokens);
      continue;
    }
    const { open, close, position } = unit.list;
    tokens.push(position === 0 ? open : continued(open, position));
    for (; i < units.length && units[i]!.list?.open === open; i++) tokens.push(...units[i]!.tokens);
    i--;
    tokens.push(close);
  }
  flush();
  return nodes;
}

/** A copy of an ordered list's opening token that starts at the item a slide continues from. */
function continued(open: Token, position: number): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(open) as object) as Token, open);
  copy.attrs = open.attrs ? open.attrs.map(([k, v]) => [k, v] as [string, string]) : null;
  if (open.type === "ordered_list_open")
    copy.attrSet("start", String(Number(open.attrGet("start") ?? 1) + position));
  return copy;
}
