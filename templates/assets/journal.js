// The reflection journal: answers saved as you type (this device only), export, restore, delete.
(function () {
  "use strict";
  var Store = window.CourseStore;
  var text = window.CourseText.text;
  var body = document.body;
  var storeKey = body.getAttribute("data-store-key");
  var status = document.querySelector("[data-journal-status]");
  /** @type {HTMLElement | null} */
  var toolbar = document.querySelector("[data-journal-tools]");
  /** @type {HTMLInputElement | null} */
  var importInput = document.querySelector("input#journal-import");
  if (!storeKey || !status || !toolbar || !importInput) return;
  var key = storeKey;
  var statusNode = status;
  var tools = toolbar;
  /** @type {HTMLTextAreaElement[]} */
  var fields = Array.from(document.querySelectorAll("textarea[data-journal]"));
  var state = Store.open(key);
  var canSave = !state.problem;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  var timer;

  document.documentElement.classList.add("js");
  tools.hidden = false;
  fields.forEach(function (field) {
    field.hidden = false;
  });

  /** @param {string} words */
  function say(words) {
    statusNode.textContent = words;
  }
  /** @param {HTMLTextAreaElement} field */
  function idOf(field) {
    return field.getAttribute("data-journal") || "";
  }
  /**
   * Copies the answer into the block printed in its place (a textarea prints badly).
   * @param {HTMLTextAreaElement} field
   */
  function mirror(field) {
    var printed = field.parentNode && field.parentNode.querySelector("[data-answer-print]");
    if (printed) printed.textContent = field.value;
  }
  function render() {
    fields.forEach(function (field) {
      var entry = state.data.journal[idOf(field)];
      field.value = entry ? entry.text : "";
      mirror(field);
    });
  }
  // Entries typed here and not yet saved, by prompt id (an empty text deletes the entry).
  /** @type {Record<string, JournalEntry>} */
  var pending = {};
  function persist() {
    clearTimeout(timer);
    timer = undefined;
    if (!canSave) return;
    var mine = pending;
    var result = Store.update(key, function (data) {
      Object.keys(mine).forEach(function (id) {
        var entry = mine[id];
        if (entry) Store.putEntry(data, id, entry);
      });
    });
    if (!result.ok) {
      // Nothing was written: what was saved before is intact, and the text stays on the page.
      say(
        text(result.problem === "full" ? Store.problemMessage("full") : "journal.corruptStorage"),
      );
      return;
    }
    pending = {};
    state.data = result.data;
    renderOthers();
    say(
      text("journal.saved", { time: new Date().toLocaleTimeString(document.documentElement.lang) }),
    );
  }
  /** Shows the stored text in every field except the ones with unsaved typing. */
  function renderOthers() {
    fields.forEach(function (field) {
      var id = idOf(field);
      if (pending[id]) return;
      var entry = state.data.journal[id];
      var text = entry ? entry.text : "";
      if (field.value !== text) {
        field.value = text;
        mirror(field);
      }
    });
  }

  // Storage that cannot be used at all (private browsing in some browsers) is not worth a notice.
  if (state.problem === "corrupt" || state.problem === "newer")
    say(text(Store.problemMessage(state.problem)));
  render();

  fields.forEach(function (field) {
    field.addEventListener("input", function () {
      var id = idOf(field);
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
      var mine = pending[id];
      if (theirs && mine && (theirs.updated || "") > (mine.updated || "")) delete pending[id];
    });
    renderOthers();
    say(text("learnerData.updatedElsewhere"));
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
      "# " + text("journal.exportTitle") + ": " + body.getAttribute("data-course-title"),
      "",
      text("journal.exportedOn", { date: today() }),
      "",
    ];
    /** @type {string | null} */
    var lastTopic = null;
    /** @type {string | null} */
    var lastStage = null;
    var any = false;
    fields.forEach(function (field) {
      var entry = state.data.journal[idOf(field)];
      var prompt = field.closest("[data-prompt]");
      if (!entry || !prompt) return;
      var question = prompt.querySelector(".prompt__text");
      var topic = prompt.getAttribute("data-topic");
      var stage = prompt.getAttribute("data-stage");
      if (topic !== lastTopic) lines.push("## " + topic, "");
      if (topic !== lastTopic || stage !== lastStage) lines.push("### " + stage, "");
      lastTopic = topic;
      lastStage = stage;
      lines.push("> " + (question ? question.textContent : ""), "", entry.text, "");
      if (entry.updated)
        lines.push(
          "_" + text("journal.lastEdited", { date: entry.updated.slice(0, 10) }) + "_",
          "",
        );
      any = true;
    });
    if (!any) lines.push(text("journal.noEntries"), "");
    return lines.join("\n");
  }

  tools.addEventListener("click", function (event) {
    var action = event.target instanceof Element ? event.target.getAttribute("data-action") : null;
    if (action === "export-md") {
      Store.download("reflection-journal-" + today() + ".md", "text/markdown", markdown());
      say(text("journal.exported"));
    } else if (action === "export-json") {
      // Unreadable stored data is handed over as it is, so nothing the learner wrote is lost.
      var data =
        state.problem === "corrupt" && state.raw !== null
          ? state.raw
          : Store.exportJson(key, state.data);
      Store.download("reflection-journal-" + today() + ".json", "application/json", data);
      say(text("journal.exported"));
    } else if (action === "delete-all") {
      if (!window.confirm(text("journal.confirmDelete"))) return;
      // The journal only: self-assessments saved in the same storage are kept.
      var cleared = canSave
        ? Store.update(key, function (data) {
            data.journal = {};
          })
        : null;
      if (!cleared || !cleared.ok) Store.clear(key);
      pending = {};
      state = {
        data: cleared && cleared.ok ? cleared.data : Store.empty(),
        problem: null,
        raw: null,
      };
      canSave = true;
      render();
      say(text("journal.deleted"));
    } else if (action === "print") {
      window.print();
    }
  });

  Store.onImport(
    importInput,
    key,
    function () {
      return !canSave;
    },
    function (outcome, messageKey) {
      if (outcome && outcome.ok) {
        state = { data: outcome.data, problem: null, raw: null };
        canSave = true;
        pending = {};
        render();
      }
      say(text(messageKey, { count: outcome ? outcome.count : 0 }));
    },
  );
})();
