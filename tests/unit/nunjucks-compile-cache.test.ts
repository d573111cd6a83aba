/**
 * The Nunjucks compile cache: a page template's text is compiled once per environment and path,
 * and every page rendered from it still gets its own data, blocks and inheritance.
 */
import nunjucks, { type Environment } from "nunjucks";
import { describe, expect, it } from "vitest";
import { cacheNunjucksCompiles } from "../../src/eleventy/nunjucks-compile-cache.ts";

const BASE = "<main>{% block main %}base{% endblock %}</main>{% block end %}{% endblock %}";
const PAGE = `{% extends "base.njk" %}{% block main %}{{ p.title | upper }}{% endblock %}`;

/** An environment whose loader serves `base.njk` from memory. */
function environment(): Environment {
  const loader = {
    getSource: (name: string) =>
      name === "base.njk" ? { src: BASE, path: "base.njk", noCache: false } : null,
  };
  return new nunjucks.Environment(loader, { autoescape: true });
}

/**
 * Renders `text` as a new template at `path`, as Eleventy does for each page; `compiled` says
 * whether it was compiled rather than given cached code.
 */
function renderPage(
  env: Environment,
  text: string,
  path: string,
  data: object,
): { html: string; compiled: boolean } {
  const template = new nunjucks.Template(text, env, path, false);
  const html = template.render(data);
  return { html, compiled: !(template as unknown as { tmplProps?: object }).tmplProps };
}

describe("Nunjucks compile cache", () => {
  it("compiles a page's text once and renders every page with its own data", () => {
    const env = environment();
    cacheNunjucksCompiles(nunjucks as any, env);
    const first = renderPage(env, PAGE, "module.njk", { p: { title: "one" } });
    const second = renderPage(env, PAGE, "module.njk", { p: { title: "<two>" } });
    expect(first).toEqual({ html: "<main>ONE</main>", compiled: true });
    // The second page reuses the compiled code, blocks and escaping included.
    expect(second).toEqual({ html: "<main>&lt;TWO&gt;</main>", compiled: false });
  });

  it("compiles again for another text or another path", () => {
    const env = environment();
    cacheNunjucksCompiles(nunjucks as any, env);
    renderPage(env, PAGE, "module.njk", { p: { title: "a" } });
    const edited = PAGE.replace("upper", "lower");
    expect(renderPage(env, edited, "module.njk", { p: { title: "B" } })).toEqual({
      html: "<main>b</main>",
      compiled: true,
    });
    expect(renderPage(env, PAGE, "guide.njk", { p: { title: "c" } }).compiled).toBe(true);
  });

  it("leaves environments it was not given alone", () => {
    const cached = environment();
    cacheNunjucksCompiles(nunjucks as any, cached);
    const other = environment();
    expect(renderPage(other, "{{ x }}", "a.njk", { x: 1 })).toEqual({ html: "1", compiled: true });
    expect(renderPage(other, "{{ x }}", "a.njk", { x: 2 })).toEqual({ html: "2", compiled: true });
  });

  it("keeps each environment's compiled code to itself (filters differ between runs)", () => {
    const first = environment().addFilter("mark", (s: string) => `[${s}]`);
    const second = environment().addFilter("mark", (s: string) => `(${s})`);
    cacheNunjucksCompiles(nunjucks as any, first);
    cacheNunjucksCompiles(nunjucks as any, second);
    expect(renderPage(first, "{{ x | mark }}", "a.njk", { x: 1 }).html).toBe("[1]");
    expect(renderPage(second, "{{ x | mark }}", "a.njk", { x: 1 })).toEqual({
      html: "(1)",
      compiled: true,
    });
  });
});
