// The facilitator's cohort page: collect learners' hand-overs (QR codes through the camera, or files),
// keep them in this browser under their session code, and show what the group reported, never for
// fewer than the course's floor of participants and never one person's answers.
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
   * }} CohortPageData
   * @typedef {{ version: number, sessions: Record<string, CohortRecord[]> }} CohortStore
   */

  var Cohort = window.CourseCohort;
  var text = window.CourseText.text;
  var storeKey = document.body.getAttribute("data-store-key");
  var dataNode = document.getElementById("cohort-data");
  /** @type {HTMLElement | null} */
  var toolsNode = document.querySelector("[data-cohort-tools]");
  /** @type {HTMLElement | null} */
  var resultsNode = document.querySelector("[data-cohort-results]");
  /** @type {HTMLSelectElement | null} */
  var sessionSelect = document.querySelector("select[data-cohort-sessions]");
  /** @type {HTMLElement | null} */
  var reportNode = document.querySelector("[data-cohort-report]");
  /** @type {HTMLElement | null} */
  var actionsNode = document.querySelector("[data-cohort-actions]");
  var statusNode = document.querySelector("[data-cohort-status]");
  var logNode = document.querySelector("[data-cohort-log]");
  if (!Cohort || !storeKey || !dataNode || !toolsNode || !resultsNode || !sessionSelect) return;
  if (!reportNode || !actionsNode || !statusNode || !logNode) return;
  var key = storeKey + ":cohort";
  var tools = toolsNode;
  var results = resultsNode;
  var picker = sessionSelect;
  var report = reportNode;
  var actions = actionsNode;
  var status = statusNode;
  var log = logNode;
  /** @type {CohortPageData} */
  var page = JSON.parse(dataNode.textContent || "null");
  var meta = page.meta;
  var sep = text("compose.separator");

  document.documentElement.classList.add("js");
  tools.hidden = false;
  results.hidden = false;

  /** @returns {CohortStore} */
  function load() {
    try {
      var raw = JSON.parse(window.localStorage.getItem(key) || "null");
      if (raw && raw.version === 1 && raw.sessions && typeof raw.sessions === "object") {
        /** @type {Record<string, CohortRecord[]>} */
        var sessions = {};
        // What is stored is read as untrusted too: every record is checked again.
        Object.keys(raw.sessions).forEach(function (code) {
          var list = raw.sessions[code];
          if (!Array.isArray(list)) return;
          list.forEach(function (/** @type {unknown} */ item) {
            var checked = Cohort.decode(JSON.stringify(item), meta);
            if (checked.ok) Cohort.addRecord(sessions, checked.record);
          });
        });
        return { version: 1, sessions: sessions };
      }
    } catch (e) {
      /* unreadable: start empty, keep the stored text until something is saved */
    }
    return { version: 1, sessions: {} };
  }

  /** @param {CohortStore} data */
  function save(data) {
    window.localStorage.setItem(key, JSON.stringify(data));
  }

  var store = load();

  /** A short beep and a buzz for an accepted code (where the device has them). */
  function signal() {
    try {
      if (navigator.vibrate) navigator.vibrate(80);
    } catch (e) {
      /* no vibration */
    }
    try {
      var Audio = window.AudioContext;
      if (!Audio) return;
      var context = signalContext || (signalContext = new Audio());
      var tone = context.createOscillator();
      var gain = context.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.08;
      tone.connect(gain);
      gain.connect(context.destination);
      tone.start();
      tone.stop(context.currentTime + 0.12);
    } catch (e) {
      /* no sound */
    }
  }
  /** @type {AudioContext | null} */
  var signalContext = null;

  /** @param {string} message */
  function note(message) {
    var item = document.createElement("li");
    item.textContent = message;
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 20 && log.lastChild) log.removeChild(log.lastChild);
  }

  /** @param {CohortProblem} problem @param {string | undefined} detail */
  function problemText(problem, detail) {
    var names = {
      malformed: "malformed",
      "too-large": "tooLarge",
      format: "format",
      "other-course": "otherCourse",
      "other-version": "otherVersion",
      empty: "empty",
    };
    return text("cohort.problem." + names[problem], {
      detail: detail || "",
      version: meta.version,
    });
  }

  /**
   * Checks one hand-over and keeps it; says what happened.
   * @param {string} raw
   * @returns {string} the message shown
   */
  function accept(raw) {
    var checked = Cohort.decode(raw, meta);
    if (!checked.ok) return problemText(checked.problem, checked.detail);
    var fresh = load();
    if (!Cohort.addRecord(fresh.sessions, checked.record)) return text("cohort.duplicate");
    try {
      save(fresh);
    } catch (e) {
      return text("cohort.storageFull");
    }
    store = fresh;
    signal();
    // While the camera runs, only the count changes: a summary redrawn after each code would let
    // whoever watches it read that one person's answers from the difference.
    lastSession = checked.record.s;
    if (!stream) render(checked.record.s);
    return (
      text("cohort.accepted", { session: checked.record.s }) +
      " " +
      text("cohort.count", { n: (store.sessions[checked.record.s] || []).length })
    );
  }

  /** @param {string} message */
  function tell(message) {
    status.textContent = message;
    note(message);
  }

  // Files: chosen or dropped; each is read as text and checked like a scanned code.
  /** @param {FileList | File[] | null} list */
  function readFiles(list) {
    Array.prototype.slice.call(list || []).forEach(function (/** @type {File} */ file) {
      if (file.size > Cohort.MAX_BYTES * 4) {
        tell(text("cohort.fileName", { name: file.name, message: problemText("too-large", "") }));
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var message = accept(String(reader.result || "").trim());
        tell(text("cohort.fileName", { name: file.name, message: message }));
      };
      reader.readAsText(file);
    });
  }
  /** @type {HTMLInputElement | null} */
  var fileInput = tools.querySelector("input[data-cohort-files]");
  if (fileInput) {
    var input = fileInput;
    input.addEventListener("change", function () {
      readFiles(input.files);
      input.value = "";
    });
  }
  var drop = tools.querySelector("[data-cohort-drop]");
  if (drop) {
    var zone = drop;
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("is-over");
    });
    zone.addEventListener("dragleave", function () {
      zone.classList.remove("is-over");
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("is-over");
      var transfer = /** @type {DragEvent} */ (event).dataTransfer;
      readFiles(transfer ? transfer.files : null);
    });
  }

  // The camera: read a frame a few times a second; one code at a time.
  /** @type {HTMLVideoElement | null} */
  var videoNode = tools.querySelector("video[data-cohort-video]");
  /** @type {MediaStream | null} */
  var stream = null;
  /** The session of the last code accepted (shown when the camera stops). */
  var lastSession = "";
  var lastText = "";
  var lastAt = 0;
  var frame = document.createElement("canvas");

  function scan() {
    if (!stream || !videoNode || !window.OnionQrRead) return;
    var video = videoNode;
    if (video.readyState >= 2 && video.videoWidth) {
      var scale = Math.min(1, 800 / video.videoWidth);
      frame.width = Math.round(video.videoWidth * scale);
      frame.height = Math.round(video.videoHeight * scale);
      var g = frame.getContext("2d", { willReadFrequently: true });
      if (g) {
        g.drawImage(video, 0, 0, frame.width, frame.height);
        var image = g.getImageData(0, 0, frame.width, frame.height);
        var found = window.OnionQrRead.read(image.data, frame.width, frame.height);
        if (found) {
          var raw = new TextDecoder().decode(new Uint8Array(found.binaryData));
          var now = Date.now();
          // The same code held up for a while is read once, not announced as a duplicate each frame.
          if (raw !== lastText || now - lastAt > 4000) tell(accept(raw));
          lastText = raw;
          lastAt = now;
        }
      }
    }
    window.setTimeout(scan, 150);
  }

  /** @param {boolean} on */
  function cameraButtons(on) {
    var start = tools.querySelector('[data-action="start-camera"]');
    var stop = tools.querySelector('[data-action="stop-camera"]');
    if (start) /** @type {HTMLElement} */ (start).hidden = on;
    if (stop) /** @type {HTMLElement} */ (stop).hidden = !on;
    if (videoNode) videoNode.hidden = !on;
  }

  function startCamera() {
    // The beep's audio is set up now, on the click: browsers start sound only after a gesture.
    try {
      if (!signalContext && window.AudioContext) signalContext = new window.AudioContext();
    } catch (e) {
      signalContext = null;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      tell(text("cohort.cameraNone"));
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (s) {
        stream = s;
        if (!videoNode) return;
        videoNode.srcObject = s;
        cameraButtons(true);
        tell(text("cohort.scanning"));
        return videoNode.play().then(scan);
      })
      .catch(function (/** @type {Error} */ error) {
        stopCamera();
        tell(text("cohort.cameraOff", { reason: error && error.name ? error.name : "?" }));
      });
  }

  function stopCamera() {
    if (stream)
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
    var wasOn = stream !== null;
    stream = null;
    if (videoNode) videoNode.srcObject = null;
    cameraButtons(false);
    if (wasOn) render(lastSession);
  }

  tools.addEventListener("click", function (event) {
    var target = /** @type {HTMLElement} */ (event.target);
    var button = target.closest ? target.closest("button[data-action]") : null;
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "start-camera") startCamera();
    if (action === "stop-camera") stopCamera();
  });

  // The summary.
  /**
   * @param {string} tag
   * @param {string} [content]
   * @param {string} [className]
   */
  function el(tag, content, className) {
    var node = document.createElement(tag);
    if (content !== undefined) node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  /**
   * A bar of segments, one per count (hidden from screen readers: the table beside it has the numbers).
   * @param {number[]} counts
   */
  function bar(counts) {
    var total = counts.reduce(function (a, b) {
      return a + b;
    }, 0);
    var outer = el("span", undefined, "cohort-bar");
    outer.setAttribute("aria-hidden", "true");
    counts.forEach(function (count, i) {
      if (!count) return;
      var part = el("span", undefined, "cohort-bar__part cohort-bar__part--" + i);
      part.style.width = (total ? (count / total) * 100 : 0) + "%";
      outer.appendChild(part);
    });
    return outer;
  }

  /**
   * @param {string} caption
   * @param {string[]} heads
   */
  function table(caption, heads) {
    var wrap = el("div", undefined, "table-wrap");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    var t = el("table", undefined, "cohort-table");
    var id = "t-" + Math.random().toString(36).slice(2, 8);
    var cap = el("caption", caption);
    cap.id = id;
    wrap.setAttribute("aria-labelledby", id);
    t.appendChild(cap);
    var head = el("thead");
    var row = el("tr");
    heads.forEach(function (h, i) {
      var th = el("th", h);
      th.setAttribute("scope", "col");
      if (i === heads.length - 1) th.setAttribute("aria-hidden", "true");
      row.appendChild(th);
    });
    head.appendChild(row);
    t.appendChild(head);
    var body = el("tbody");
    t.appendChild(body);
    wrap.appendChild(t);
    return { wrap: wrap, body: body };
  }

  /** @param {number} count @param {number} total */
  function share(count, total) {
    return text("cohort.countShare", { count: count, share: Cohort.percent(count, total) });
  }

  /** @param {CohortSummary} s */
  function dates(s) {
    return s.from === s.to ? s.from : s.from + " – " + s.to;
  }

  /** @param {string} code */
  function drawReport(code) {
    report.textContent = "";
    var records = store.sessions[code] || [];
    var s = Cohort.summarise(records, meta);
    var head = el("header", undefined, "cohort-report__head");
    head.appendChild(
      el("h3", text("cohort.reportTitle", { course: page.courseTitle }), "cohort-report__title"),
    );
    head.appendChild(
      el(
        "p",
        text("cohort.reportMeta", { code: code, dates: dates(s), n: s.n }),
        "cohort-report__meta",
      ),
    );
    report.appendChild(head);
    var facts = el("p", text("cohort.participants", { n: s.n }), "cohort-n no-print");
    facts.setAttribute("data-cohort-n", String(s.n));
    report.appendChild(facts);
    actions.hidden = false;
    var csvButton = actions.querySelector('[data-action="csv"]');
    var printButton = actions.querySelector('[data-action="print"]');
    if (csvButton) /** @type {HTMLElement} */ (csvButton).hidden = !s.shown;
    if (printButton) /** @type {HTMLElement} */ (printButton).hidden = !s.shown;
    if (!s.shown) {
      report.appendChild(el("p", text("cohort.floor", { k: s.k, n: s.n }), "cohort-floor"));
      return;
    }
    var moduleTitles = s.modules.map(function (id) {
      var m = page.modules.filter(function (x) {
        return x.id === id;
      })[0];
      return m ? m.title : id;
    });
    if (moduleTitles.length)
      report.appendChild(el("p", text("cohort.modules", { list: moduleTitles.join(sep) })));

    var target = page.levels[meta.targetIndex];
    if (page.competencies.length) {
      var levelsSection = el("section", undefined, "cohort-part");
      levelsSection.appendChild(
        el("p", text("cohort.levelsLead", { target: target ? target.title : "" }), "small"),
      );
      var heads = [text("framework.competencies"), ""]
        .concat(
          page.levels.map(function (l) {
            return l.title;
          }),
        )
        .concat([text("cohort.atTarget"), ""]);
      var levels = table(text("cohort.levelsTitle"), heads);
      s.competencies.forEach(function (c, i) {
        var info = page.competencies[i];
        [
          ["before", c.before],
          ["after", c.after],
        ].forEach(function (pair, j) {
          var phase = /** @type {string} */ (pair[0]);
          var part = /** @type {CohortDistribution | null} */ (pair[1]);
          var row = el("tr");
          if (j === 0) {
            var th = el("th", info ? info.title : c.id);
            th.setAttribute("scope", "rowgroup");
            th.setAttribute("rowspan", "2");
            row.appendChild(th);
          }
          var phaseCell = el("th", text("cohort." + phase), "cohort-phase");
          phaseCell.setAttribute("scope", "row");
          row.appendChild(phaseCell);
          if (!part) {
            var missing = el("td", text("cohort.floorSection", { k: s.k }), "small");
            missing.setAttribute("colspan", String(page.levels.length + 2));
            row.appendChild(missing);
          } else {
            var answered = part.answered;
            part.counts.forEach(function (count) {
              row.appendChild(el("td", share(count, answered)));
            });
            row.appendChild(el("td", share(part.atTarget, answered), "cohort-target"));
            var chart = el("td", undefined, "cohort-chart");
            chart.appendChild(bar(part.counts));
            row.appendChild(chart);
          }
          levels.body.appendChild(row);
        });
      });
      levelsSection.appendChild(levels.wrap);
      report.appendChild(levelsSection);
    }

    if (page.ratings.length) {
      var ratingSection = el("section", undefined, "cohort-part");
      var ratingTable = table(text("cohort.ratingsTitle"), [
        text("cohort.rating"),
        "1",
        "2",
        "3",
        "4",
        "5",
        "",
      ]);
      s.ratings.forEach(function (r, i) {
        var q = page.ratings[i];
        var row = el("tr");
        var th = el("th", undefined);
        th.setAttribute("scope", "row");
        th.appendChild(el("span", q ? q.text : r.id));
        th.appendChild(el("br"));
        var counts = r.counts;
        th.appendChild(
          el(
            "span",
            counts && r.mean !== null
              ? text("cohort.average", { mean: r.mean, n: r.answered })
              : text("cohort.floorSection", { k: s.k }),
            "small",
          ),
        );
        row.appendChild(th);
        for (var v = 0; v < 5; v++)
          row.appendChild(el("td", counts ? share(counts[v] || 0, r.answered) : "–"));
        var chart = el("td", undefined, "cohort-chart");
        if (counts) chart.appendChild(bar(counts));
        row.appendChild(chart);
        ratingTable.body.appendChild(row);
      });
      ratingSection.appendChild(ratingTable.wrap);
      report.appendChild(ratingSection);
    }

    if (page.textQuestion) {
      var commentSection = el("section", undefined, "cohort-part");
      commentSection.appendChild(
        el("h4", text("cohort.commentsTitle") + text("punct.colon") + page.textQuestion.text),
      );
      if (s.comments.length) {
        commentSection.appendChild(el("p", text("cohort.commentsLead"), "small"));
        var list = el("ul", undefined, "cohort-comments");
        s.comments.forEach(function (c) {
          list.appendChild(el("li", c));
        });
        commentSection.appendChild(list);
      } else commentSection.appendChild(el("p", text("cohort.noComments")));
      report.appendChild(commentSection);
    }
    report.appendChild(
      el(
        "p",
        text("cohort.chartText") + " " + text("cohort.reportNote", { k: s.k }),
        "small cohort-note",
      ),
    );
  }

  /** @param {string} [wanted] */
  function render(wanted) {
    var codes = Object.keys(store.sessions).sort();
    var chosen = wanted && codes.indexOf(wanted) >= 0 ? wanted : picker.value;
    if (codes.indexOf(chosen) < 0) chosen = codes[codes.length - 1] || "";
    picker.textContent = "";
    codes.forEach(function (code) {
      var option = el("option", code);
      /** @type {HTMLOptionElement} */ (option).value = code;
      picker.appendChild(option);
    });
    picker.value = chosen;
    picker.disabled = !codes.length;
    if (!chosen) {
      report.textContent = "";
      report.appendChild(el("p", text("cohort.noSessions")));
      actions.hidden = true;
      return;
    }
    drawReport(chosen);
  }

  picker.addEventListener("change", function () {
    render(picker.value);
  });

  /** @param {string} code */
  function csvFor(code) {
    var s = Cohort.summarise(store.sessions[code] || [], meta);
    /** @type {(string | number | null)[][]} */
    var rows = [
      [
        text("cohort.csvSection"),
        text("cohort.csvItem"),
        text("cohort.csvAnswer"),
        text("cohort.csvCount"),
        text("cohort.csvShare"),
      ],
      ["course", page.courseTitle, meta.version, null, null],
      ["session", code, dates(s), s.n, null],
    ];
    s.competencies.forEach(function (c, i) {
      var title = (page.competencies[i] || { title: c.id }).title;
      [
        ["before", c.before],
        ["after", c.after],
      ].forEach(function (pair) {
        var phase = /** @type {string} */ (pair[0]);
        var part = /** @type {CohortDistribution | null} */ (pair[1]);
        if (!part) return;
        var answered = part.answered;
        part.counts.forEach(function (count, j) {
          var level = page.levels[j];
          rows.push([
            text("cohort." + phase),
            title,
            level ? level.title : String(j),
            count,
            Cohort.percent(count, answered),
          ]);
        });
        rows.push([
          text("cohort." + phase),
          title,
          text("cohort.atTarget"),
          part.atTarget,
          Cohort.percent(part.atTarget, answered),
        ]);
      });
    });
    s.ratings.forEach(function (r, i) {
      var q = page.ratings[i];
      var counts = r.counts;
      if (!counts) return;
      counts.forEach(function (count, j) {
        rows.push([
          text("cohort.ratingsTitle"),
          q ? q.text : r.id,
          String(j + 1),
          count,
          Cohort.percent(count, r.answered),
        ]);
      });
    });
    s.comments.forEach(function (c) {
      rows.push([
        text("cohort.commentsTitle"),
        page.textQuestion ? page.textQuestion.text : "",
        c,
        null,
        null,
      ]);
    });
    return Cohort.toCsv(rows);
  }

  actions.addEventListener("click", function (event) {
    var target = /** @type {HTMLElement} */ (event.target);
    var button = target.closest ? target.closest("button[data-action]") : null;
    var code = picker.value;
    if (!button || !code) return;
    var action = button.getAttribute("data-action");
    if (action === "csv")
      // A byte-order mark, so spreadsheets read Chinese text as UTF-8.
      window.CourseStore.download(
        "cohort-" + code + ".csv",
        "text/csv;charset=utf-8",
        "\ufeff" + csvFor(code),
      );
    if (action === "print") window.print();
    if (action === "delete" && window.confirm(text("cohort.confirmDelete", { code: code }))) {
      var fresh = load();
      delete fresh.sessions[code];
      try {
        save(fresh);
      } catch (e) {
        /* removing frees space; ignore */
      }
      store = fresh;
      render();
      tell(text("cohort.deleted", { code: code }));
    }
  });

  window.addEventListener("storage", function (event) {
    if (event.key === key) {
      store = load();
      render();
    }
  });

  render();
})();
