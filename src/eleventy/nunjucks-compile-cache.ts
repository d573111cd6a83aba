/**
 * Compiles each page template once per Eleventy run instead of once per page.
 *
 * Eleventy 3.1 makes a new Nunjucks `Template` for every page of a paginated template (and for its
 * permalink), and Nunjucks compiles each one again: at N = 512 that is 10,240 compiles of the same
 * ten strings, about 1.3 s of a build. Nunjucks' own cache covers only the files it loads itself
 * (`base.njk`, the partials), so Eleventy no longer caches Nunjucks compiles (its comment in
 * `Engines/Nunjucks.js`: "we've moved to use Nunjucks' internal cache").
 *
 * For the environments registered here, a template whose path and text were compiled before is
 * given that compiled code, the way Nunjucks runs a precompiled template (`tmplProps`). The code a
 * text compiles to depends only on the text, its path and the environment's filters, extensions and
 * options, which are all set before the first page renders; a changed template file has a new text,
 * so it is compiled again.
 */

/** What Nunjucks' compiled code returns: `root` and a `b_<name>` function per block. */
type CompiledProps = Record<string, unknown>;

interface NunjucksTemplate {
  env: object;
  path?: string;
  tmplStr?: unknown;
  tmplProps?: CompiledProps;
  blocks: Record<string, unknown>;
  rootRenderFunc: unknown;
  _compile(): void;
}

interface NunjucksLibrary {
  Template: { prototype: NunjucksTemplate };
}

/** Compiled code by path and text, for each registered environment. */
const compiled = new WeakMap<object, Map<string, CompiledProps>>();
/** Template classes already taught to use `compiled` (one per copy of Nunjucks). */
const patched = new WeakSet<object>();

/** Makes `environment`'s templates reuse compiled code for a path and text they share. */
export function cacheNunjucksCompiles(nunjucks: NunjucksLibrary, environment: object): void {
  if (!compiled.has(environment)) compiled.set(environment, new Map());
  const prototype = nunjucks.Template.prototype;
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const compile = prototype._compile;
  prototype._compile = function (this: NunjucksTemplate): void {
    const cache = compiled.get(this.env);
    if (!cache || this.tmplProps || typeof this.tmplStr !== "string") return compile.call(this);
    const key = `${this.path ?? ""}\u0000${this.tmplStr}`;
    const known = cache.get(key);
    if (known) {
      this.tmplProps = known;
      return compile.call(this);
    }
    compile.call(this);
    cache.set(key, propsOf(this));
  };
}

/** The compiled code of a template just compiled, in the shape Nunjucks' precompiled path reads. */
function propsOf(template: NunjucksTemplate): CompiledProps {
  const props: CompiledProps = { root: template.rootRenderFunc };
  for (const [name, block] of Object.entries(template.blocks)) props[`b_${name}`] = block;
  return props;
}
