/**
 * Where the labels of the onion diagram go. Rings are bands, core outwards (equal, unless the core
 * needs more room). In an outer ring the layer's title sits at the top and its competencies share
 * the rest of the band, each in a sector sized to its label and written along the ring; in the core,
 * the title and competencies are stacked lines. Long labels break onto two lines, then shrink, then
 * are cut with "…" (the diagram then gives the full name in a <title>), so nothing spills out.
 */
import { textWidth, WIDE_CHARACTER } from "../text/text-width.ts";

export const SIZE = 420;
export const CENTRE = SIZE / 2;
export const OUTER_RADIUS = 200;

/** Space between two labels along a ring, and inside the core's edge. */
const GAP = 12;
const MIN_FONT = 9;
const LAST_RESORT_FONT = 3;
/** A ring with more competencies than this shows its layer's name only (they would not be legible). */
const MAX_COMPETENCIES_DRAWN = 12;
/** The longest arc a label may take, in degrees (less than a full circle). */
const MAX_SPAN = 350;
/** A core too full to stack its labels writes them round its edge, around a hole of this share. */
const CORE_HOLE = 0.35;
const LINE_HEIGHT = 1.2;
/**
 * The thinnest band a link may have (a ring, or a competency's share of the core): at least 24 px
 * across (WCAG 2.5.8) when the diagram is drawn about 320 px wide, on a 360 px phone.
 */
const MIN_BAND = 32;

/** A label written along a ring, on one or two concentric arcs. */
export interface ArcLabel {
  lines: { text: string; radius: number }[];
  fontSize: number;
  /** Degrees clockwise from the top: where the label's sector starts and ends. */
  from: number;
  to: number;
  /** Written counter-clockwise, so a label in the bottom half reads upright. */
  reversed: boolean;
}

/** A label across the core, as horizontal lines. */
export interface StackLabel {
  lines: { text: string; y: number }[];
  fontSize: number;
  /** The band of the core this label owns (its tap area), top and bottom. */
  top: number;
  bottom: number;
}

export interface RingLayout {
  index: number;
  inner: number;
  outer: number;
  title: ArcLabel | StackLabel;
  competencies: (ArcLabel | StackLabel)[];
}

/**
 * The outer radius of every ring, core first: a core of radius `core`, the other rings sharing the
 * rest in equal bands.
 */
function ringRadii(count: number, core: number): number[] {
  const band = count > 1 ? (OUTER_RADIUS - core) / (count - 1) : 0;
  return Array.from({ length: count }, (_, i) => (i === 0 ? core : core + band * i));
}

/** Splits a label into two lines of about equal width: at a space, or between CJK characters. */
export function splitInTwo(text: string): [string, string] | undefined {
  const chars = [...text];
  if (chars.length < 2) return undefined;
  const spaces = chars.flatMap((ch, i) => (ch === " " ? [i] : []));
  const middle = chars.length / 2;
  if (spaces.length) {
    const at = spaces.reduce((best, i) =>
      Math.abs(i - middle) < Math.abs(best - middle) ? i : best,
    );
    return [chars.slice(0, at).join(""), chars.slice(at + 1).join("")];
  }
  if (!WIDE_CHARACTER.test(text)) return undefined;
  const at = Math.ceil(middle);
  return [chars.slice(0, at).join(""), chars.slice(at).join("")];
}

interface Label {
  lines: string[];
  fontSize: number;
  bold: boolean;
}

const widest = (l: Label) => Math.max(...l.lines.map((t) => textWidth(t, l.fontSize, l.bold)));

/** Breaks the widest one-line label in two; false when none can be broken. */
function breakWidest(labels: Label[]): boolean {
  const candidates = labels
    .filter((l) => l.lines.length === 1 && splitInTwo(l.lines[0]!))
    .sort((a, b) => widest(b) - widest(a));
  const label = candidates[0];
  if (!label) return false;
  label.lines = splitInTwo(label.lines[0]!)!;
  return true;
}

/** Shortens the longest line by one character (ending in "…"); false when nothing is left to cut. */
function shortenWidest(labels: Label[]): boolean {
  let best: { label: Label; line: number; width: number } | undefined;
  for (const label of labels)
    label.lines.forEach((t, line) => {
      const width = textWidth(t, label.fontSize, label.bold);
      if ([...t].length > 2 && (!best || width > best.width)) best = { label, line, width };
    });
  if (!best) return false;
  const chars = [...best.label.lines[best.line]!.replace(/…$/, "")];
  best.label.lines[best.line] = `${chars.slice(0, -1).join("").trimEnd()}…`;
  return true;
}

