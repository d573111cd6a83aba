import type { Finding } from "../../errors.ts";
import { buildBlockTree, type BlockNode } from "../block-tree.ts";
import type { RenderEnv } from "../markdown.ts";
import type { AnalysedBody, Block, BodyAnalysis, BodyContext } from "./body-analysis.ts";
import { extractBlock } from "./extract-blocks.ts";
import { checkCitations, markServedCategories } from "./inline-checks.ts";
import { renderNodes, renderObjectives } from "./render-blocks.ts";
import { validateBlock } from "./validate-block.ts";

export type { AnalysedBody, BodyContext } from "./body-analysis.ts";

/**
 * Checks a module's body, extracts its activities, checks and cases, numbers its projector slides,
 * and renders both views (the module page and the facilitator guide).
 */
export function analyseBody(markdown: string, ctx: BodyContext): AnalysedBody {
  const env: RenderEnv = {
    referenceNumbers: ctx.referenceNumbers,
    categoryTitles: ctx.categoryTitles,
    servesLabel: ctx.ui["module.serves"] ?? "",
    separator: ctx.ui["compose.separator"] ?? " · ",
    policyProblems: [],
  };
  const tokens = ctx.md.parse(markdown, env);
  const fileLine = (line: number) => ctx.lineOffset + line + 1;
  const problem = (
    line: number,
    message: string,
    hint: string,
    severity: Finding["severity"] = "error",
  ) =>
    ctx.findings.push({
      file: ctx.file,
      line: fileLine(line),
      column: 1,
      dataPath: "",
      message,
      hint,
      severity,
    });

  for (const p of env.policyProblems ?? []) problem(p.line, p.message, p.hint);
  markServedCategories(
    tokens,
    ctx,
    problem,
    (type) => new new ctx.md.core.State("", ctx.md, {}).Token(type, "", 0),
  );
  checkCitations(tokens, ctx, problem);
  const tree = buildBlockTree(tokens);

  const a: BodyAnalysis = {
    ctx,
    env,
    out: {
      learnerHtml: "",
      guideHtml: "",
      activities: [],
      checks: [],
      cases: [],
      facilitatorNotes: [],
      slides: [],
      signature: [],
    },
    problem,
    fileLine,
    noteSlides: new Map(),
    checkNodes: checkBlocks(tree),
    settingChecks: undefined,
  };
  visitBlocks(a, tree, undefined);
  const hasObjectivesBlock = a.out.signature.some((s) => s.type === "objectives");
  const lead = hasObjectivesBlock ? "" : renderObjectives(a);
  a.out.learnerHtml = lead + renderNodes(a, tree, "learner");
  a.out.guideHtml = renderNodes(a, tree, "guide");
  return a.out;
}

/** Validation and extraction: one pass over the blocks, in document order. */
function visitBlocks(a: BodyAnalysis, nodes: BlockNode[], parent: Block | undefined): void {
  for (const node of nodes) {
    if (node.kind !== "block") {
      // A heading between blocks ends the checks an activity sets.
      if (!parent && node.tokens.some((t) => t.type === "heading_open"))
        a.settingChecks = undefined;
      continue;
    }
    if (!validateBlock(node, a.problem)) continue;
    extractBlock(a, node, parent);
    visitBlocks(a, node.children, node);
  }
}

/** Every check block, nested ones included, in document order. */
function checkBlocks(nodes: BlockNode[], found: Block[] = []): Block[] {
  for (const n of nodes)
    if (n.kind === "block") {
      if (n.type === "check") found.push(n);
      checkBlocks(n.children, found);
    }
  return found;
}
