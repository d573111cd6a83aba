import { suggest } from "../../text/did-you-mean.ts";
import { BLOCK_TYPES } from "../types.ts";
import type { Block, ReportProblem } from "./body-analysis.ts";

const ALLOWED_ATTRS: Record<string, string[]> = {
  objectives: [],
  case: ["setting"],
  activity: ["minutes", "grouping", "materials"],
  check: ["correct"],
  keypoints: [],
  facilitator: [],
};

/**
 * Checks a block's type and attributes. Returns false for a block of unknown type, which is
 * neither extracted nor entered.
 */
export function validateBlock(node: Block, problem: ReportProblem): boolean {
  if (!(BLOCK_TYPES as readonly string[]).includes(node.type)) {
    const guess = suggest(node.type, BLOCK_TYPES);
    problem(
      node.line,
      node.type ? `Unknown block type \`${node.type}\`` : "A `:::` block has no type",
      `${guess ? `Did you mean \`${guess}\`? ` : ""}Blocks are: ${BLOCK_TYPES.join(", ")}.`,
    );
    return false;
  }
  for (const key of Object.keys(node.attrs)) {
    const allowed = ALLOWED_ATTRS[node.type]!;
    if (!allowed.includes(key)) {
      const guess = suggest(key, allowed);
      problem(
        node.line,
        `Unknown attribute \`${key}\` on a \`${node.type}\` block`,
        guess
          ? `Did you mean \`${guess}\`?`
          : allowed.length
            ? `Allowed: ${allowed.join(", ")}.`
            : "This block takes no attributes.",
      );
    }
  }
  if (node.leftover)
    problem(
      node.line,
      `Cannot read \`${node.leftover}\` after \`::: ${node.type}\``,
      'Write attributes as key=value, with quotes around values that contain spaces: materials="Printed case; pens".',
    );
  return true;
}
