// Offline after one visit: registers the site's service worker (sw.js at the site root, so it works
// under any path prefix) and, when a newer version of the site has been published and is ready,
// shows the update notice; "Reload" lets the new version take over. Learner data in localStorage is
// never touched. Opened from a folder (file://) nothing is registered: the pages work as they are.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  var root = new URL((script && script.getAttribute("data-site-root")) || "./", location.href);
  /** @type {HTMLElement | null} */
  var notice = document.querySelector("[data-update-notice]");
  var reloading = false;

  /** @param {ServiceWorker | null} worker */
  function offerUpdate(worker) {
    if (!notice || !worker) return;
    var reload = notice.querySelector("[data-update-reload]");
    notice.hidden = false;
    if (reload)
      reload.addEventListener("click", function () {
        worker.postMessage({ type: "SKIP_WAITING" });
      });
  }

  /** @param {ServiceWorker | null} worker */
  function watchInstalling(worker) {
    if (!worker) return;
    worker.addEventListener("statechange", function () {
      // An installed worker beside an active one is a new version waiting for the page's word.
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading || !notice || notice.hidden) return;
    reloading = true;
    location.reload();
  });

  navigator.serviceWorker
    .register(new URL("sw.js", root).href, { scope: root.pathname })
    .then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller)
        offerUpdate(registration.waiting);
      if (registration.installing) watchInstalling(registration.installing);
      registration.addEventListener("updatefound", function () {
        watchInstalling(registration.installing);
      });
    })
    .catch(function () {
      // No worker (a build without one, or a development server): the site works online as before.
    });
})();
