// The part of Nunjucks 3.2 the engine and its tests use directly (Nunjucks ships no types; Eleventy
// drives the rest).
declare module "nunjucks" {
  interface LoaderSource {
    src: string;
    path: string;
    noCache: boolean;
  }
  interface Loader {
    getSource(name: string): LoaderSource | null;
  }
  export class Environment {
    constructor(loader?: Loader, options?: { autoescape?: boolean });
    addFilter(name: string, filter: (...args: any[]) => unknown): this;
  }
  export class Template {
    constructor(src: string, env: Environment, path?: string, eagerCompile?: boolean);
    render(context: object): string;
  }
  const nunjucks: { Environment: typeof Environment; Template: typeof Template };
  export default nunjucks;
}
