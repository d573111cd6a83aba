import type { Token } from "markdown-it";

/** A `:::` block with its parsed attributes, or a run of ordinary Markdown tokens. */
export type BlockNode =
  | { kind: "tokens"; tokens: Token[] }
  | {
      kind: "block";
      type: string;
      attrs: Record<string, string>;
      /** Text after the block name that is not `key=value`. */
      leftover: string;
      /** 0-based line in the Markdown body. */
      line: number;
      children: BlockNode[];
    };

const ATTR = /([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

export function parseBlockInfo(info: string): {
  type: string;
  attrs: Record<string, string>;
  leftover: string;
} {
  const trimmed = info.trim();
  const type = /^\S*/.exec(trimmed)![0];
  const rest = trimmed.slice(type.length);
  const attrs: Record<string, string> = {};
  const leftover = rest
    .replace(ATTR, (_m, key: string, dq?: string, sq?: string, bare?: string) => {
      attrs[key] = dq ?? sq ?? bare ?? "";
      return "";
    })
    .trim();
  return { type, attrs, leftover };
}

/** Groups a flat markdown-it token stream into nested blocks. */
export function buildBlockTree(tokens: Token[]): BlockNode[] {
  const root: BlockNode[] = [];
  const stack: BlockNode[][] = [root];
  const append = (token: Token) => {
    const current = stack[stack.length - 1]!;
    const last = current[current.length - 1];
    if (last?.kind === "tokens") last.tokens.push(token);
    else current.push({ kind: "tokens", tokens: [token] });
  };
  for (const token of tokens) {
    if (token.type === "container_block_open") {
      const node: BlockNode = {
        kind: "block",
        ...parseBlockInfo(token.info),
        line: token.map?.[0] ?? 0,
        children: [],
      };
      stack[stack.length - 1]!.push(node);
      stack.push(node.children);
    } else if (token.type === "container_block_close") {
      stack.pop();
    } else append(token);
  }
  return root;
}

/** Every token inside a list of nodes, depth first (blocks' contents included). */
export function* walkTokens(nodes: BlockNode[]): Generator<Token> {
  for (const node of nodes) {
    if (node.kind === "tokens") yield* node.tokens;
    else yield* walkTokens(node.children);
  }
}

/** The text of the first heading among the nodes, and its id. */
export function firstHeading(
  nodes: BlockNode[],
): { text: string; id: string | undefined } | undefined {
  // Stops at the heading (it is called for every block, nested ones included, and a block's
  // heading is usually its first token).
  let open: Token | undefined;
  for (const token of walkTokens(nodes)) {
    if (open) return { text: token.content ?? "", id: headingId(open) };
    if (token.type === "heading_open") open = token;
  }
  return open ? { text: "", id: headingId(open) } : undefined;
}

const headingId = (open: Token) => String(open.attrGet("id") ?? "") || undefined;
