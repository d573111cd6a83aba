// The helpers markdown-it-attrs uses for its own patterns (utils.js has no types of its own).
declare module "markdown-it-attrs/utils.js" {
  import type { Token } from "markdown-it";
  interface Options {
    leftDelimiter: string;
    rightDelimiter: string;
    allowedAttributes: string[];
  }
  const utils: {
    getAttrs(str: string, start: number, options: Options): [string, string][];
    addAttrs(attrs: [string, string][], token: Token): Token;
    hasDelimiters(where: "start" | "end" | "only", options: Options): (str: string) => boolean;
    findLeftDelimiter(str: string, options: Options): number;
  };
  export default utils;
}
