// Site search with Pagefind's own browser API, loaded from this site (no third-party request).
// Pagefind picks the index of the page's language. Each result links to its best-matching section
// (Pagefind's sub-results, by heading anchor). Needs a web server: opened from a folder, the search
// cannot load its index, so the page shows its fallback links to the outline and the framework.
(function () {
  "use strict";
  /**
   * What this script reads of Pagefind's results (https://pagefind.app/docs/api/).
   * @typedef {{ url: string, title: string, excerpt: string, locations?: number[] }} PagefindSection
   * @typedef {{ url: string, excerpt: string, meta?: { title?: string }, sub_results?: PagefindSection[] }} PagefindPage
   * @typedef {{
   *   options(o: object): Promise<void>,
   *   init(): Promise<void>,
   *   search(query: string): Promise<{ results: { data(): Promise<PagefindPage> }[] }>,
   * }} Pagefind
   */
  var script = document.currentScript;
  var root = new URL((script && script.getAttribute("data-site-root")) || "./", location.href);
  var text = window.CourseText.text;
  /** @type {HTMLElement | null} */
  var box = document.querySelector("[data-search]");
  /** @type {HTMLElement | null} */
  var fallback = document.querySelector("[data-search-fallback]");
  /** @type {HTMLFormElement | null} */
  var form = document.querySelector("[data-search-form]");
  /** @type {HTMLInputElement | null} */
  var input = form && form.querySelector("input");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  if (!box || !fallback || !form || !input || !status || !list) return;
  var searchBox = box;
  var fallbackLinks = fallback;
  var queryInput = input;
  var statusNode = status;
  var resultList = list;
  /** @type {Promise<Pagefind> | null} */
  var pagefind = null;

  // Keep the query when switching language: the other locale's search page gets the same ?q=.
  /** @param {string} query */
  function keepQueryInLanguageLinks(query) {
    document.querySelectorAll(".lang-switch a").forEach(function (a) {
      var url = new URL(a.getAttribute("href") || "", location.href);
      url.search = query ? "?q=" + encodeURIComponent(query) : "";
      a.setAttribute("href", url.href);
    });
  }

  /** @returns {Promise<Pagefind>} */
  function load() {
    if (!pagefind)
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(
        function (/** @type {Pagefind} */ pf) {
          // Long teaching pages are not penalised for their length as much as by default, so a module
          // outranks a short page that mentions its subject once; headings already weigh more.
          return pf
            .options({ ranking: { pageLength: 0.25, termFrequency: 0.6 } })
            .then(function () {
              return pf.init();
            })
            .then(function () {
              return pf;
            });
        },
      );
    return pagefind;
  }

  function showFallback() {
    statusNode.textContent = text("search.unavailable");
    /** @type {HTMLElement | null} */
    var noJs = fallbackLinks.querySelector("[data-search-nojs]");
    if (noJs) noJs.hidden = true;
    fallbackLinks.hidden = false;
  }

  /** @param {string} url */
  function toHref(url) {
    return new URL(url.replace(/^\//, ""), root).href;
  }

  /**
   * @param {string | undefined} words
   * @param {string} query
   */
  function mentions(words, query) {
    return !!words && words.toLowerCase().indexOf(query.toLowerCase()) !== -1;
  }

  /**
   * The sections to land on, best first: one whose heading names the query, else the one with most
   * matches.
   * @param {PagefindPage} r
   * @param {string} query
   */
  function bestSection(r, query) {
    var subs = (r.sub_results || []).filter(function (s) {
      return s.url && s.url.indexOf("#") !== -1;
    });
    /** @param {PagefindSection} s */
    function score(s) {
      return (mentions(s.title, query) ? 1000 : 0) + (s.locations ? s.locations.length : 0);
    }
    return subs
      .map(function (s, i) {
        return { s: s, i: i, score: score(s) };
      })
      .sort(function (a, b) {
        return b.score - a.score || a.i - b.i;
      })
      .map(function (x) {
        return x.s;
      });
  }

  // Titles and headings outrank body text: pages whose title or a heading names the query come
  // first, in Pagefind's order; then the rest, in Pagefind's order.
  /**
   * @param {PagefindPage[]} results
   * @param {string} query
   */
  function rankByHeadings(results, query) {
    /** @param {PagefindPage} r */
    function named(r) {
      return (
        mentions(r.meta && r.meta.title, query) ||
        (r.sub_results || []).some(function (s) {
          return mentions(s.title, query);
        })
      );
    }
    return results
      .map(function (r, i) {
        return { r: r, i: i, top: named(r) ? 0 : 1 };
      })
      .sort(function (a, b) {
        return a.top - b.top || a.i - b.i;
      })
      .map(function (x) {
        return x.r;
      });
  }

  /**
   * @param {PagefindPage} r
   * @param {string} query
   */
  function resultItem(r, query) {
    var item = document.createElement("li");
    var subs = bestSection(r, query);
    var best = subs[0];
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = toHref(best ? best.url : r.url);
    link.textContent = (r.meta && r.meta.title) || r.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var excerpt = document.createElement("p");
    // Pagefind's excerpt marks matches with <mark>; it is built from our own pages' text.
    excerpt.innerHTML = best ? best.excerpt : r.excerpt;
    item.appendChild(excerpt);
    if (subs.length > 1) {
      var sections = document.createElement("ul");
      sections.className = "search-sections";
      subs.slice(1, 4).forEach(function (s) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = toHref(s.url);
        a.textContent = s.title;
        li.appendChild(a);
        sections.appendChild(li);
      });
      item.appendChild(sections);
    }
    return item;
  }

  /**
   * @param {PagefindPage[]} results
   * @param {string} query
   */
  function show(results, query) {
    resultList.textContent = "";
    rankByHeadings(results, query).forEach(function (r) {
      resultList.appendChild(resultItem(r, query));
    });
    statusNode.textContent = results.length
      ? text("search.found", { count: results.length, query: query })
      : text("search.none", { query: query });
  }

  /** @param {string} query */
  function run(query) {
    query = query.trim();
    keepQueryInLanguageLinks(query);
    if (!query) return;
    statusNode.textContent = text("search.searching");
    load()
      .then(function (pf) {
        return pf.search(query);
      })
      .then(function (search) {
        return Promise.all(
          search.results.slice(0, 20).map(function (r) {
            return r.data();
          }),
        );
      })
      .then(function (results) {
        show(results, query);
      })
      .catch(showFallback);
  }

  searchBox.hidden = false;
  fallbackLinks.hidden = true;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(queryInput.value));
    run(queryInput.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    queryInput.value = initial;
    run(initial);
  }
  // Opened from a folder, the index cannot load: say so at once and show the fallback links.
  if (location.protocol === "file:") showFallback();
})();
