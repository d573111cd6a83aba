// SCORM runtime for module pages inside an LMS package (`npm run package`); the website has no copy.
// It reports, through the launch page's session (assets/scorm-launch.js), the section reached, the
// answers to knowledge checks (to resume), completion, score, success, one interaction per answer.
// Nothing else: the journal, reflection answers and self-assessments never leave this browser.
// Opened outside the launch page (no session, or another module's) it does nothing.
(function () {
  "use strict";
  var node = document.getElementById("lms-settings");
  if (!node) return;
  /**
   * What the package wrote for this page (src/export/scorm/package-page.ts).
   * @type {{ module: string, version: string, notice: string, review: string, masteryScore: number, completion: "read" | "checks" | "passed" }}
   */
  var settings = JSON.parse(node.textContent || "null");
  /** @type {LmsSession | null} */
  var found = null;
  try {
    found = window.parent !== window ? window.parent.lmsSession : null;
  } catch (e) {
    found = null;
  }
  if (!found || found.module !== settings.module || found.version !== settings.version) return;
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

  /**
   * @param {string} text
   * @param {string} className
   * @param {string} role
   */
  function showNotice(text, className, role) {
    var main = document.getElementById("main") || document.body;
    var notice = document.createElement("p");
    notice.className = className;
    notice.setAttribute("role", role);
    notice.textContent = text;
    main.insertBefore(notice, main.firstChild);
  }
  if (found.broken || !("state" in found)) {
    showNotice(settings.notice, "lms-notice", "alert");
    return;
  }
  var session = found;

  /**
   * One write; the first refusal shows the notice once and stops every later write.
   * @param {string} name
   * @param {string | number} value
   * @param {boolean} [optional]
   */
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

  var checks = Array.from(document.querySelectorAll("[data-check]"));
  var headings = Array.from(document.querySelectorAll("main h2[id]"));
  var state = session.state;
  state.g = document.documentElement.lang;

  /**
   * The ids (o1, o2 …) of a check's correct or chosen options.
   * @param {Element} section
   * @param {"correct" | "chosen"} which
   */
  function optionIds(section, which) {
    /** @type {NodeListOf<HTMLInputElement>} */
    var inputs = section.querySelectorAll(".check__option input");
    return Array.from(inputs)
      .filter(function (input) {
        var option = input.closest(".check__option");
        return which === "correct"
          ? !!option && option.getAttribute("data-correct") === "true"
          : input.checked;
      })
      .map(function (input) {
        return "o" + (Number(input.value) + 1);
      });
  }
  /**
   * @param {Element} section
   * @param {string} response
   */
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
      var answer = state.c[s.id];
      return !!answer && isRight(s, answer[0]);
    }).length;
    return Math.round((1000 * right) / checks.length) / 10;
  }

  // A status never goes down: what the LMS holds already stays unless this visit reaches higher.
  /** @type {Record<string, number | undefined>} */
  var RANK = { passed: 3, completed: 2, failed: 2, incomplete: 1 };
  /**
   * @param {string} computed
   * @param {string} stored
   */
  function notLower(computed, stored) {
    return (RANK[stored] || 0) > (RANK[computed] || 0) ? stored : computed;
  }

  function writeSuspendData() {
    /** @type {LmsState} */
    var kept = { l: state.l, i: state.i, e: state.e, g: state.g, c: {} };
    var ids = Object.keys(state.c);
    ids.forEach(function (id) {
      var answer = state.c[id];
      if (answer) kept.c[id] = answer;
    });
    var text = JSON.stringify(kept);
    // SCORM 1.2 keeps 4,096 characters: leave out the oldest answers rather than lose the record.
    while (text.length > SUSPEND_LIMIT && ids.length) {
      delete kept.c[ids.shift() || ""];
      text = JSON.stringify(kept);
    }
    set("cmi.suspend_data", text);
  }

  function writeStatus() {
    if (session.review || session.broken) return;
    var stored = session.stored;
    var percent = score();
    var judged = percent !== null;
    var passed = percent !== null && percent >= settings.masteryScore;
    var complete =
      !checks.length || settings.completion === "read"
        ? state.e === 1
        : settings.completion === "checks"
          ? judged
          : passed;
    // The score is written once every check is answered, and never below the one the LMS holds.
    if (percent !== null && !(stored.raw !== "" && percent < Number(stored.raw))) {
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
  /**
   * @param {Element} section
   * @param {string} response
   * @param {boolean} right
   */
  function writeInteraction(section, response, right) {
    if (interactionsOff || session.review) return;
    var n = session.get("cmi.interactions._count") || "0";
    var base = "cmi.interactions." + n + ".";
    // 1.2 names a choice by one character (0-9, a-z): a, b, c …; 2004 keeps the option ids o1, o2 ….
    var name = v12
      ? /** @param {string} id */ function (id) {
          return "abcdefghijklmnopqrstuvwxyz".charAt(Number(id.slice(1)) - 1);
        }
      : /** @param {string} id */ function (id) {
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
    var section = event.target instanceof Element ? event.target.closest("[data-check]") : null;
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
    var heading = headings[reached];
    if (heading && heading.id !== state.l) {
      state.l = heading.id;
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
      /** @type {NodeListOf<HTMLInputElement>} */
      var inputs = section.querySelectorAll(".check__option input");
      inputs.forEach(function (input) {
        input.checked = chosen.indexOf("o" + (Number(input.value) + 1)) >= 0;
      });
      /** @type {HTMLButtonElement | null} */
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
