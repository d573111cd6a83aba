import { formatMessage } from "../../text/format-message.ts";
import { slideParts } from "../slide-parts.ts";
import { isFacilitator, type Block, type BodyAnalysis } from "./body-analysis.ts";
import { renderNodes } from "./render-blocks.ts";

/** The number of the next projector slide (slide 1 is the title slide). */
export function nextSlide(a: BodyAnalysis): number {
  const last = a.out.slides.at(-1);
  return last ? last.number + last.count : 2;
}

/** Adds a case, activity or key points block's slides, and notes which slide each of its notes is beside. */
export function addSlides(
  a: BodyAnalysis,
  kind: "case" | "activity" | "keypoints",
  index: number,
  node: Block,
  heading: string,
): void {
  const { ctx } = a;
  const number = nextSlide(a);
  const continued = formatMessage(ctx.ui["slides.continued"] ?? "{title}", ctx.locale, {
    title: heading,
  });
  const { parts, notePart } = slideParts(
    node.children,
    { heading, continued, locale: ctx.locale },
    isFacilitator,
    (nodes) => renderNodes(a, nodes, "learner"),
  );
  for (const [note, part] of notePart) a.noteSlides.set(note as Block, number + part);
  a.out.slides.push({
    kind,
    index,
    number,
    count: parts.length,
    parts: parts.map((html, part) => ({ heading: part === 0 ? heading : continued, html })),
  });
}

/** A knowledge check takes two slides: the question, then the answers. */
export function addCheckSlides(a: BodyAnalysis): void {
  a.out.slides.push({
    kind: "check",
    index: a.out.checks.length - 1,
    number: nextSlide(a),
    count: 2,
  });
}
