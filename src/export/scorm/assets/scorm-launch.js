// The launch page of a SCORM package (`npm run package`): it holds the one LMS session of a launch and
// shows the module pages in a frame, so a language switch, a link or a reload inside the module is a
// new page but never a new session: one Initialize when the launch page opens, one Terminate when it
// closes. The module pages (assets/scorm.js) read and write through `window.lmsSession`.
(function () {
  "use strict";
  var node = document.getElementById("lms-launch");
  if (!node) return;
  /**
   * What the package wrote for this launch (src/export/scorm/launch-page.ts).
   * @type {{ version: string, module: string, title: string, defaultLocale: string, pages: Record<string, string> }}
   */
  var launch = JSON.parse(node.textContent || "null");
  var v12 = launch.version === "1.2";
  var names = {
    api: v12 ? "API" : "API_1484_11",
    init: v12 ? "LMSInitialize" : "Initialize",
    get: v12 ? "LMSGetValue" : "GetValue",
    set: v12 ? "LMSSetValue" : "SetValue",
    commit: v12 ? "LMSCommit" : "Commit",
    finish: v12 ? "LMSFinish" : "Terminate",
    error: v12 ? "LMSGetLastError" : "GetLastError",
  };

  /**
   * The LMS's API object, as SCORM names it on a window: methods by name, each taking strings.
   * @typedef {Record<string, (...args: string[]) => unknown>} ScormApi
   */

  /**
   * ADL's API discovery: this window's parents, then the opener's.
   * @param {Window | null} win
   * @returns {ScormApi | null}
   */
  function findApi(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        var found = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (win))[
          names.api
        ];
        if (found) return /** @type {ScormApi} */ (found);
      } catch (e) {
        // A parent on another origin cannot be read; go on.
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window.parent !== window ? window.parent : null);
  if (!api && window.opener) api = findApi(window.opener);

  /**
   * Calls the LMS; "false" when it throws (or there is none).
   * @param {string} name
   * @param {string[]} args
   * @returns {unknown}
   */
  function invoke(name, args) {
    try {
      var method = api && api[name];
      if (!method) throw new Error("No " + name);
      return method.apply(api, args);
    } catch (e) {
      return "false";
    }
  }
  function lastError() {
    try {
      var method = api && api[names.error];
      if (!method) throw new Error("No " + names.error);
      return String(method.call(api));
    } catch (e) {
      return "101";
    }
  }

  /** @returns {OpenLmsSession} */
  function openSession() {
    /** @type {OpenLmsSession} */
    var session = {
      version: launch.version,
      module: launch.module,
      broken: false,
      finished: false,
      review: false,
      started: Date.now(),
      stored: { status: "", success: "", raw: "" },
      state: { l: "", i: -1, e: 0, c: {} },
      /** One value from the LMS ("" when it has none or refuses). */
      get: function (element) {
        if (session.finished) return "";
        var value = invoke(names.get, [element]);
        return lastError() === "0" ? String(value) : "";
      },
      /** Writes one value; false if the LMS refuses it. */
      set: function (element, value) {
        if (session.broken || session.finished) return false;
        return String(invoke(names.set, [element, String(value)])) === "true";
      },
      commit: function () {
        if (session.broken || session.finished) return false;
        return String(invoke(names.commit, [""])) === "true";
      },
    };
    var mode = session.get(v12 ? "cmi.core.lesson_mode" : "cmi.mode");
    // Review (and browse) shows the record; nothing the learner does then may change it.
    session.review = mode === "review" || mode === "browse";
    session.stored = {
      status: session.get(v12 ? "cmi.core.lesson_status" : "cmi.completion_status"),
      success: v12 ? "" : session.get("cmi.success_status"),
      raw: session.get(v12 ? "cmi.core.score.raw" : "cmi.score.raw"),
    };
    var saved = null;
    try {
      saved = JSON.parse(session.get("cmi.suspend_data") || "null");
    } catch (e) {
      saved = null;
    }
    var valid = saved && typeof saved === "object" && saved.c && typeof saved.c === "object";
    // The learner's answers and place, shared by the module pages of this launch.
    if (valid) session.state = saved;
    return session;
  }

  var opened = !!api && String(invoke(names.init, [""])) === "true";
  var session = opened ? openSession() : null;
  // An LMS that refuses the session: the module pages show their notice once and send nothing.
  window.lmsSession =
    session || (api ? { version: launch.version, module: launch.module, broken: true } : null);

  /**
   * @param {number} n
   * @param {number} width
   */
  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }
  /** @param {OpenLmsSession} session */
  function sessionTime(session) {
    var seconds = Math.max(0, Math.round((Date.now() - session.started) / 1000));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return v12 ? pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) : "PT" + h + "H" + m + "M" + s + "S";
  }

  window.addEventListener("pagehide", function () {
    if (!session || session.finished) return;
    if (!session.review && !session.broken) {
      session.set(v12 ? "cmi.core.session_time" : "cmi.session_time", sessionTime(session));
      // Always `suspend`: LMSs hand the answers back at the next launch only after a suspend.
      session.set(v12 ? "cmi.core.exit" : "cmi.exit", "suspend");
      session.commit();
    }
    session.finished = true;
    // After a refusal nothing more is sent, not even the finish (no retries).
    if (!session.broken) invoke(names.finish, [""]);
  });

  // The module in the language the learner last chose, else the course's first language.
  var locale = session && session.state.g;
  var src = (locale && launch.pages[locale]) || launch.pages[launch.defaultLocale];
  var frame = document.createElement("iframe");
  frame.className = "lms-frame";
  frame.title = launch.title;
  // Every package names a page for its default language (src/export/scorm/launch-page.ts).
  if (src) frame.src = src;
  document.body.appendChild(frame);
})();
