// SCORM runtime for module pages inside an LMS package (`npm run package`); the website has no copy.
// It reports, through the launch page's session (assets/scorm-launch.js), the section reached, the
// answers to knowledge checks (to resume), completion, score, success, one interaction per answer.
// Nothing else: the journal, reflection answers and self-assessments never leave this browser.
// Opened outside the launch page (no session, or another module's) it does nothing.
(function () {
  "use strict";
  var node = document.getElementById("lms-settings");
  if (!node) return;
  var settings = JSON.parse(node.textContent);
  var session = null;
  try {
    session = window.parent !== window ? window.parent.lmsSession : null;
  } catch (e) {
    session = null;
  }
  if (!session || session.module !== settings.module || session.version !== settings.version)
    return;
  var v12 = settings.version === "1.2";
  var SUSPEND_LIMIT = v12 ? 4096 : 64000;
  var el = v12
    ? {
        location: "cmi.core.lesson_location",
        raw: "cmi.core.score.raw",
        min: "cmi.core.score.min",
        max: "cmi.core.score.max",
        exit: "cmi.core.exit",
      }
    : {
        location: "cmi.location",
        raw: "cmi.score.raw",
        min: "cmi.score.min",
        max: "cmi.score.max",
        exit: "cmi.exit",
      };

  function showNotice(text, className, role) {
    var main = document.getElementById("main") || document.body;
    var notice = document.createElement("p");
    notice.className = className;
    notice.setAttribute("role", role);
    notice.textContent = text;
    main.insertBefore(notice, main.firstChild);
  }
  if (session.broken) {
    showNotice(settings.notice, "lms-notice", "alert");
    return;
  }

  /** One write; the first refusal shows the notice once and stops every later write. */
  function set(name, value, optional) {
    if (session.broken) return false;
    var ok = session.set(name, value);
    if (!ok && !optional) {
      session.broken = true;
      showNotice(settings.notice, "lms-notice", "alert");
    }
    return ok;
  }
  function commit() {
    if (!session.broken && !session.commit()) {
      session.broken = true;
      showNotice(settings.notice, "lms-notice", "alert");
    }
  }

  var checks = Array.prototype.slice.call(document.querySelectorAll("[data-check]"));
  var headings = Array.prototype.slice.call(document.querySelectorAll("main h2[id]"));
  var state = session.state;
  state.g = document.documentElement.lang;

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
  function answeredAll() {
    return checks.every(function (s) {
      return state.c[s.id];
    });
  }
  /** Percent of checks right at the first answer; only once every check is answered. */
  function score() {
    if (!checks.length || !answeredAll()) return null;
    var right = checks.filter(function (s) {
      return isRight(s, state.c[s.id][0]);
    }).length;
    return Math.round((1000 * right) / checks.length) / 10;
  }

  // A status never goes down: what the LMS holds already stays unless this visit reaches higher.
  var RANK = { passed: 3, completed: 2, failed: 2, incomplete: 1 };
  function notLower(computed, stored) {
    return (RANK[stored] || 0) > (RANK[computed] || 0) ? stored : computed;
  }

  function writeSuspendData() {
    var kept = { l: state.l, i: state.i, e: state.e, g: state.g, c: {} };
    var ids = Object.keys(state.c);
    ids.forEach(function (id) {
      kept.c[id] = state.c[id];
    });
    var text = JSON.stringify(kept);
    // SCORM 1.2 keeps 4,096 characters: leave out the oldest answers rather than lose the record.
    while (text.length > SUSPEND_LIMIT && ids.length) {
      delete kept.c[ids.shift()];
      text = JSON.stringify(kept);
    }
    set("cmi.suspend_data", text);
  }

  function writeStatus() {
    if (session.review || session.broken) return;
    var stored = session.stored;
    var percent = score();
    var judged = percent !== null;
    var passed = judged && percent >= settings.masteryScore;
    var complete =
      !checks.length || settings.completion === "read"
        ? state.e === 1
        : settings.completion === "checks"
          ? judged
          : passed;
    // The score is written once every check is answered, and never below the one the LMS holds.
    if (judged && !(stored.raw !== "" && percent < Number(stored.raw))) {
      set(el.min, 0);
      set(el.max, 100);
      set(el.raw, percent);
      if (!v12) set("cmi.score.scaled", percent / 100);
    }
    if (v12) {
      var status = complete ? "completed" : "incomplete";
      if (settings.completion === "passed" && judged) status = passed ? "passed" : "failed";
      set("cmi.core.lesson_status", notLower(status, stored.status));
    } else {
      set("cmi.completion_status", notLower(complete ? "completed" : "incomplete", stored.status));
      var success = judged ? (passed ? "passed" : "failed") : stored.success || "unknown";
      set("cmi.success_status", notLower(success, stored.success));
    }
    set(el.exit, "suspend");
    writeSuspendData();
  }

  function timestamp() {
    var iso = new Date().toISOString().slice(0, 19);
    return v12 ? iso.slice(11) : iso;
  }
  var interactionsOff = false;
  function writeInteraction(section, response, right) {
    if (interactionsOff || session.review) return;
    var n = session.get("cmi.interactions._count") || "0";
    var base = "cmi.interactions." + n + ".";
    // 1.2 names a choice by one character (0-9, a-z): a, b, c …; 2004 keeps the option ids o1, o2 ….
    var name = v12
      ? function (id) {
          return "abcdefghijklmnopqrstuvwxyz".charAt(Number(id.slice(1)) - 1);
        }
      : function (id) {
          return id;
        };
    var chosen = response ? response.split(",").map(name) : [];
    var correct = optionIds(section, "correct").map(name);
    var sep = v12 ? "," : "[,]";
    // SCORM 1.2 makes interactions optional for an LMS: where one refuses them, skip them quietly.
    var ok =
      set(base + "id", settings.module + "-" + section.id, v12) &&
      set(base + "type", "choice", v12) &&
      set(base + (v12 ? "student_response" : "learner_response"), chosen.join(sep), v12) &&
      set(base + "correct_responses.0.pattern", correct.join(sep), v12) &&
      set(base + "result", right ? "correct" : v12 ? "wrong" : "incorrect", v12) &&
      set(base + (v12 ? "time" : "timestamp"), timestamp(), v12);
    if (ok && !v12) {
      var question = section.querySelector(".check__question");
      if (question)
        set(
          base + "description",
          question.textContent.replace(/\s+/g, " ").trim().slice(0, 250),
          true,
        );
    }
    if (!ok) interactionsOff = true;
  }

  var restoring = false;
  document.addEventListener("check:answered", function (event) {
    if (restoring || session.broken || session.review) return;
    var section = event.target.closest("[data-check]");
    if (!section || !section.id) return;
    var response = optionIds(section, "chosen").join(",");
    var previous = state.c[section.id];
    state.c[section.id] = [previous ? previous[0] : response, response];
    writeInteraction(section, response, isRight(section, response));
    writeStatus();
    commit();
  });

  function trackReading() {
    var reached = -1;
    var top = window.innerHeight * 0.3;
    headings.forEach(function (h, i) {
      if (h.getBoundingClientRect().top < top) reached = i;
    });
    var doc = document.documentElement;
    var atEnd = window.innerHeight + window.scrollY >= doc.scrollHeight - 4;
    var changed = false;
    if (reached >= 0 && headings[reached].id !== state.l) {
      state.l = headings[reached].id;
      state.i = reached;
      if (!session.review) set(el.location, state.l);
      changed = true;
    }
    if (atEnd && !state.e) {
      state.e = 1;
      changed = true;
    }
    if (changed) writeStatus();
    if (atEnd && changed && !session.review) commit();
  }
  var pending = false;
  window.addEventListener(
    "scroll",
    function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        trackReading();
      });
    },
    { passive: true },
  );

  /** Shows the answers and the place this launch (or an earlier one, by the LMS) holds. */
  function restore() {
    restoring = true;
    checks.forEach(function (section) {
      var answer = state.c[section.id];
      if (!Array.isArray(answer) || answer.length !== 2) {
        delete state.c[section.id];
        return;
      }
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
    // By id in the same language; by position after a language switch (ids differ by language).
    var place =
      (state.l && document.getElementById(state.l)) || (state.i >= 0 && headings[state.i]);
    if (place) place.scrollIntoView();
  }

  if (session.review) showNotice(settings.review, "lms-review", "status");
  restore();
  trackReading();
  if (!session.review) {
    writeStatus();
    commit();
  }
})();
