// SCORM runtime for module pages inside an LMS package (`npm run package`); the website has no copy.
// It reports to the LMS: the section reached, the answers to knowledge checks (to resume), completion,
// score, success (2004), one interaction per answer and the session time. Nothing else: the journal,
// reflection answers and self-assessments never leave this browser. Without an LMS API it does nothing.
(function () {
  "use strict";
  var node = document.getElementById("lms-settings");
  if (!node) return;
  var settings = JSON.parse(node.textContent);
  var v12 = settings.version === "1.2";
  var SUSPEND_LIMIT = v12 ? 4096 : 64000;
  var names = v12
    ? {
        api: "API",
        init: "LMSInitialize",
        get: "LMSGetValue",
        set: "LMSSetValue",
        commit: "LMSCommit",
        finish: "LMSFinish",
        error: "LMSGetLastError",
      }
    : {
        api: "API_1484_11",
        init: "Initialize",
        get: "GetValue",
        set: "SetValue",
        commit: "Commit",
        finish: "Terminate",
        error: "GetLastError",
      };
  var el = v12
    ? {
        location: "cmi.core.lesson_location",
        exit: "cmi.core.exit",
        sessionTime: "cmi.core.session_time",
        raw: "cmi.core.score.raw",
        min: "cmi.core.score.min",
        max: "cmi.core.score.max",
      }
    : {
        location: "cmi.location",
        exit: "cmi.exit",
        sessionTime: "cmi.session_time",
        raw: "cmi.score.raw",
        min: "cmi.score.min",
        max: "cmi.score.max",
      };

  /** The standard search: this window's parents, then the opener's (ADL's API discovery). */
  function findApi(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win[names.api]) return win[names.api];
      } catch (e) {
        // A parent on another origin cannot be read; go on to the opener.
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  if (!api) return;

  var broken = false;
  var interactionsOff = false;

  function showNotice() {
    var main = document.getElementById("main") || document.body;
    var notice = document.createElement("p");
    notice.className = "lms-notice";
    notice.setAttribute("role", "alert");
    notice.textContent = settings.notice;
    main.insertBefore(notice, main.firstChild);
  }

  /** One API call; the first failure shows the notice once and stops every later call. */
  function call(name, args, optional) {
    if (broken) return "";
    var result;
    try {
      result = api[name].apply(api, args || []);
    } catch (e) {
      result = "false";
    }
    var failed = name === names.get ? lastError() !== "0" : String(result) !== "true";
    if (failed && !optional) {
      broken = true;
      showNotice();
    }
    return failed ? null : result;
  }
  function lastError() {
    try {
      return String(api[names.error]());
    } catch (e) {
      return "101";
    }
  }
  function get(name) {
    var value = call(names.get, [name], true);
    return value === null ? "" : String(value);
  }
  function set(name, value, optional) {
    return call(names.set, [name, String(value)], optional) !== null;
  }

  // Moving to this module in another language is a new page but the same LMS session: the page we
  // come from committed without finishing, so Initialize reports "already initialised" here.
  var SESSION_KEY = "lms-session-start:" + settings.module;
  var started = Date.now();
  function saveStart(time) {
    try {
      sessionStorage.setItem(SESSION_KEY, String(time));
    } catch (e) {
      // Without sessionStorage the session time counts from this page.
    }
  }
  function readStart() {
    try {
      return Number(sessionStorage.getItem(SESSION_KEY)) || 0;
    } catch (e) {
      return 0;
    }
  }
  function tryCall(name, arg) {
    try {
      return String(api[name](arg));
    } catch (e) {
      return "false";
    }
  }
  if (tryCall(names.init, "") === "true") saveStart(started);
  else {
    // Not a fresh start: either the session is open already (see above) or the LMS refuses us.
    tryCall(names.get, el.location);
    var code = lastError();
    if (code !== "0" && code !== "403") {
      broken = true;
      showNotice();
      return;
    }
    started = readStart() || started;
  }

  var checks = Array.prototype.slice.call(document.querySelectorAll("[data-check]"));
  var headings = Array.prototype.slice.call(document.querySelectorAll("main h2[id]"));
  var state = { l: "", e: 0, c: {} };

  function optionIds(section, which) {
    var inputs = Array.prototype.slice.call(section.querySelectorAll(".check__option input"));
    return inputs
      .filter(function (input) {
        return which === "correct"
          ? input.closest(".check__option").getAttribute("data-correct") === "true"
          : input.checked;
      })
      .map(function (input) {
        return "o" + (Number(input.value) + 1);
      });
  }
  function isRight(section, response) {
    return optionIds(section, "correct").join(",") === response;
  }

  function score() {
    var right = checks.filter(function (s) {
      var a = state.c[s.id];
      return a && isRight(s, a[0]);
    }).length;
    return checks.length ? Math.round((1000 * right) / checks.length) / 10 : null;
  }
  function answeredAll() {
    return checks.every(function (s) {
      return state.c[s.id];
    });
  }
  function isComplete(percent) {
    if (!checks.length || settings.completion === "read") return state.e === 1;
    if (settings.completion === "checks") return answeredAll();
    return answeredAll() && percent >= settings.masteryScore;
  }

  function writeSuspendData() {
    var text = JSON.stringify(state);
    // SCORM 1.2 keeps 4,096 characters: leave out the oldest answers rather than lose the record.
    // Only what is stored shrinks; this visit still scores every answer.
    var kept = { l: state.l, e: state.e, c: {} };
    var ids = Object.keys(state.c);
    ids.forEach(function (id) {
      kept.c[id] = state.c[id];
    });
    while (text.length > SUSPEND_LIMIT && ids.length) {
      delete kept.c[ids.shift()];
      text = JSON.stringify(kept);
    }
    set("cmi.suspend_data", text);
  }

  function writeStatus() {
    var percent = score();
    var complete = isComplete(percent);
    var judged = checks.length > 0 && answeredAll();
    var passed = judged && percent >= settings.masteryScore;
    if (percent !== null && Object.keys(state.c).length) {
      set(el.min, 0);
      set(el.max, 100);
      set(el.raw, percent);
      if (!v12) set("cmi.score.scaled", percent / 100);
    }
    if (v12) {
      var status = complete ? "completed" : "incomplete";
      if (settings.completion === "passed" && judged) status = passed ? "passed" : "failed";
      set("cmi.core.lesson_status", status);
    } else {
      set("cmi.completion_status", complete ? "completed" : "incomplete");
      set("cmi.success_status", judged ? (passed ? "passed" : "failed") : "unknown");
    }
    set(el.exit, complete ? (v12 ? "" : "normal") : "suspend");
    writeSuspendData();
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }
  function sessionTime() {
    var seconds = Math.max(0, Math.round((Date.now() - started) / 1000));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return v12 ? pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) : "PT" + h + "H" + m + "M" + s + "S";
  }
  function timestamp() {
    var iso = new Date().toISOString().slice(0, 19);
    return v12 ? iso.slice(11) : iso;
  }

  function writeInteraction(section, response, right) {
    if (interactionsOff) return;
    var n = get("cmi.interactions._count") || "0";
    var base = "cmi.interactions." + n + ".";
    var id = settings.module + "-" + section.id;
    var correct = optionIds(section, "correct");
    var sep = v12 ? "," : "[,]";
    // SCORM 1.2 makes interactions optional for an LMS: where one refuses them, skip them quietly.
    var ok =
      set(base + "id", id, v12) &&
      set(base + "type", "choice", v12) &&
      set(
        base + (v12 ? "student_response" : "learner_response"),
        response.split(",").join(sep),
        v12,
      ) &&
      set(base + "correct_responses.0.pattern", correct.join(sep), v12) &&
      set(base + "result", right ? "correct" : v12 ? "wrong" : "incorrect", v12) &&
      set(base + (v12 ? "time" : "timestamp"), timestamp(), v12);
    if (ok && !v12) {
      var question = section.querySelector(".check__question");
      if (question)
        set(
          "cmi.interactions." + n + ".description",
          question.textContent.replace(/\s+/g, " ").trim().slice(0, 250),
          true,
        );
    }
    if (!ok) interactionsOff = true;
  }

  var restoring = false;
  document.addEventListener("check:answered", function (event) {
    if (restoring || broken) return;
    var section = event.target.closest("[data-check]");
    if (!section || !section.id) return;
    var response = optionIds(section, "chosen").join(",");
    var right = isRight(section, response);
    var previous = state.c[section.id];
    state.c[section.id] = [previous ? previous[0] : response, response];
    writeInteraction(section, response, right);
    writeStatus();
    call(names.commit, [""]);
  });

  function trackReading() {
    var reached = "";
    var top = window.innerHeight * 0.3;
    headings.forEach(function (h) {
      if (h.getBoundingClientRect().top < top) reached = h.id;
    });
    var doc = document.documentElement;
    var atEnd = window.innerHeight + window.scrollY >= doc.scrollHeight - 4;
    var changed = false;
    if (reached && reached !== state.l) {
      state.l = reached;
      set(el.location, reached);
      changed = true;
    }
    if (atEnd && !state.e) {
      state.e = 1;
      changed = true;
    }
    if (changed && !broken) writeStatus();
    if (atEnd && changed) call(names.commit, [""]);
  }
  var pending = false;
  window.addEventListener(
    "scroll",
    function () {
      if (pending || broken) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        trackReading();
      });
    },
    { passive: true },
  );

  /** Puts back the answers and the place of an earlier session (`cmi.suspend_data`, location). */
  function resume() {
    var saved;
    try {
      saved = JSON.parse(get("cmi.suspend_data") || "null");
    } catch (e) {
      saved = null;
    }
    if (!saved || typeof saved !== "object" || typeof saved.c !== "object") return;
    state.l = typeof saved.l === "string" ? saved.l : "";
    state.e = saved.e === 1 ? 1 : 0;
    restoring = true;
    checks.forEach(function (section) {
      var answer = saved.c[section.id];
      if (!Array.isArray(answer) || answer.length !== 2) return;
      state.c[section.id] = [String(answer[0]), String(answer[1])];
      var chosen = String(answer[1]).split(",");
      Array.prototype.forEach.call(
        section.querySelectorAll(".check__option input"),
        function (input) {
          input.checked = chosen.indexOf("o" + (Number(input.value) + 1)) >= 0;
        },
      );
      var button = section.querySelector('[data-action="check"]');
      if (button && !button.hidden) button.click();
    });
    restoring = false;
    var place = state.l && document.getElementById(state.l);
    if (place) place.scrollIntoView();
    else window.scrollTo(0, 0);
  }

  // Leaving to this module in another language keeps the session open; any other exit finishes it.
  var staying = false;
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && link.hasAttribute("hreflang")) staying = true;
  });
  window.addEventListener("pagehide", function () {
    if (broken) return;
    set(el.sessionTime, sessionTime());
    call(names.commit, [""]);
    if (!staying) call(names.finish, [""]);
  });

  resume();
  if (!broken) {
    trackReading();
    writeStatus();
    call(names.commit, [""]);
  }
})();
