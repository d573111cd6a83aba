// Self-assessment: pick a level per competency, save it with its date (this device only), see the
// profile as a radar chart and a table, compare with an earlier assessment, follow suggested modules.
(function () {
  "use strict";

  // The radar's legend: which line is which assessment (the caption says the same in words).
  function drawLegend(chart, current, earlier, numbered) {
    Array.prototype.forEach.call(
      chart.parentNode.querySelectorAll(".radar-legend, .radar-key"),
      function (old) {
        old.parentNode.removeChild(old);
      },
    );
    if (numbered) {
      var key = document.createElement("ol");
      key.className = "radar-key";
      course.competencies.forEach(function (c) {
        var item = document.createElement("li");
        item.textContent = c.title;
        key.appendChild(item);
      });
      chart.parentNode.insertBefore(key, chart.nextSibling);
    }
    var list = document.createElement("ul");
    list.className = "radar-legend";
    [
      [current, "current"],
      [earlier, "earlier"],
    ].forEach(function (pair) {
      if (!pair[0]) return;
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "radar-legend__swatch radar-legend__swatch--" + pair[1];
      swatch.setAttribute("aria-hidden", "true");
      item.appendChild(swatch);
      item.appendChild(
        document.createTextNode(
          t["assess." + pair[1]] + (t["compose.separator"] || " · ") + dateLabel(pair[0].date),
        ),
      );
      list.appendChild(item);
    });
    chart.parentNode.insertBefore(list, chart.nextSibling);
  }
  var Store = window.CourseStore;
  var key = document.body.getAttribute("data-store-key");
  var t = Store.messages();
  var course = JSON.parse(document.getElementById("assess-data").textContent);
  var form = document.querySelector("[data-assess-form]");
  var results = document.querySelector("[data-assess-results]");
  var compare = document.querySelector("[data-assess-compare]");
  var status = document.querySelector("[data-assess-status]");
  var state = Store.open(key);
  var canSave = !state.problem;
  // The learner's choice of comparison: undefined means "the assessment before the latest".
  var comparison;

  document.documentElement.classList.add("js");
  var tools = document.querySelector("[data-assess-tools]");
  form.querySelector("[data-enhance]").hidden = false;
  tools.hidden = false;

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (_, name) {
      return name in values ? values[name] : "";
    });
  }
  function dateLabel(iso) {
    return new Date(iso).toLocaleString(document.documentElement.lang, {
      dateStyle: "medium",
      timeStyle: "short",
    });
  }
  function levelIndex(levelId) {
    for (var i = 0; i < course.levels.length; i++) if (course.levels[i].id === levelId) return i;
    return null;
  }
  function levelTitle(levelId) {
    var i = levelIndex(levelId);
    return i === null ? t["assess.notAssessed"] : course.levels[i].title;
  }
  /** Saves a change to the data as stored now (another tab may have saved since); true if saved. */
  function persist(change) {
    if (!canSave) return false;
    var result = Store.update(key, change);
    state.data = result.data;
    if (!result.ok && result.problem === "full") status.textContent = t["learnerData.storageFull"];
    return result.ok;
  }

  function render() {
    var list = state.data.assessments;
    results.hidden = list.length === 0;
    if (!list.length) return;
    var current = list[list.length - 1];
    compare.textContent = "";
    var none = document.createElement("option");
    none.value = "";
    none.textContent = t["assess.noComparison"];
    compare.appendChild(none);
    list.slice(0, -1).forEach(function (a) {
      var option = document.createElement("option");
      option.value = a.id;
      option.textContent = dateLabel(a.date);
      compare.appendChild(option);
    });
    var earlierDefault = list.length > 1 ? list[list.length - 2].id : "";
    var valid =
      comparison === "" ||
      list.some(function (a) {
        return a.id === comparison && a !== current;
      });
    compare.value = comparison !== undefined && valid ? comparison : earlierDefault;
    var earlier = null;
    list.forEach(function (a) {
      if (a.id === compare.value) earlier = a;
    });

    var series = [];
    if (earlier)
      series.push({
        className: "radar__earlier",
        values: course.competencies.map(function (c) {
          return levelIndex(earlier.levels[c.id]);
        }),
      });
    series.push({
      className: "radar__current",
      values: course.competencies.map(function (c) {
        return levelIndex(current.levels[c.id]);
      }),
    });
    var chart = document.querySelector("[data-radar]");
    // Labels at least 13 px on screen however narrow the chart is drawn (640 chart units wide).
    // On a phone the axes are numbered, and the numbered key below names them (the table's order).
    var shown = chart.clientWidth || 640;
    var numbered = shown < 560;
    chart.innerHTML = window.RadarChart.svg({
      labelSize: Math.max(13, Math.ceil((13 * 640) / shown)),
      numbered: numbered,
      title: fill(t["assess.chartTitle"], { date: dateLabel(current.date) }),
      description: earlier
        ? fill(t["assess.chartCompare"], { date: dateLabel(earlier.date) })
        : t["assess.chartSingle"],
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
    // Each cell carries its column's name, shown before it when the table stacks into cards (phones).
    var heads = Array.prototype.map.call(
      document.querySelectorAll("[data-assess-table] thead th"),
      function (th) {
        return th.textContent;
      },
    );
    body.textContent = "";
    course.competencies.forEach(function (c) {
      var row = document.createElement("tr");
      var name = document.createElement("th");
      name.scope = "row";
      name.textContent = c.title;
      row.appendChild(name);
      [levelTitle(current.levels[c.id]), earlier ? levelTitle(earlier.levels[c.id]) : "–"].forEach(
        function (text) {
          var cell = document.createElement("td");
          cell.textContent = text;
          cell.setAttribute("data-label", heads[row.children.length]);
          row.appendChild(cell);
        },
      );
      var next = document.createElement("td");
      next.setAttribute("data-label", heads[3]);
      var at = levelIndex(current.levels[c.id]);
      if (at === null || at < course.targetIndex) {
        var link = document.createElement("a");
        link.href = c.suggestion.href;
        link.textContent = c.suggestion.label;
        next.appendChild(link);
      } else next.textContent = t["assess.atTarget"];
      row.appendChild(next);
      body.appendChild(row);
    });
  }

  function prefill() {
    var list = state.data.assessments;
    if (!list.length) return;
    var latest = list[list.length - 1];
    course.competencies.forEach(function (c) {
      var input = form.querySelector(
        'input[name="' + c.id + '"][value="' + latest.levels[c.id] + '"]',
      );
      if (input) input.checked = true;
    });
  }

  if (state.problem === "corrupt") status.textContent = t["journal.corruptStorage"];
  if (state.problem === "newer") status.textContent = t["journal.newerStorage"];
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
    var levels = {};
    var any = false;
    course.competencies.forEach(function (c) {
      var chosen = form.querySelector('input[name="' + c.id + '"]:checked');
      if (chosen) {
        levels[c.id] = chosen.value;
        any = true;
      }
    });
    if (!any) {
      status.textContent = t["assess.chooseFirst"];
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
      ? fill(t["assess.saved"], { date: dateLabel(now) })
      : t[canSave ? "learnerData.storageFull" : "journal.corruptStorage"];
    results.querySelector("h2").focus();
  });

  compare.addEventListener("change", function () {
    comparison = compare.value;
    render();
  });

  tools.addEventListener("click", function (event) {
    var action = event.target.getAttribute && event.target.getAttribute("data-action");
    if (action === "export-json") {
      Store.download(
        "self-assessment-" + new Date().toISOString().slice(0, 10) + ".json",
        "application/json",
        Store.exportJson(key, state.data),
      );
      status.textContent = t["journal.exported"];
    } else if (action === "delete-assessments") {
      if (!window.confirm(t["assess.confirmDelete"])) return;
      if (
        !persist(function (data) {
          data.assessments = [];
        })
      )
        return;
      form.reset();
      render();
      status.textContent = t["assess.deleted"];
    }
  });

  document.getElementById("assess-import").addEventListener("change", function (event) {
    Store.readBackup(event.target.files && event.target.files[0], key, function (error, incoming) {
      if (error) {
        status.textContent =
          t[error.code === "too-large" ? "learnerData.importTooLarge" : "journal.badImport"];
      } else {
        var count = 0;
        if (!canSave) {
          // The stored data could not be read: the backup replaces it, as the learner chose.
          Store.clear(key);
          state = { data: Store.empty(), problem: null, raw: null };
          canSave = true;
        }
        var saved = persist(function (data) {
          count = Store.merge(data, incoming).count;
        });
        prefill();
        render();
        status.textContent = saved
          ? fill(t["journal.imported"], { count: count })
          : t["learnerData.storageFull"];
      }
      event.target.value = "";
    });
  });
})();
