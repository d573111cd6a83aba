// Site search with Pagefind's own browser API, loaded from this site (no third-party request).
// Pagefind picks the index of the page's language. Needs a web server: from a folder, the page
// keeps its no-JavaScript text, which points to the outline instead.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-site-root") || "./", location.href);
  var t = JSON.parse(document.getElementById("ui-messages").textContent);
  var box = document.querySelector("[data-search]");
  var form = document.querySelector("[data-search-form]");
  var input = form.querySelector("input");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var pagefind = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) {
      return name in values ? values[name] : "";
    });
  }

  function load() {
    if (!pagefind)
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.init().then(function () {
          return pf;
        });
      });
    return pagefind;
  }

  function show(results, query) {
    list.textContent = "";
    results.forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(r.url.replace(/^\//, ""), root).href;
      link.textContent = (r.meta && r.meta.title) || r.url;
      var excerpt = document.createElement("p");
      // Pagefind's excerpt marks matches with <mark>; it is built from our own pages' text.
      excerpt.innerHTML = r.excerpt;
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    status.textContent = results.length
      ? fill(t["search.found"], { count: results.length, query: query })
      : fill(t["search.none"], { query: query });
  }

  function run(query) {
    query = query.trim();
    if (!query) return;
    status.textContent = t["search.searching"];
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
      .catch(function () {
        status.textContent = t["search.unavailable"];
      });
  }

  box.hidden = false;
  document.querySelector("[data-search-fallback]").hidden = true;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
