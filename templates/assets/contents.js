// "On this page": opens the list on wide screens (it is a sticky column there) and marks the section
// being read with aria-current. Without JavaScript the list is a closed disclosure that still works.
(function () {
  "use strict";
  var details = document.querySelector("details[data-page-contents]");
  if (!(details instanceof HTMLDetailsElement)) return;
  var list = details;
  var wide = window.matchMedia("(min-width: 60rem)");
  function fit() {
    list.open = wide.matches;
  }
  fit();
  if (wide.addEventListener) wide.addEventListener("change", fit);
  var links = Array.from(details.querySelectorAll("a[href^='#']"));
  var targets = links.map(function (a) {
    return document.getElementById(decodeURIComponent((a.getAttribute("href") || "#").slice(1)));
  });
  // The section being read is the last one whose start has reached the top of the window (a link
  // scrolls its section to 1rem from the top; short sections, such as glossary terms, follow closely).
  function mark() {
    var current = -1;
    targets.forEach(function (target, i) {
      if (target && target.getBoundingClientRect().top < 48) current = i;
    });
    links.forEach(function (a, i) {
      if (i === current) a.setAttribute("aria-current", "location");
      else a.removeAttribute("aria-current");
    });
  }
  var queued = false;
  window.addEventListener(
    "scroll",
    function () {
      if (queued) return;
      queued = true;
      window.requestAnimationFrame(function () {
        queued = false;
        mark();
      });
    },
    { passive: true },
  );
  details.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("a") && !wide.matches) list.open = false;
  });
  mark();
})();
