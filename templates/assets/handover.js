// The learner's hand-over after a session: feedback and self-assessed levels, shown first in plain
// words, then as a QR code for the facilitator's camera or as a small file. Nothing is sent anywhere.
(function () {
  "use strict";

  /**
   * What the page embeds (src/pages/cohort-data.ts).
   * @typedef {{
   *   meta: CohortMeta,
   *   courseTitle: string,
   *   versionLabel: string,
   *   modules: { id: string, title: string }[],
   *   competencies: { id: string, title: string }[],
   *   levels: { id: string, title: string }[],
   *   ratings: { id: string, text: string, low: string, high: string }[],
   *   textQuestion: { id: string, text: string } | null,
   *   assessUrl: string | null,
   * }} CohortPageData
   */

  var Cohort = window.CourseCohort;
  var text = window.CourseText.text;
  var storeKey = document.body.getAttribute("data-store-key");
  var dataNode = document.getElementById("cohort-data");
  /** @type {HTMLFormElement | null} */
  var formNode = document.querySelector("form[data-handover-form]");
  /** @type {HTMLElement | null} */
  var resultNode = document.querySelector("[data-handover-result]");
  var statusNode = document.querySelector("[data-handover-status]");
  if (!Cohort || !storeKey || !dataNode || !formNode || !resultNode || !statusNode) return;
  var key = storeKey;
  var form = formNode;
  var result = resultNode;
  var status = statusNode;
  /** @type {CohortPageData} */
  var page = JSON.parse(dataNode.textContent || "null");
  var meta = page.meta;

  document.documentElement.classList.add("js");
  form.querySelectorAll("[data-enhance]").forEach(function (node) {
    /** @type {HTMLElement} */ (node).hidden = false;
  });

  /** @type {HTMLInputElement | null} */
  var sessionInput = form.querySelector("[data-handover-session]");
  /** @type {HTMLSelectElement | null} */
  var moduleSelect = form.querySelector("[data-handover-module]");
  /** @type {HTMLTextAreaElement | null} */
  var textArea = form.querySelector("[data-handover-text]");
  var countNode = form.querySelector("[data-handover-count]");
  /** @type {HTMLSelectElement | null} */
  var beforeSelect = form.querySelector("[data-handover-before]");
  /** @type {HTMLSelectElement | null} */
  var afterSelect = form.querySelector("[data-handover-after]");
  if (!sessionInput || !moduleSelect) return;
  var session = sessionInput;
  var moduleChoice = moduleSelect;

  // The module the learner came from (…/feedback/?module=<id>), and the last session code used.
  var wanted = new URLSearchParams(window.location.search).get("module");
  if (wanted && meta.modules.indexOf(wanted) >= 0) moduleChoice.value = wanted;
  try {
    session.value = window.sessionStorage.getItem(key + ":session") || "";
  } catch (e) {
    /* storage off: the learner types the code */
  }

  var state = window.CourseStore.open(key);
  var assessments = state.data.assessments.slice().sort(function (x, y) {
    return x.date < y.date ? 1 : -1;
  });

  /** @param {string} iso */
  function dateLabel(iso) {
    return new Date(iso).toLocaleString(document.documentElement.lang, {
      dateStyle: "medium",
      timeStyle: "short",
    });
  }

  /**
   * @param {HTMLSelectElement} select
   * @param {number} chosen index into `assessments`, or -1 for none
   */
  function fillAssessments(select, chosen) {
    var none = document.createElement("option");
    none.value = "";
    none.textContent = text("handover.none");
    select.appendChild(none);
    assessments.forEach(function (a, i) {
      var option = document.createElement("option");
      option.value = a.id;
      option.textContent = dateLabel(a.date);
      if (i === chosen) option.selected = true;
      select.appendChild(option);
    });
  }
  if (beforeSelect && afterSelect) {
    // Latest = after the session; the one before it = before the session.
    fillAssessments(afterSelect, assessments.length ? 0 : -1);
    fillAssessments(beforeSelect, assessments.length > 1 ? 1 : -1);
    var noneNote = form.querySelector("[data-handover-none]");
    if (noneNote && !assessments.length) /** @type {HTMLElement} */ (noneNote).hidden = false;
  }

  if (textArea && countNode) {
    var area = textArea;
    var counter = countNode;
    area.addEventListener("input", function () {
      counter.textContent = text("handover.textCount", {
        n: Cohort.charCount(area.value),
        max: Cohort.MAX_TEXT,
      });
    });
  }

  /**
   * @param {HTMLSelectElement | null} select
   * @returns {Assessment | null}
   */
  function chosenAssessment(select) {
    if (!select || !select.value) return null;
    var id = select.value;
    return (
      assessments.filter(function (a) {
        return a.id === id;
      })[0] || null
    );
  }

  /** @param {string} id */
  function submissionFor(id) {
    // One random id per session code and module on this device: showing the code again (or after
    // a change) does not count the learner twice.
    var idKey = key + ":handover:" + id;
    try {
      var kept = window.localStorage.getItem(idKey);
      if (kept && /^[a-z0-9]{8,24}$/.test(kept)) return kept;
      var fresh = Cohort.submissionId(function (bytes) {
        return window.crypto.getRandomValues(bytes);
      });
      window.localStorage.setItem(idKey, fresh);
      return fresh;
    } catch (e) {
      return Cohort.submissionId(function (bytes) {
        return window.crypto.getRandomValues(bytes);
      });
    }
  }

  /**
   * @param {string | undefined} packed
   * @returns {string}
   */
  function levelsInWords(packed) {
    var parts = [];
    for (var i = 0; packed && i < packed.length; i++) {
      var index = packed.charAt(i);
      var competency = page.competencies[i];
      var level = index === "-" ? null : page.levels[Number(index)];
      if (competency && level) parts.push(competency.title + text("punct.colon") + level.title);
    }
    return parts.join(text("compose.separator"));
  }

  /**
   * @param {Element} list
   * @param {string} message
   */
  function addItem(list, message) {
    var item = document.createElement("li");
    item.textContent = message;
    list.appendChild(item);
  }

  /** @type {CohortRecord | null} */
  var current = null;

  /** @param {CohortRecord} record */
  function describe(record) {
    var list = result.querySelector("[data-handover-summary]");
    var exact = result.querySelector("[data-handover-exact]");
    if (!list || !exact) return;
    list.textContent = "";
    var moduleInfo = page.modules.filter(function (m) {
      return m.id === record.m;
    })[0];
    addItem(list, text("handover.whatCourse", { title: page.courseTitle }));
    addItem(list, text("handover.whatVersion", { version: record.cv }));
    addItem(list, text("handover.whatModule", { title: moduleInfo ? moduleInfo.title : record.m }));
    addItem(list, text("handover.whatSession", { code: record.s }));
    addItem(list, text("handover.whatDate", { date: record.d }));
    addItem(list, text("handover.whatId", { id: record.id }));
    if (record.b) addItem(list, text("handover.whatBefore", { levels: levelsInWords(record.b) }));
    if (record.a) addItem(list, text("handover.whatAfter", { levels: levelsInWords(record.a) }));
    if (record.r) {
      var rated = [];
      for (var i = 0; i < record.r.length; i++) {
        var q = page.ratings[i];
        var value = record.r.charAt(i);
        if (q && value !== "-") rated.push(q.text + " " + text("handover.ratingOf", { n: value }));
      }
      addItem(
        list,
        text("handover.whatRatings", { ratings: rated.join(text("compose.separator")) }),
      );
    }
    if (record.x && page.textQuestion)
      addItem(
        list,
        text("handover.whatText", { question: page.textQuestion.text, text: record.x }),
      );
    addItem(list, text("handover.whatNot"));
    addItem(list, text("handover.whatFloor", { k: Math.max(Cohort.K_FLOOR, meta.minimumGroup) }));
    exact.textContent = Cohort.encode(record);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var code = Cohort.normaliseSession(session.value);
    if (!code) {
      status.textContent = text("handover.sessionBad");
      session.setAttribute("aria-invalid", "true");
      session.focus();
      return;
    }
    session.removeAttribute("aria-invalid");
    session.value = code;
    try {
      window.sessionStorage.setItem(key + ":session", code);
    } catch (e) {
      /* not kept: fine */
    }
    /** @type {Record<string, number>} */
    var ratings = {};
    form.querySelectorAll("[data-rating]").forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-rating") || "";
      /** @type {HTMLInputElement | null} */
      var checked = fieldset.querySelector("input:checked");
      if (checked) ratings[id] = Number(checked.value);
    });
    var before = chosenAssessment(beforeSelect);
    var after = chosenAssessment(afterSelect);
    var record = Cohort.makeRecord(meta, {
      module: moduleChoice.value,
      session: code,
      id: submissionFor(code + ":" + moduleChoice.value),
      date: new Date().toISOString().slice(0, 10),
      before: before ? before.levels : null,
      after: after ? after.levels : null,
      ratings: ratings,
      text: textArea ? textArea.value : "",
    });
    if (!record.b && !record.a && !record.r && !record.x) {
      status.textContent = text("handover.nothing");
      result.hidden = true;
      return;
    }
    if (Cohort.byteLength(Cohort.encode(record)) > Cohort.MAX_BYTES) {
      status.textContent = text("handover.tooLong");
      return;
    }
    current = record;
    status.textContent = "";
    describe(record);
    var figure = result.querySelector("[data-handover-code]");
    if (figure) /** @type {HTMLElement} */ (figure).hidden = true;
    result.hidden = false;
    var heading = result.querySelector("h2");
    if (heading) /** @type {HTMLElement} */ (heading).focus();
  });

  /** @param {CohortRecord} record */
  function drawCode(record) {
    /** @type {HTMLCanvasElement | null} */
    var canvas = result.querySelector("canvas[data-handover-canvas]");
    var figure = result.querySelector("[data-handover-code]");
    if (!canvas || !figure || !window.OnionQrDraw) return;
    var qr = window.OnionQrDraw.matrix(Cohort.encode(record));
    var quiet = 4;
    var cells = qr.size + quiet * 2;
    var scale = Math.max(2, Math.floor(600 / cells));
    canvas.width = cells * scale;
    canvas.height = cells * scale;
    var g = canvas.getContext("2d");
    if (!g) return;
    g.fillStyle = "#fff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = "#000";
    for (var y = 0; y < qr.size; y++)
      for (var x = 0; x < qr.size; x++)
        if (qr.data[y * qr.size + x])
          g.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale);
    canvas.setAttribute("aria-label", text("handover.codeLabel", { code: record.s }));
    /** @type {HTMLElement} */ (figure).hidden = false;
    figure.scrollIntoView({ block: "center" });
  }

  result.addEventListener("click", function (event) {
    var target = /** @type {HTMLElement} */ (event.target);
    var button = target.closest ? target.closest("button[data-action]") : null;
    if (!button || !current) return;
    var action = button.getAttribute("data-action");
    if (action === "show-code") drawCode(current);
    if (action === "download") {
      window.CourseStore.download(
        "handover-" + current.s + "-" + current.m + "-" + current.id.slice(0, 6) + ".json",
        "application/json",
        Cohort.encode(current),
      );
      status.textContent = text("handover.downloaded");
    }
  });
})();
