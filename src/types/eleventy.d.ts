// Eleventy ships no type declarations; this covers the part of its programmatic API the engine uses.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string | false;
    quietMode?: boolean;
    config?: (eleventyConfig: any) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}

declare module "@11ty/eleventy-plugin-syntaxhighlight" {
  const plugin: {
    pairedShortcode(content: string, language: string, lines: string, options: object): string;
  };
  export default plugin;
}