function shrink(labels: Label[], fits: () => boolean, floor: number): void {
  while (!fits() && labels.some((l) => l.fontSize > floor))
    for (const l of labels) l.fontSize = Math.max(floor, l.fontSize * 0.95);
}

/**
 * Fits labels into a ring band until `fits` holds: break lines, shrink to the smallest legible size,
 * shorten with "…", and (for a ring crowded past that, which the text list beside it still names
 * in full) shrink further.
 */
function fitLabels(labels: Label[], maxLines: number, fits: () => boolean): void {
  while (!fits() && maxLines > 1 && breakWidest(labels));
  shrink(labels, fits, MIN_FONT);
  while (!fits() && shortenWidest(labels));
  shrink(labels, fits, LAST_RESORT_FONT);
}

function ringLabels(
  index: number,
  radii: number[],
  titleText: string,
  competencyTexts: string[],
  fonts: { title: number; competency: number },
): RingLayout {
  const inner = index === 0 ? 0 : radii[index - 1]!;
  const outer = radii[index]!;
  const title = (): Label => ({ lines: [titleText], fontSize: fonts.title, bold: true });
  if (competencyTexts.length <= MAX_COMPETENCIES_DRAWN) {
    const labels = [
      title(),
      ...competencyTexts.map((t) => ({ lines: [t], fontSize: fonts.competency, bold: false })),
    ];
    const ring = placeLabels(index, inner, outer, labels);
    if ([ring.title, ...ring.competencies].every((l) => l.fontSize >= MIN_FONT)) return ring;
  }
  // Too many competencies to read inside the ring: the ring shows its layer's name only, and the
  // text list beside the diagram names the competencies.
  return placeLabels(index, inner, outer, [title()]);
}

/** Places a ring's labels (title first), fitting them to the ring. */
function placeLabels(index: number, inner: number, outer: number, labels: Label[]): RingLayout {
  if (index === 0) {
    const stack = () => stackCore(labels, outer);
    const original = labels.map((l) => ({ ...l, lines: [...l.lines] }));
    fitLabels(labels, 2, () => stack().fits);
    const { placed, fits } = stack();
    if (fits) return { index, inner, outer, title: placed[0]!, competencies: placed.slice(1) };
    // Too many lines to stack: write them round the core's edge instead, like an outer ring.
    return arcRing(index, outer * CORE_HOLE, outer, original);
  }
  return arcRing(index, inner, outer, labels);
}

/** A band's labels written along it: the title centred at the top, the rest sharing the ring. */
function arcRing(index: number, inner: number, outer: number, labels: Label[]): RingLayout {
  const middle = (inner + outer) / 2;
  // Two lines when the band holds them at a legible size; a label on two lines then shrinks until
  // both lines are inside the band.
  const band = outer - inner;
  const twoLines = 2 * MIN_FONT * LINE_HEIGHT + GAP / 2 <= band;
  const inBand = (l: Label) =>
    l.lines.length === 1 || 2 * l.fontSize * LINE_HEIGHT + GAP / 2 <= band;
  const radiusFor = (l: Label) =>
    l.lines.length === 1 ? middle : middle - (l.fontSize * LINE_HEIGHT) / 2;
  const angleNeeded = (l: Label) => ((widest(l) + GAP) / radiusFor(l)) * (180 / Math.PI);
  fitLabels(
    labels,
    twoLines ? 2 : 1,
    () => labels.every(inBand) && labels.reduce((s, l) => s + angleNeeded(l), 0) <= 360,
  );
  // Share the ring in proportion to need; the title is centred at the top.
  const needs = labels.map(angleNeeded);
  const spare = (360 - needs.reduce((s, n) => s + n, 0)) / labels.length;
  // A label alone in its ring stops short of a full circle: an arc that ends where it starts is empty,
  // and the browser would draw no text along it.
  const spans = needs.map((n) => Math.min(MAX_SPAN, n + Math.max(0, spare)));
  let at = -spans[0]! / 2;
  const placed = labels.map((l, i) => {
    const from = at;
    at += spans[i]!;
    return arcLabel(l, from, at, middle);
  });
  return { index, inner, outer, title: placed[0]!, competencies: placed.slice(1) };
}

function arcLabel(l: Label, from: number, to: number, middle: number): ArcLabel {
  const centre = ((((from + to) / 2) % 360) + 360) % 360;
  const reversed = centre > 100 && centre < 260;
  const step = l.fontSize * LINE_HEIGHT;
  const radii =
    l.lines.length === 1
      ? [middle]
      : reversed
        ? [middle - step / 2, middle + step / 2]
        : [middle + step / 2, middle - step / 2];
  return {
    lines: l.lines.map((text, i) => ({ text, radius: radii[i]! })),
    fontSize: l.fontSize,
    from,
    to,
    reversed,
  };
}

