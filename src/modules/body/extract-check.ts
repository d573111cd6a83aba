import type { Token } from "markdown-it";
import type { Check, CheckOption } from "../types.ts";
import type { Block, BodyAnalysis } from "./body-analysis.ts";

/** Reads a `::: check` block: the question above the list, each option with its mark and feedback. */
export function extractCheck(a: BodyAnalysis, node: Block, number: number): Check {
  const { ctx, env, problem } = a;
  const tokens = node.children.flatMap((c) => (c.kind === "tokens" ? c.tokens : []));
  const topLevel = Math.min(...tokens.map((t) => t.level));
  const listAt = tokens.findIndex((t) => t.type === "bullet_list_open" && t.level === topLevel);
  const id = `check-${number}`;
  if (listAt === -1) {
    problem(
      node.line,
      "This knowledge check has no options",
      "After the question, list the options: `- [x] right answer` and `- [ ] wrong answer`, each with feedback on a `>` line below it.",
    );
    return { id, questionHtml: "", options: [] };
  }
  const questionHtml = ctx.md.renderer.render(tokens.slice(0, listAt), ctx.md.options, env);
  if (!questionHtml.trim())
    problem(
      node.line,
      "This knowledge check has no question",
      "Write the question above the list of options.",
    );
  const options: CheckOption[] = [];
  let i = listAt + 1;
  while (i < tokens.length && tokens[i]!.type !== "bullet_list_close") {
    const open = tokens[i]!;
    if (open.type !== "list_item_open") {
      i++;
      continue;
    }
    let depth = 0,
      j = i;
    for (; j < tokens.length; j++) {
      if (tokens[j]!.type === "list_item_open") depth++;
      if (tokens[j]!.type === "list_item_close" && --depth === 0) break;
    }
    const item = tokens.slice(i + 1, j);
    const line = open.map?.[0] ?? node.line;
    const inline = item.find((t) => t.type === "inline");
    const mark = /^\[( |x|X)\]\s+/.exec(inline?.content ?? "");
    if (!inline || !mark) {
      problem(
        line,
        "A knowledge-check option does not start with `[x]` or `[ ]`",
        "Mark each option: `- [x]` for a correct one, `- [ ]` for a wrong one.",
      );
    } else {
      stripPrefix(inline, mark[0].length);
      const quoteAt = item.findIndex((t) => t.type === "blockquote_open");
      const quoteEnd = item.findLastIndex((t) => t.type === "blockquote_close");
      const feedbackHtml =
        quoteAt === -1
          ? ""
          : ctx.md.renderer.render(item.slice(quoteAt + 1, quoteEnd), ctx.md.options, env);
      if (!feedbackHtml.trim())
        problem(
          line,
          `Option ${options.length + 1} has no feedback`,
          "Under the option, add a line starting with `>` that says why it is right or wrong.",
        );
      options.push({
        html: ctx.md.renderer.renderInline(inline.children ?? [], ctx.md.options, env),
        correct: mark[1] !== " ",
        feedbackHtml,
      });
    }
    i = j + 1;
  }
  checkCorrectCount(a, node, options);
  return { id, questionHtml, options };
}

/** At least two options, and as many marked right as `correct=` says (one when it is left out). */
function checkCorrectCount(a: BodyAnalysis, node: Block, options: CheckOption[]): void {
  const { problem } = a;
  const expected = node.attrs.correct === undefined ? 1 : Number(node.attrs.correct);
  const correct = options.filter((o) => o.correct).length;
  if (options.length < 2)
    problem(
      node.line,
      "This knowledge check has fewer than two options",
      "Give at least two options to choose from.",
    );
  if (!Number.isInteger(expected) || expected < 1)
    problem(
      node.line,
      `\`correct=${node.attrs.correct}\` is not a number of correct options`,
      "Write how many options are right as a whole number, e.g. `::: check correct=2`, or leave it out for exactly one.",
    );
  else if (correct === 0)
    problem(
      node.line,
      "This knowledge check has no correct answer",
      "Mark the right option with `[x]`.",
    );
  else if (correct !== expected)
    problem(
      node.line,
      `This knowledge check marks ${correct} correct option${correct === 1 ? "" : "s"} but expects ${expected}`,
      expected === 1
        ? "Mark exactly one option `[x]`, or say how many are right: `::: check correct=2`."
        : `Mark ${expected} options with \`[x]\`, or change \`correct=\`.`,
    );
}

function stripPrefix(inline: Token, length: number): void {
  inline.content = inline.content.slice(length);
  const first = inline.children?.[0];
  if (first?.type === "text") first.content = first.content.slice(length);
}
