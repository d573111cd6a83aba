import type { Token } from "markdown-it";
import type { Finding } from "../errors.ts";
import { formatMessage } from "../text/format-message.ts";
import { suggest } from "../framework/zod-findings.ts";
import { checkCaseSetting } from "./case-settings.ts";
import { buildBlockTree, firstHeading, type BlockNode } from "./block-tree.ts";
import { resolveActivityMaterials, type Material } from "./materials.ts";
import { slideParts } from "./slide-parts.ts";
import type { ModuleMarkdown, RenderEnv } from "./markdown.ts";
import {
  BLOCK_TYPES,
  GROUPINGS,
  type BlockSignature,
  type Check,
  type CheckOption,
  type ModuleVersion,
  type Objective,
} from "./types.ts";

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

const ALLOWED_ATTRS: Record<string, string[]> = {
  objectives: [],
  case: ["setting"],
  activity: ["minutes", "grouping", "materials"],
  check: ["correct"],
  keypoints: [],
  facilitator: [],
};

type Block = Extract<BlockNode, { kind: "block" }>;

/** Checks a module's body, extracts its activities, checks and cases, and renders both views. */
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

  const out: AnalysedBody = {
    learnerHtml: "",
    guideHtml: "",
    activities: [],
    checks: [],
    cases: [],
    facilitatorNotes: [],
    slides: [],
    signature: [],
  };
  // The projector slide showing while each facilitator note applies (slide 1 is the title slide).
  const noteSlides = new Map<Block, number>();
  const nextSlide = () => {
    const last = out.slides.at(-1);
    return last ? last.number + last.count : 2;
  };
  /** Adds a case, activity or key points block's slides, and notes which slide each of its notes is beside. */
  const addSlides = (
    kind: "case" | "activity" | "keypoints",
    index: number,
    node: Block,
    heading: string,
  ) => {
    const number = nextSlide();
    const continued = formatMessage(ctx.ui["slides.continued"] ?? "{title}", ctx.locale, {
      title: heading,
    });
    const { parts, notePart } = slideParts(
      node.children,
      { heading, continued, locale: ctx.locale },
      isFacilitator,
      (nodes) => render(nodes, "learner"),
    );
    for (const [note, part] of notePart) noteSlides.set(note as Block, number + part);
    out.slides.push({
      kind,
      index,
      number,
      count: parts.length,
      parts: parts.map((html, part) => ({ heading: part === 0 ? heading : continued, html })),
    });
  };
  const render = (nodes: BlockNode[], view: "learner" | "guide"): string =>
    nodes
      .map((n) =>
        n.kind === "tokens"
          ? ctx.md.renderer.render(n.tokens, ctx.md.options, env)
          : renderBlock(n, view),
      )
      .join("");
  const label = (key: string) => ctx.md.utils.escapeHtml(ctx.ui[key] ?? key);
  const separator = ctx.md.utils.escapeHtml(ctx.ui["compose.separator"] ?? " · ");

  /** The activity whose knowledge checks come next, until a case, activity, key points or heading. */
  let settingChecks: { checkIds: string[] } | undefined;
  // Validation and extraction: one pass over the blocks, in document order.
  const visit = (nodes: BlockNode[], parent: Block | undefined) => {
    for (const node of nodes) {
      if (node.kind !== "block") {
        if (!parent && node.tokens.some((t) => t.type === "heading_open"))
          settingChecks = undefined;
        continue;
      }
      if (!(BLOCK_TYPES as readonly string[]).includes(node.type)) {
        const guess = suggest(node.type, BLOCK_TYPES);
        problem(
          node.line,
          node.type ? `Unknown block type \`${node.type}\`` : "A `:::` block has no type",
          `${guess ? `Did you mean \`${guess}\`? ` : ""}Blocks are: ${BLOCK_TYPES.join(", ")}.`,
        );
        continue;
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
      extract(node, parent);
      visit(node.children, node);
    }
  };

  const extract = (node: Block, parent: Block | undefined) => {
    const title = firstHeading(node.children)?.text ?? "";
    switch (node.type) {
      case "activity": {
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
          html: render(
            node.children.filter((c) => !isFacilitator(c)),
            "learner",
          ),
          facilitatorHtml: node.children
            .filter(isFacilitator)
            .map((c) => render((c as Block).children, "guide")),
          checkIds: [],
        });
        settingChecks = out.activities.at(-1);
        addSlides("activity", out.activities.length - 1, node, title);
        out.signature.push({
          type: "activity",
          line: fileLine(node.line),
          detail: `${node.attrs.minutes ?? "?"} min, ${grouping ?? "no grouping"}${used.materials.length ? `, materials ${used.materials.map((m) => m.id).join(" ")}` : ""}`,
        });
        break;
      }
      case "case": {
        const setting = node.attrs.setting;
        checkCaseSetting(setting, ctx.caseSettings, (message, hint) =>
          problem(node.line, message, hint),
        );
        if (!title)
          problem(
            node.line,
            "This case has no title",
            "Start the block with a heading, e.g. `### A difficult question at the bedside`.",
          );
        out.cases.push({ title, setting: setting ?? "", html: render(node.children, "learner") });
        settingChecks = undefined;
        addSlides("case", out.cases.length - 1, node, title);
        out.signature.push({
          type: "case",
          line: fileLine(node.line),
          detail: setting ?? "no setting",
        });
        break;
      }
      case "check": {
        const check = extractCheck(node, out.checks.length + 1);
        out.checks.push(check);
        settingChecks?.checkIds.push(check.id);
        out.slides.push({
          kind: "check",
          index: out.checks.length - 1,
          number: nextSlide(),
          count: 2,
        });
        const correct = check.options.map((o, i) => (o.correct ? i + 1 : 0)).filter(Boolean);
        out.signature.push({
          type: "check",
          line: fileLine(node.line),
          detail: `${check.options.length} options, correct ${correct.join("+") || "none"}`,
        });
        break;
      }
      case "facilitator":
        // Beside the slide showing the text just above the note (set by its block, or the last so far).
        if (!noteSlides.has(node)) noteSlides.set(node, nextSlide() - 1);
        out.facilitatorNotes.push(render(node.children, "guide"));
        out.signature.push({
          type: "facilitator",
          line: fileLine(node.line),
          detail: parent ? `in ${parent.type}` : "",
        });
        break;
      default:
        if (node.type === "keypoints") {
          settingChecks = undefined;
          addSlides(
            "keypoints",
            out.slides.filter((s) => s.kind === "keypoints").length,
            node,
            ctx.ui["slides.keypoints"] ?? "",
          );
        }
        out.signature.push({
          type: node.type as BlockSignature["type"],
          line: fileLine(node.line),
          detail: "",
        });
    }
  };

  const extractCheck = (node: Block, number: number): Check => {
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
    return { id, questionHtml, options };
  };

  const renderBlock = (node: Block, view: "learner" | "guide"): string => {
    const inner = () => render(node.children, view);
    const heading = firstHeading(node.children);
    const labelled = heading?.id ? ` aria-labelledby="${ctx.md.utils.escapeHtml(heading.id)}"` : "";
    switch (node.type) {
      case "facilitator":
        return view === "guide"
          ? `<aside class="facilitator-note"><p class="block__kind">${label("module.facilitatorNote")}${noteSlides.has(node) ? ` <span class="slide-ref">${ctx.md.utils.escapeHtml((ctx.ui["slides.noteSlide"] ?? "{n}").replace("{n}", String(noteSlides.get(node))))}</span>` : ""}</p>\n${inner()}</aside>\n`
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
          out.checks.find((c) => c.id === `check-${checkNumber(node)}`)!,
          view,
        );
      case "keypoints":
        return `<section class="block block--keypoints" aria-label="${label("module.keypoints")}"><p class="block__kind">${label("module.keypoints")}</p>\n${inner()}</section>\n`;
      case "objectives":
        // The guide lists the objectives once, in its overview.
        return view === "guide" ? inner() : `${renderObjectives()}${inner()}`;
      default:
        return inner();
    }
  };

  const checkNodes: Block[] = [];
  const collectChecks = (nodes: BlockNode[]) => {
    for (const n of nodes)
      if (n.kind === "block") {
        if (n.type === "check") checkNodes.push(n);
        collectChecks(n.children);
      }
  };
  const checkNumber = (node: Block) => checkNodes.indexOf(node) + 1;

  const renderObjectives = () =>
    `<section class="block block--objectives" aria-labelledby="objectives"><h2 id="objectives">${label("module.objectives")}</h2>\n<ol>${ctx.objectives
      .map(
        (o) =>
          `<li>${ctx.md.utils.escapeHtml(o.text)} <span class="bloom">${label(`bloom.${o.level}`)}</span></li>`,
      )
      .join("")}</ol></section>\n`;

  const renderCheck = (check: Check, view: "learner" | "guide"): string => {
    const many = check.options.filter((o) => o.correct).length > 1;
    if (view === "guide") {
      // On paper: the question and its options; the answers are in the guide's answer key.
      const heading = ctx.md.utils.escapeHtml(
        (ctx.ui["check.title"] ?? "")
          .replace("{n}", check.id.slice(6))
          .replace("{total}", String(checkNodes.length)),
      );
      return (
        `<section class="block block--check keep-together" aria-labelledby="${check.id}-title">\n<h3 class="block__kind" id="${check.id}-title">${heading}</h3>\n` +
        `${check.questionHtml}<ol class="check__static" type="A">${check.options.map((o) => `<li>${o.html}</li>`).join("")}</ol>\n</section>\n`
      );
    }
    const type = many ? "checkbox" : "radio";
    const n = check.id.slice("check-".length);
    const total = checkNodes.length;
    const options = check.options
      .map((o, i) => {
        const verdict = o.correct ? label("check.correct") : label("check.incorrect");
        // Kept lean (module pages are read on phones): the input inside its label, and only the
        // right answers marked.
        return (
          `<li class="check__option"${o.correct ? ' data-correct="true"' : ""}><label><input type="${type}" name="${check.id}" value="${i}"> ${o.html}</label>\n` +
          `<details class="check__feedback"><summary>${label("check.showFeedback")}</summary><p class="verdict verdict--${o.correct ? "right" : "wrong"}">${verdict}</p>${o.feedbackHtml}</details></li>\n`
        );
      })
      .join("");
    const hint = many ? `<p class="check__hint">${label("check.chooseMany")}</p>` : "";
    const heading = ctx.md.utils.escapeHtml(
      (ctx.ui["check.title"] ?? "").replace("{n}", n).replace("{total}", String(total)),
    );
    return (
      `<section class="block block--check" id="${check.id}" aria-labelledby="${check.id}-title" data-check data-view="${view}">\n` +
      `<h3 class="block__kind" id="${check.id}-title">${heading}</h3>\n<div class="check__question" id="${check.id}-q">${check.questionHtml}</div>${hint}\n` +
      `<fieldset class="check__options"><legend>${label("check.options")}</legend><ul>\n${options}</ul></fieldset>\n` +
      `<div class="check__result" data-result aria-live="polite" tabindex="-1"></div>\n` +
      `<div class="check__actions" data-enhance hidden><button type="button" data-action="check">${label("check.submit")}</button> <button type="button" data-action="retry" hidden>${label("check.retry")}</button></div>\n</section>\n`
    );
  };

  collectChecks(tree);
  visit(tree, undefined);
  const hasObjectivesBlock = out.signature.some((s) => s.type === "objectives");
  const lead = hasObjectivesBlock ? "" : renderObjectives();
  out.learnerHtml = lead + render(tree, "learner");
  out.guideHtml = render(tree, "guide");
  return out;
}