/** The core's labels as stacked lines centred on the middle; `fits` when every line is inside the disc. */
function stackCore(labels: Label[], radius: number): { fits: boolean; placed: StackLabel[] } {
  const heights = labels.map((l) => l.lines.length * l.fontSize * LINE_HEIGHT);
  // Each label owns its band of the core as a link: spaced so that no band is thinner than a ring.
  const gap = Math.max(GAP / 2, MIN_BAND - Math.min(...heights));
  const total = heights.reduce((s, h) => s + h, 0) + gap * (labels.length - 1);
  let y = CENTRE - total / 2;
  let fits = total <= 2 * radius - 2 * GAP;
  const boxes = labels.map((l, i) => {
    const top = y;
    const step = l.fontSize * LINE_HEIGHT;
    const lines = l.lines.map((text, k) => {
      const lineTop = top + k * step;
      const far = Math.max(Math.abs(lineTop - CENTRE), Math.abs(lineTop + step - CENTRE));
      const chord = far >= radius ? 0 : 2 * Math.sqrt(radius ** 2 - far ** 2);
      if (textWidth(text, l.fontSize, l.bold) > chord - GAP) fits = false;
      return { text, y: lineTop + step / 2 };
    });
    y += heights[i]! + gap;
    return { lines, fontSize: l.fontSize, top, bottom: top + heights[i]! };
  });
  // Each label owns the core from halfway to the label above to halfway to the label below.
  const placed = boxes.map((b, i) => ({
    ...b,
    top: i === 0 ? CENTRE - radius : (boxes[i - 1]!.bottom + b.top) / 2,
    bottom: i === boxes.length - 1 ? CENTRE + radius : (b.bottom + boxes[i + 1]!.top) / 2,
  }));
  return { fits, placed };
}

/** The share of a label's characters that its lines leave out (cut with "…"). */
function hiddenShare(label: ArcLabel | StackLabel, text: string): number {
  const count = (t: string) => [...t.replace(/\s|…/g, "")].length;
  const shown = label.lines.reduce((sum, l) => sum + count(l.text), 0);
  return Math.max(0, 1 - shown / Math.max(1, count(text)));
}

/**
 * How far a layout falls short: competencies left out weigh most, then labels below legible size,
 * then how much of each label is cut.
 */
function shortfall(
  layout: RingLayout[],
  rings: { title: string; competencies: string[] }[],
): number {
  let score = 0;
  layout.forEach((ring, i) => {
    const texts = [rings[i]!.title, ...rings[i]!.competencies];
    score += 1000 * (texts.length - 1 - ring.competencies.length);
    [ring.title, ...ring.competencies].forEach((label, k) => {
      if (label.fontSize < MIN_FONT) score += 200;
      score += 100 * hiddenShare(label, texts[k]!);
    });
  });
  return score;
}

/** The core grows in these steps (shares of an equal band) up to this many bands, if it must. */
const CORE_STEP = 0.1;
const MAX_CORE_BANDS = 2;

/**
 * Every ring's labels, core first. Rings are equal bands unless labels would be left out, shrunk
 * past legibility or cut: then the core grows (it has the least room, and its competencies would be
 * the first left out) and the outer rings share the rest, as long as that helps.
 */
export function layoutOnion(rings: { title: string; competencies: string[] }[]): RingLayout[] {
  const count = rings.length;
  const fonts = count > 4 ? { title: 12.5, competency: 11 } : { title: 16, competency: 14 };
  const equal = OUTER_RADIUS / count;
  const largestCore = Math.max(
    equal,
    Math.min(equal * MAX_CORE_BANDS, OUTER_RADIUS - (count - 1) * MIN_BAND),
  );
  let best: { layout: RingLayout[]; score: number } | undefined;
  for (let core = equal; core <= largestCore + 1e-9; core += equal * CORE_STEP) {
    const radii = ringRadii(count, core);
    const layout = rings.map((ring, index) =>
      ringLabels(index, radii, ring.title, ring.competencies, fonts),
    );
    const score = shortfall(layout, rings);
    if (!best || score < best.score) best = { layout, score };
    if (score === 0) break;
  }
  return best!.layout;
}

/** A point on a circle round the centre, `degrees` clockwise from the top. */
export function pointAt(radius: number, degrees: number): [number, number] {
  const a = (degrees * Math.PI) / 180;
  return [CENTRE + radius * Math.sin(a), CENTRE - radius * Math.cos(a)];
}
