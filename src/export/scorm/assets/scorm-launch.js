// The launch page of a SCORM package (`npm run package`): it holds the one LMS session of a launch and
// shows the module pages in a frame, so a language switch, a link or a reload inside the module is a
// new page but never a new session: one Initialize when the launch page opens, one Terminate when it
// closes. The module pages (assets/scorm.js) read and write through `window.lmsSession`.
(function () {
  "use strict";
  var node = document.getElementById("lms-launch");
  if (!node) return;
  var launch = JSON.parse(node.textContent);
  var v12 = launch.version === "1.2";
  var names = v12
    ? { api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue" }
    : { api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue" };
  names.commit = v12 ? "LMSCommit" : "Commit";
  names.finish = v12 ? "LMSFinish" : "Terminate";
  names.error = v12 ? "LMSGetLastError" : "GetLastError";

  /** ADL's API discovery: this window's parents, then the opener's. */
  function findApi(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win[names.api]) return win[names.api];
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

  function invoke(name, args) {
    try {
      return api[name].apply(api, args);
    } catch (e) {
      return "false";
    }
  }
  function lastError() {
    try {
      return String(api[names.error]());
    } catch (e) {
      return "101";
    }
  }

  var session = null;
  var opened = api && String(invoke(names.init, [""])) === "true";
  // An LMS that refuses the session: the module pages show their notice once and send nothing.
  if (api && !opened) session = { version: launch.version, module: launch.module, broken: true };
  if (opened) {
    var started = Date.now();
    session = {
      version: launch.version,
      module: launch.module,
      broken: false,
      finished: false,
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
    /** The learner's answers and place, shared by the module pages of this launch. */
    session.state = valid ? saved : { l: "", i: -1, e: 0, c: {} };
    session.started = started;
  }
  window.lmsSession = session;

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }
  function sessionTime() {
    var seconds = Math.max(0, Math.round((Date.now() - session.started) / 1000));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return v12 ? pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) : "PT" + h + "H" + m + "M" + s + "S";
  }

  window.addEventListener("pagehide", function () {
    if (!opened || session.finished) return;
    if (!session.review && !session.broken) {
      session.set(v12 ? "cmi.core.session_time" : "cmi.session_time", sessionTime());
      // Always `suspend`: LMSs hand the answers back at the next launch only after a suspend.
      session.set(v12 ? "cmi.core.exit" : "cmi.exit", "suspend");
      session.commit();
    }
    session.finished = true;
    // After a refusal nothing more is sent, not even the finish (no retries).
    if (!session.broken) invoke(names.finish, [""]);
  });

  // The module in the language the learner last chose, else the course's first language.
  var locale = opened && session.state.g;
  var src = (locale && launch.pages[locale]) || launch.pages[launch.defaultLocale];
  var frame = document.createElement("iframe");
  frame.className = "lms-frame";
  frame.title = launch.title;
  frame.src = src;
  document.body.appendChild(frame);
})();
