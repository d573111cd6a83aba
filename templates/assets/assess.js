// Self-assessment: pick a level per competency, save it with its date (this device only), see the
// profile as a radar chart and a table, compare with an earlier assessment, follow suggested modules.
(function () {
  "use strict";

  /**
   * What the page embeds for this script (templates/pages/assess.njk).
   * @typedef {{ id: string, title: string, suggestion: { href: string, label: string } }} AssessCompetency
   * @typedef {{
   *   competencies: AssessCompetency[],
   *   levels: { id: string, title: string }[],
   *   targetIndex: number,
   * }} AssessCourse
   */

  /**
   * The radar's legend: which line is which assessment (the caption says the same in words).
   * @param {HTMLElement} chart
   * @param {Assessment} current
   * @param {Assessment | null} earlier
   * @param {boolean} numbered
   */
  function drawLegend(chart, current, earlier, numbered) {
    var holder = chart.parentNode;
    if (!holder) return;
    holder.querySelectorAll(".radar-legend, .radar-key").forEach(function (old) {
      old.remove();
    });
    if (numbered) {
      var key = document.createElement("ol");
      key.className = "radar-key";
      course.competencies.forEach(function (c) {
        var item = document.createElement("li");
        item.textContent = c.title;
        key.appendChild(item);
      });
      holder.insertBefore(key, chart.nextSibling);
    }
    var list = document.createElement("ul");
    list.className = "radar-legend";
    /** @type {[Assessment | null, string][]} */
    var shown = [
      [current, "current"],
      [earlier, "earlier"],
    ];
    shown.forEach(function (pair) {
      var assessment = pair[0];
      if (!assessment) return;
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "radar-legend__swatch radar-legend__swatch--" + pair[1];
      swatch.setAttribute("aria-hidden", "true");
      item.appendChild(swatch);
      item.appendChild(
        document.createTextNode(
          text("assess." + pair[1]) +
            (messages["compose.separator"] || " · ") +
            dateLabel(assessment.date),
        ),
      );
      list.appendChild(item);
    });
    holder.insertBefore(list, chart.nextSibling);
  }
  var Store = window.CourseStore;
  var text = window.CourseText.text;
  var messages = window.CourseText.messages();
  var storeKey = document.body.getAttribute("data-store-key");
  var data = document.getElementById("assess-data");
  /** @type {HTMLFormElement | null} */
  var assessForm = document.querySelector("form[data-assess-form]");
  /** @type {HTMLElement | null} */
  var resultsNode = document.querySelector("[data-assess-results]");
  /** @type {HTMLSelectElement | null} */
  var compareSelect = document.querySelector("select[data-assess-compare]");
  var statusNode = document.querySelector("[data-assess-status]");
  /** @type {HTMLElement | null} */
  var toolbar = document.querySelector("[data-assess-tools]");
  /** @type {HTMLElement | null} */
  var enhance = assessForm && assessForm.querySelector("[data-enhance]");
  /** @type {HTMLInputElement | null} */
  var importInput = document.querySelector("input#assess-import");
  if (!storeKey || !data || !assessForm || !resultsNode || !compareSelect || !statusNode) return;
  if (!toolbar || !enhance || !importInput) return;
  var key = storeKey;
  /** @type {AssessCourse} */
  var course = JSON.parse(data.textContent || "null");
  var form = assessForm;
  var results = resultsNode;
  var compare = compareSelect;
  var status = statusNode;
  var tools = toolbar;
  var state = Store.open(key);
  var canSave = !state.problem;
  /**
   * The learner's choice of comparison: undefined means "the assessment before the latest".
   * @type {string | undefined}
   */
  var comparison;

  document.documentElement.classList.add("js");
  enhance.hidden = false;
  tools.hidden = false;

  /** @param {string} iso */
  function dateLabel(iso) {
    return new Date(iso).toLocaleString(document.documentElement.lang, {
      dateStyle: "medium",
      timeStyle: "short",
    });
  }
  /** @param {string | undefined} levelId */
  function levelIndex(levelId) {
    for (var i = 0; i < course.levels.length; i++) {
      var level = course.levels[i];
      if (level && level.id === levelId) return i;
    }
    return null;
  }
  /** @param {string | undefined} levelId */
  function levelTitle(levelId) {
    var i = levelIndex(levelId);
    var level = i === null ? undefined : course.levels[i];
    return level ? level.title : text("assess.notAssessed");
  }
  /**
   * Saves a change to the data as stored now (another tab may have saved since); true if saved.
   * @param {(data: StoreData) => void} change
   */
  function persist(change) {
    if (!canSave) return false;
    var result = Store.update(key, change);
    state.data = result.data;
    if (!result.ok && result.problem === "full")
      status.textContent = text(Store.problemMessage("full"));
    return result.ok;
  }

  function render() {
    var list = state.data.assessments;
    results.hidden = list.length === 0;
    if (!list.length) return;
    var current = list[list.length - 1];
    if (!current) return;
    var latest = current;
    compare.textContent = "";
    var none = document.createElement("option");
    none.value = "";
    none.textContent = text("assess.noComparison");
    compare.appendChild(none);
    list.slice(0, -1).forEach(function (a) {
      var option = document.createElement("option");
      option.value = a.id;
      option.textContent = dateLabel(a.date);
      compare.appendChild(option);
    });
    var before = list[list.length - 2];
    var earlierDefault = before ? before.id : "";
    var valid =
      comparison === "" ||
      list.some(function (a) {
        return a.id === comparison && a !== latest;
      });
    compare.value = comparison !== undefined && valid ? comparison : earlierDefault;
    var earlier =
      list
        .filter(function (a) {
          return a.id === compare.value;
        })
        .pop() || null;

    /** @type {RadarSeries[]} */
    var series = [];
    /** @param {Assessment} assessment */
    var valuesOf = function (assessment) {
      return course.competencies.map(function (c) {
        return levelIndex(assessment.levels[c.id]);
      });
    };
    if (earlier) series.push({ className: "radar__earlier", values: valuesOf(earlier) });
    series.push({ className: "radar__current", values: valuesOf(current) });
    /** @type {HTMLElement | null} */
    var chart = document.querySelector("[data-radar]");
    if (!chart) return;
    // Labels at least 13 px on screen however narrow the chart is drawn (640 chart units wide).
    // On a phone the axes are numbered, and the numbered key below names them (the table's order).
    var shown = chart.clientWidth || 640;
    var numbered = shown < 560;
    chart.innerHTML = window.RadarChart.svg({
      labelSize: Math.max(13, Math.ceil((13 * 640) / shown)),
      numbered: numbered,
      title: text("assess.chartTitle", { date: dateLabel(current.date) }),
      description: earlier
        ? text("assess.chartCompare", { date: dateLabel(earlier.date) })
        : text("assess.chartSingle"),
      labels: course.competencies.map(function (c) {
        return c.title;
      }),
      levels: course.levels.map(function (l) {
        return l.title;
      }),
      series: series,
    });
    drawLegend(chart, current, earlier, numbered);

    var body = document.querySelector("[data-assess-table] tbody");
    if (!body) return;
    var rows = body;
    // Each cell carries its column's name, shown before it when the table stacks into cards (phones).
    var heads = Array.from(document.querySelectorAll("[data-assess-table] thead th")).map(
      function (th) {
        return th.textContent || "";
      },
    );
    rows.textContent = "";
    course.competencies.forEach(function (c) {
      var row = document.createElement("tr");
      var name = document.createElement("th");
      name.scope = "row";
      name.textContent = c.title;
      row.appendChild(name);
      var compared = earlier ? levelTitle(earlier.levels[c.id]) : "–";
      [levelTitle(latest.levels[c.id]), compared].forEach(function (words) {
        var cell = document.createElement("td");
        cell.textContent = words;
        cell.setAttribute("data-label", String(heads[row.children.length]));
        row.appendChild(cell);
      });
      var next = document.createElement("td");
      next.setAttribute("data-label", String(heads[3]));
      var at = levelIndex(latest.levels[c.id]);
      if (at === null || at < course.targetIndex) {
        var link = document.createElement("a");
        link.href = c.suggestion.href;
        link.textContent = c.suggestion.label;
        next.appendChild(link);
      } else next.textContent = text("assess.atTarget");
      row.appendChild(next);
      rows.appendChild(row);
    });
  }

  function prefill() {
    var list = state.data.assessments;
    if (!list.length) return;
    var latest = list[list.length - 1];
    if (!latest) return;
    var levels = latest.levels;
    course.competencies.forEach(function (c) {
      /** @type {HTMLInputElement | null} */
      var input = form.querySelector('input[name="' + c.id + '"][value="' + levels[c.id] + '"]');
      if (input) input.checked = true;
    });
  }

  // Storage that cannot be used at all (private browsing in some browsers) is not worth a notice.
  if (state.problem === "corrupt" || state.problem === "newer")
    status.textContent = text(Store.problemMessage(state.problem));
  prefill();
  render();

  // Another tab saved an assessment: show the stored list here too.
  Store.onChange(key, function (fresh) {
    if (!canSave || fresh.problem) return;
    state.data = fresh.data;
    render();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    /** @type {Record<string, string>} */
    var levels = {};
    var any = false;
    course.competencies.forEach(function (c) {
      /** @type {HTMLInputElement | null} */
      var chosen = form.querySelector('input[name="' + c.id + '"]:checked');
      if (chosen) {
        levels[c.id] = chosen.value;
        any = true;
      }
    });
    if (!any) {
      status.textContent = text("assess.chooseFirst");
      return;
    }
    var now = new Date().toISOString();
    var assessment = {
      id: now + "-" + Math.random().toString(36).slice(2, 7),
      date: now,
      levels: levels,
    };
    comparison = undefined;
    var saved = persist(function (data) {
      data.assessments.push(assessment);
    });
    render();
    status.textContent = saved
      ? text("assess.saved", { date: dateLabel(now) })
      : text(canSave ? Store.problemMessage("full") : "journal.corruptStorage");
    /** @type {HTMLElement | null} */
    var heading = results.querySelector("h2");
    if (heading) heading.focus();
  });

  compare.addEventListener("change", function () {
    comparison = compare.value;
    render();
  });

  tools.addEventListener("click", function (event) {
    var action = event.target instanceof Element ? event.target.getAttribute("data-action") : null;
    if (action === "export-json") {
      Store.download(
        "self-assessment-" + new Date().toISOString().slice(0, 10) + ".json",
        "application/json",
        Store.exportJson(key, state.data),
      );
      status.textContent = text("journal.exported");
    } else if (action === "delete-assessments") {
      if (!window.confirm(text("assess.confirmDelete"))) return;
      if (
        !persist(function (data) {
          data.assessments = [];
        })
      )
        return;
      form.reset();
      render();
      status.textContent = text("assess.deleted");
    }
  });

  Store.onImport(
    importInput,
    key,
    function () {
      return !canSave;
    },
    function (outcome, messageKey) {
      if (outcome) {
        // A backup that replaced unreadable data leaves storage that can be used again.
        canSave = true;
        state = { data: outcome.data, problem: null, raw: null };
        prefill();
        render();
      }
      status.textContent = text(messageKey, { count: outcome ? outcome.count : 0 });
    },
  );
})();
