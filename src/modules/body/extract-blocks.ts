import { suggest } from "../../text/did-you-mean.ts";
import { checkCaseSetting } from "../case-settings.ts";
import { firstHeading } from "../block-tree.ts";
import { resolveActivityMaterials } from "../materials.ts";
import { GROUPINGS, type BlockSignature } from "../types.ts";
import { isFacilitator, type Block, type BodyAnalysis } from "./body-analysis.ts";
import { extractCheck } from "./extract-check.ts";
import { addCheckSlides, addSlides, nextSlide } from "./number-slides.ts";
import { renderNodes } from "./render-blocks.ts";

/**
 * Takes one block (of a known type) into the analysed body: its activity, case, check or note, its
 * slides and its line in the signature.
 */
export function extractBlock(a: BodyAnalysis, node: Block, parent: Block | undefined): void {
  switch (node.type) {
    case "activity":
      return extractActivity(a, node);
    case "case":
      return extractCase(a, node);
    case "check":
      return extractCheckBlock(a, node);
    case "facilitator":
      return extractFacilitatorNote(a, node, parent);
    default:
      if (node.type === "keypoints") {
        a.settingChecks = undefined;
        addSlides(
          a,
          "keypoints",
          a.out.slides.filter((s) => s.kind === "keypoints").length,
          node,
          a.ctx.ui["slides.keypoints"] ?? "",
        );
      }
      a.out.signature.push({
        type: node.type as BlockSignature["type"],
        line: a.fileLine(node.line),
        detail: "",
      });
  }
}

function extractActivity(a: BodyAnalysis, node: Block): void {
  const { ctx, out, problem } = a;
  const title = firstHeading(node.children)?.text ?? "";
  const minutes = Number(node.attrs.minutes);
  if (node.attrs.minutes === undefined)
    problem(
      node.line,
      "This activity has no `minutes`",
      "Add how long it takes, e.g. `::: activity minutes=15`.",
    );
  else if (!Number.isInteger(minutes) || minutes <= 0)
    problem(
      node.line,
      `\`minutes=${node.attrs.minutes}\` is not a whole number of minutes`,
      "Write a whole number above zero, e.g. minutes=15.",
    );
  const grouping = node.attrs.grouping;
  if (grouping !== undefined && !(GROUPINGS as readonly string[]).includes(grouping)) {
    const guess = suggest(grouping, GROUPINGS);
    problem(
      node.line,
      `\`grouping=${grouping}\` is not a known grouping`,
      guess ? `Did you mean \`${guess}\`?` : `Use one of: ${GROUPINGS.join(", ")}.`,
    );
  }
  if (!title)
    problem(
      node.line,
      "This activity has no title",
      "Start the block with a heading, e.g. `### Rewrite the post`.",
    );
  const used = resolveActivityMaterials(node.attrs.materials, ctx.materials ?? new Map());
  for (const p of used.problems) problem(node.line, p.message, p.hint);
  out.activities.push({
    title,
    minutes: Number.isInteger(minutes) && minutes > 0 ? minutes : 0,
    grouping,
    materials: used.materials.map((m) => m.name),
    materialIds: used.materials.map((m) => m.id),
    html: renderNodes(
      a,
      node.children.filter((c) => !isFacilitator(c)),
      "learner",
    ),
    facilitatorHtml: node.children
      .filter(isFacilitator)
      .map((c) => renderNodes(a, (c as Block).children, "guide")),
    checkIds: [],
  });
  a.settingChecks = out.activities.at(-1);
  addSlides(a, "activity", out.activities.length - 1, node, title);
  out.signature.push({
    type: "activity",
    line: a.fileLine(node.line),
    detail: `${node.attrs.minutes ?? "?"} min, ${grouping ?? "no grouping"}${used.materials.length ? `, materials ${used.materials.map((m) => m.id).join(" ")}` : ""}`,
  });
}

function extractCase(a: BodyAnalysis, node: Block): void {
  const { ctx, out, problem } = a;
  const title = firstHeading(node.children)?.text ?? "";
  const setting = node.attrs.setting;
  checkCaseSetting(setting, ctx.caseSettings, (message, hint) => problem(node.line, message, hint));
  if (!title)
    problem(
      node.line,
      "This case has no title",
      "Start the block with a heading, e.g. `### A difficult question at the bedside`.",
    );
  out.cases.push({ title, setting: setting ?? "", html: renderNodes(a, node.children, "learner") });
  a.settingChecks = undefined;
  addSlides(a, "case", out.cases.length - 1, node, title);
  out.signature.push({
    type: "case",
    line: a.fileLine(node.line),
    detail: setting ?? "no setting",
  });
}

function extractCheckBlock(a: BodyAnalysis, node: Block): void {
  const { out } = a;
  const check = extractCheck(a, node, out.checks.length + 1);
  out.checks.push(check);
  a.settingChecks?.checkIds.push(check.id);
  addCheckSlides(a);
  const correct = check.options.map((o, i) => (o.correct ? i + 1 : 0)).filter(Boolean);
  out.signature.push({
    type: "check",
    line: a.fileLine(node.line),
    detail: `${check.options.length} options, correct ${correct.join("+") || "none"}`,
  });
}

function extractFacilitatorNote(a: BodyAnalysis, node: Block, parent: Block | undefined): void {
  // Beside the slide showing the text just above the note (set by its block, or the last so far).
  if (!a.noteSlides.has(node)) a.noteSlides.set(node, nextSlide(a) - 1);
  a.out.facilitatorNotes.push(renderNodes(a, node.children, "guide"));
  a.out.signature.push({
    type: "facilitator",
    line: a.fileLine(node.line),
    detail: parent ? `in ${parent.type}` : "",
  });
}
