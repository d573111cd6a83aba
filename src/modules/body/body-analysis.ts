import type { Finding } from "../../errors.ts";
import type { BlockNode } from "../block-tree.ts";
import type { Material } from "../materials.ts";
import type { ModuleMarkdown, RenderEnv } from "../markdown.ts";
import type { ModuleVersion, Objective } from "../types.ts";

export interface BodyContext {
  md: ModuleMarkdown;
  file: string;
  /** Lines in the file before the Markdown body starts. */
  lineOffset: number;
  locale: string;
  ui: Record<string, string>;
  categoryTitles: Map<string, string>;
  /** The course's case settings: id → label in this locale (course.yaml `caseSettings`). */
  caseSettings: Map<string, string>;
  referenceNumbers: Map<string, number>;
  objectives: Objective[];
  /** The front matter's materials, by id; activities name them in `materials="…"`. */
  materials?: ReadonlyMap<string, Material>;
  findings: Finding[];
}

export type AnalysedBody = Pick<
  ModuleVersion,
  | "learnerHtml"
  | "guideHtml"
  | "activities"
  | "checks"
  | "cases"
  | "facilitatorNotes"
  | "slides"
  | "signature"
>;

export type Block = Extract<BlockNode, { kind: "block" }>;

/** Reports a problem at a 0-based line of the Markdown body. */
export type ReportProblem = (
  line: number,
  message: string,
  hint: string,
  severity?: Finding["severity"],
) => void;

/** What the steps of one body's analysis share: its context, its findings and what it has built so far. */
export interface BodyAnalysis {
  ctx: BodyContext;
  env: RenderEnv;
  out: AnalysedBody;
  problem: ReportProblem;
  /** The line in the module file of a 0-based line of the body. */
  fileLine: (line: number) => number;
  /** The projector slide showing while each facilitator note applies (slide 1 is the title slide). */
  noteSlides: Map<Block, number>;
  /** Every check block of the body, in document order (a check's number is its place here + 1). */
  checkNodes: Block[];
  /** The activity whose knowledge checks come next, until a case, activity, key points or heading. */
  settingChecks: { checkIds: string[] } | undefined;
}

export function isFacilitator(node: BlockNode): boolean {
  return node.kind === "block" && node.type === "facilitator";
}

/** An interface text of the locale, escaped for HTML (the key itself when the text is missing). */
export function uiHtml(ctx: BodyContext, key: string): string {
  return ctx.md.utils.escapeHtml(ctx.ui[key] ?? key);
}
