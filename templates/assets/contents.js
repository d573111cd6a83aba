// "On this page": opens the list on wide screens (it is a sticky column there) and marks the section
// being read with aria-current. Without JavaScript the list is a closed disclosure that still works.
(function () {
  "use strict";
  var details = document.querySelector("[data-page-contents]");
  if (!details) return;
  var wide = window.matchMedia("(min-width: 60rem)");
  function fit() {
    details.open = wide.matches;
  }
  fit();
  if (wide.addEventListener) wide.addEventListener("change", fit);
  var links = Array.prototype.slice.call(details.querySelectorAll("a[href^='#']"));
  var targets = links.map(function (a) {
    return document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
  });
  // The section being read is the last one whose start has reached the top of the window (a link
  // scrolls its section to 1rem from the top; short sections, such as glossary terms, follow closely).
  function mark() {
    var current = -1;
    for (var i = 0; i < targets.length; i++)
      if (targets[i] && targets[i].getBoundingClientRect().top < 48) current = i;
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
    if (event.target.closest("a") && !wide.matches) details.open = false;
  });
  mark();
})();
