// The reflection journal: answers saved as you type (this device only), export, restore, delete.
(function () {
  "use strict";
  var Store = window.CourseStore;
  var body = document.body;
  var key = body.getAttribute("data-store-key");
  var t = Store.messages();
  var status = document.querySelector("[data-journal-status]");
  var tools = document.querySelector("[data-journal-tools]");
  var fields = Array.prototype.slice.call(document.querySelectorAll("textarea[data-journal]"));
  var state = Store.open(key);
  var canSave = !state.problem;
  var timer = null;

  document.documentElement.classList.add("js");
  tools.hidden = false;
  fields.forEach(function (field) {
    field.hidden = false;
  });

  function say(text) {
    status.textContent = text;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) {
      return name in values ? values[name] : "{" + name + "}";
    });
  }
  function mirror(field) {
    field.parentNode.querySelector("[data-answer-print]").textContent = field.value;
  }
  function render() {
    fields.forEach(function (field) {
      var entry = state.data.journal[field.getAttribute("data-journal")];
      field.value = entry ? entry.text : "";
      mirror(field);
    });
  }
  // Entries typed here and not yet saved, by prompt id (an empty text deletes the entry).
  var pending = {};
  function persist() {
    clearTimeout(timer);
    timer = null;
    if (!canSave) return;
    var mine = pending;
    var result = Store.update(key, function (data) {
      Object.keys(mine).forEach(function (id) {
        Store.putEntry(data, id, mine[id]);
      });
    });
    if (!result.ok) {
      // Nothing was written: what was saved before is intact, and the text stays on the page.
      say(t[result.problem === "full" ? "learnerData.storageFull" : "journal.corruptStorage"]);
      return;
    }
    pending = {};
    state.data = result.data;
    renderOthers();
    say(
      fill(t["journal.saved"], {
        time: new Date().toLocaleTimeString(document.documentElement.lang),
      }),
    );
  }
  /** Shows the stored text in every field except the ones with unsaved typing. */
  function renderOthers() {
    fields.forEach(function (field) {
      var id = field.getAttribute("data-journal");
      if (pending[id]) return;
      var entry = state.data.journal[id];
      var text = entry ? entry.text : "";
      if (field.value !== text) {
        field.value = text;
        mirror(field);
      }
    });
  }

  if (state.problem === "corrupt") say(t["journal.corruptStorage"]);
  if (state.problem === "newer") say(t["journal.newerStorage"]);
  render();

  fields.forEach(function (field) {
    field.addEventListener("input", function () {
      var id = field.getAttribute("data-journal");
      var entry = { text: field.value, updated: new Date().toISOString() };
      pending[id] = entry;
      if (field.value) state.data.journal[id] = entry;
      else delete state.data.journal[id];
      mirror(field);
      clearTimeout(timer);
      timer = setTimeout(persist, 300);
    });
  });
  // Another tab saved: show its newer text here, so this tab never writes older text over it.
  Store.onChange(key, function (fresh) {
    if (!canSave || fresh.problem) return;
    state.data = fresh.data;
    Object.keys(pending).forEach(function (id) {
      var theirs = fresh.data.journal[id];
      if (theirs && (theirs.updated || "") > pending[id].updated) delete pending[id];
    });
    renderOthers();
    say(t["learnerData.updatedElsewhere"]);
  });
  // Save at once when leaving, so nothing typed in the last moment is lost.
  window.addEventListener("pagehide", function () {
    if (timer) persist();
  });

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function markdown() {
    var lines = [
      "# " + t["journal.exportTitle"] + ": " + body.getAttribute("data-course-title"),
      "",
      fill(t["journal.exportedOn"], { date: today() }),
      "",
    ];
    var lastTopic = null;
    var lastStage = null;
    var any = false;
    fields.forEach(function (field) {
      var entry = state.data.journal[field.getAttribute("data-journal")];
      if (!entry) return;
      var prompt = field.closest("[data-prompt]");
      var topic = prompt.getAttribute("data-topic");
      var stage = prompt.getAttribute("data-stage");
      if (topic !== lastTopic) lines.push("## " + topic, "");
      if (topic !== lastTopic || stage !== lastStage) lines.push("### " + stage, "");
      lastTopic = topic;
      lastStage = stage;
      lines.push("> " + prompt.querySelector(".prompt__text").textContent, "", entry.text, "");
      if (entry.updated)
        lines.push(
          "_" + fill(t["journal.lastEdited"], { date: entry.updated.slice(0, 10) }) + "_",
          "",
        );
      any = true;
    });
    if (!any) lines.push(t["journal.noEntries"], "");
    return lines.join("\n");
  }

  tools.addEventListener("click", function (event) {
    var action = event.target.getAttribute && event.target.getAttribute("data-action");
    if (action === "export-md") {
      Store.download("reflection-journal-" + today() + ".md", "text/markdown", markdown());
      say(t["journal.exported"]);
    } else if (action === "export-json") {
      var data = state.problem === "corrupt" ? state.raw : Store.exportJson(key, state.data);
      Store.download("reflection-journal-" + today() + ".json", "application/json", data);
      say(t["journal.exported"]);
    } else if (action === "delete-all") {
      if (!window.confirm(t["journal.confirmDelete"])) return;
      // The journal only: self-assessments saved in the same storage are kept.
      var cleared = canSave
        ? Store.update(key, function (data) {
            data.journal = {};
          })
        : { ok: false };
      if (!cleared.ok) Store.clear(key);
      pending = {};
      state = { data: cleared.ok ? cleared.data : Store.empty(), problem: null, raw: null };
      canSave = true;
      render();
      say(t["journal.deleted"]);
    } else if (action === "print") {
      window.print();
    }
  });

  document.getElementById("journal-import").addEventListener("change", function (event) {
    Store.readBackup(event.target.files && event.target.files[0], key, function (error, incoming) {
      if (error) {
        say(t[error.code === "too-large" ? "learnerData.importTooLarge" : "journal.badImport"]);
      } else {
        var count = 0;
        var result = canSave
          ? Store.update(key, function (data) {
              count = Store.merge(data, incoming).count;
            })
          : null;
        if (!result) {
          // The stored data could not be read: the backup replaces it, as the learner chose.
          var merged = Store.merge(Store.empty(), incoming);
          count = merged.count;
          try {
            Store.save(key, merged.data);
            result = { ok: true, data: merged.data };
          } catch (e) {
            result = { ok: false, problem: "full" };
          }
        }
        if (result.ok) {
          state = { data: result.data, problem: null, raw: null };
          canSave = true;
          pending = {};
          render();
          say(fill(t["journal.imported"], { count: count }));
        } else say(t["learnerData.storageFull"]);
      }
      event.target.value = "";
    });
  });
})();
