import { formatMessage } from "../../text/format-message.ts";
import { firstHeading, type BlockNode } from "../block-tree.ts";
import { resolveActivityMaterials } from "../materials.ts";
import { uiHtml, type Block, type BodyAnalysis } from "./body-analysis.ts";
import { renderCheck } from "./render-check.ts";

/** Renders body nodes for the module page ("learner") or the facilitator guide ("guide"). */
export function renderNodes(
  a: BodyAnalysis,
  nodes: BlockNode[],
  view: "learner" | "guide",
): string {
  return nodes
    .map((n) => (n.kind === "tokens" ? tokensHtml(a, n) : renderBlock(a, n, view)))
    .join("");
}

/**
 * Markdown outside blocks reads the same in both views and on the slides, so each run of tokens is
 * rendered once per analysis (an activity's text is shown in the module, the guide and its slides).
 */
const renderedTokens = new WeakMap<BlockNode, string>();
function tokensHtml(a: BodyAnalysis, node: Extract<BlockNode, { kind: "tokens" }>): string {
  let html = renderedTokens.get(node);
  if (html === undefined) {
    html = a.ctx.md.renderer.render(node.tokens, a.ctx.md.options, a.env);
    renderedTokens.set(node, html);
  }
  return html;
}

/** The module's learning objectives, each with its Bloom level. */
export function renderObjectives(a: BodyAnalysis): string {
  const { ctx } = a;
  const label = (key: string) => uiHtml(ctx, key);
  return `<section class="block block--objectives" aria-labelledby="objectives"><h2 id="objectives">${label("module.objectives")}</h2>\n<ol>${ctx.objectives
    .map(
      (o) =>
        `<li>${ctx.md.utils.escapeHtml(o.text)} <span class="bloom">${label(`bloom.${o.level}`)}</span></li>`,
    )
    .join("")}</ol></section>\n`;
}

function renderBlock(a: BodyAnalysis, node: Block, view: "learner" | "guide"): string {
  const { ctx } = a;
  const label = (key: string) => uiHtml(ctx, key);
  const separator = ctx.md.utils.escapeHtml(ctx.ui["compose.separator"] ?? " · ");
  const inner = () => renderNodes(a, node.children, view);
  const heading = firstHeading(node.children);
  const labelled = heading?.id ? ` aria-labelledby="${ctx.md.utils.escapeHtml(heading.id)}"` : "";
  switch (node.type) {
    case "facilitator":
      return view === "guide"
        ? `<aside class="facilitator-note"><p class="block__kind">${label("module.facilitatorNote")}${a.noteSlides.has(node) ? ` <span class="slide-ref">${ctx.md.utils.escapeHtml((ctx.ui["slides.noteSlide"] ?? "{n}").replace("{n}", String(a.noteSlides.get(node))))}</span>` : ""}</p>\n${inner()}</aside>\n`
        : "";
    case "case":
      return `<section class="block block--case"${labelled}><p class="block__kind">${[label("module.case"), ctx.md.utils.escapeHtml(ctx.caseSettings.get(node.attrs.setting ?? "") ?? "")].filter(Boolean).join(separator)}</p>\n${inner()}</section>\n`;
    case "activity": {
      const meta = [
        label("module.activity"),
        ctx.md.utils.escapeHtml(
          formatMessage(ctx.ui["module.minutes"] ?? "{n}", ctx.locale, {
            n: node.attrs.minutes ?? "?",
          }),
        ),
        node.attrs.grouping ? label(`grouping.${node.attrs.grouping}`) : "",
      ]
        .filter(Boolean)
        .join(separator);
      const materials = resolveActivityMaterials(
        node.attrs.materials,
        ctx.materials ?? new Map(),
      ).materials.map((m) => m.name);
      const materialsHtml = materials.length
        ? `<p class="block__materials"><strong>${label("module.materials")}</strong> ${materials.map((m) => ctx.md.utils.escapeHtml(m)).join(ctx.ui["punct.listSeparator"] ?? ", ")}</p>\n`
        : "";
      return `<section class="block block--activity"${labelled}><p class="block__kind">${meta}</p>\n${inner()}${materialsHtml}</section>\n`;
    }
    case "check":
      return renderCheck(
        a,
        a.out.checks.find((c) => c.id === `check-${a.checkNodes.indexOf(node) + 1}`)!,
        view,
      );
    case "keypoints":
      return `<section class="block block--keypoints" aria-label="${label("module.keypoints")}"><p class="block__kind">${label("module.keypoints")}</p>\n${inner()}</section>\n`;
    case "objectives":
      // The guide lists the objectives once, in its overview.
      return view === "guide" ? inner() : `${renderObjectives(a)}${inner()}`;
    default:
      return inner();
  }
}