function isFacilitator(node: BlockNode): boolean {
  return node.kind === "block" && node.type === "facilitator";
}

function stripPrefix(inline: Token, length: number): void {
  inline.content = inline.content.slice(length);
  const first = inline.children?.[0];
  if (first?.type === "text") first.content = first.content.slice(length);
}

/** `{serves="a b"}` on a heading: check the category ids and show their names under the heading. */
function markServedCategories(
  tokens: Token[],
  ctx: BodyContext,
  problem: (line: number, message: string, hint: string) => void,
  newToken: (type: string) => Token,
): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const open = tokens[i]!;
    if (open.type !== "heading_open") continue;
    const serves = open.attrGet("serves");
    if (serves === null) continue;
    const ids = String(serves)
      .split(/[\s,]+/)
      .filter(Boolean);
    open.attrs = (open.attrs ?? []).filter(([name]) => name !== "serves");
    const known = [...ctx.categoryTitles.keys()];
    for (const id of ids)
      if (!ctx.categoryTitles.has(id)) {
        const guess = suggest(id, known);
        problem(
          open.map?.[0] ?? 0,
          `\`${id}\` is not a category of this competency`,
          guess ? `Did you mean \`${guess}\`?` : `Categories: ${known.join(", ")}.`,
        );
      }
    const closeAt = tokens.findIndex((t, j) => j > i && t.type === "heading_close");
    const token = newToken("serves");
    token.meta = { categories: ids.filter((id) => ctx.categoryTitles.has(id)) };
    tokens.splice(closeAt + 1, 0, token);
  }
}

function checkCitations(
  tokens: Token[],
  ctx: BodyContext,
  problem: (line: number, message: string, hint: string) => void,
): void {
  for (const t of tokens) {
    if (t.type !== "inline") continue;
    for (const child of t.children ?? []) {
      if (child.type !== "citation") continue;
      for (const key of (child.meta as { keys: string[] }).keys)
        if (!ctx.referenceNumbers.has(key)) {
          const guess = suggest(key, [...ctx.referenceNumbers.keys()]);
          const before = t.content.slice(0, t.content.indexOf(`@${key}`));
          const line = (t.map?.[0] ?? 0) + (before.match(/\n/g)?.length ?? 0);
          problem(
            line,
            `The citation \`[@${key}]\` names no reference of this module`,
            guess
              ? `Did you mean \`@${guess}\`?`
              : "Add it under `references:` in the front matter, with a `key:` of that name.",
          );
        }
    }
  }
}
