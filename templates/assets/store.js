// Learner data kept in this browser only (localStorage): the journal and self-assessments share it.
// The stored format has a version; older versions are migrated when read, never discarded.
// A classic script (not a module) so it also works when the site is opened from a folder.
(function (root) {
  "use strict";
  var VERSION = 2;
  var BACKUP_FORMAT = "onion-course-backup";

  function StoreError(code, message) {
    this.name = "StoreError";
    this.code = code;
    this.message = message || code;
  }
  StoreError.prototype = Object.create(Error.prototype);

  function empty() {
    return { version: VERSION, journal: {}, assessments: [] };
  }

  function isObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  /** Brings data of any known version up to the current one; throws on anything else. */
  function migrate(raw) {
    if (!isObject(raw) || typeof raw.version !== "number") throw new StoreError("foreign");
    if (raw.version > VERSION) throw new StoreError("newer");
    var data = raw;
    if (data.version === 1) {
      // Version 1 kept each journal answer as plain text, without dates or assessments.
      if (!isObject(data.journal)) throw new StoreError("foreign");
      var journal = {};
      Object.keys(data.journal).forEach(function (id) {
        if (typeof data.journal[id] === "string")
          journal[id] = { text: data.journal[id], updated: data.savedAt || null };
      });
      data = { version: 2, journal: journal, assessments: [] };
    }
    if (data.version !== 2 || !isObject(data.journal) || !Array.isArray(data.assessments))
      throw new StoreError("foreign");
    var clean = empty();
    Object.keys(data.journal).forEach(function (id) {
      var e = data.journal[id];
      if (isObject(e) && typeof e.text === "string")
        clean.journal[id] = {
          text: e.text,
          updated: typeof e.updated === "string" ? e.updated : null,
        };
    });
    data.assessments.forEach(function (a) {
      if (isObject(a) && typeof a.date === "string" && isObject(a.levels))
        clean.assessments.push({ id: String(a.id || a.date), date: a.date, levels: a.levels });
    });
    return clean;
  }

  /** Reads the course's data. A problem leaves the stored text untouched and reports it. */
  function open(key) {
    var text = null;
    try {
      text = root.localStorage.getItem(key);
    } catch (e) {
      return { data: empty(), problem: "unavailable", raw: null };
    }
    if (text === null) return { data: empty(), problem: null, raw: null };
    try {
      return { data: migrate(JSON.parse(text)), problem: null, raw: text };
    } catch (e) {
      return { data: empty(), problem: e && e.code === "newer" ? "newer" : "corrupt", raw: text };
    }
  }

  function save(key, data) {
    root.localStorage.setItem(key, JSON.stringify(data));
  }

  function clear(key) {
    root.localStorage.removeItem(key);
  }

  function exportJson(key, data, now) {
    return JSON.stringify(
      {
        format: BACKUP_FORMAT,
        course: key,
        exportedAt: (now || new Date()).toISOString(),
        data: data,
      },
      null,
      2,
    );
  }

  /** Reads a backup file of this course; throws StoreError("foreign") for anything else. */
  function parseBackup(text, key) {
    var parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new StoreError("foreign");
    }
    if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT || parsed.course !== key)
      throw new StoreError("foreign");
    return migrate(parsed.data);
  }

  /** Adds a backup's entries to the current data; the newer of two entries for a prompt wins. */
  function merge(current, incoming) {
    var count = 0;
    Object.keys(incoming.journal).forEach(function (id) {
      var mine = current.journal[id];
      var theirs = incoming.journal[id];
      if (!mine || (theirs.updated || "") >= (mine.updated || "")) current.journal[id] = theirs;
      count++;
    });
    var known = {};
    current.assessments.forEach(function (a) {
      known[a.id] = true;
    });
    incoming.assessments.forEach(function (a) {
      if (!known[a.id]) {
        current.assessments.push(a);
        count++;
      }
    });
    current.assessments.sort(function (a, b) {
      return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    });
    return { data: current, count: count };
  }

  function download(name, type, text) {
    var link = root.document.createElement("a");
    link.href = root.URL.createObjectURL(new root.Blob([text], { type: type }));
    link.download = name;
    root.document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /** Reads a backup file chosen by the learner; calls back with (error) or (null, data). */
  function readBackup(file, key, callback) {
    if (!file) return;
    var reader = new root.FileReader();
    reader.onload = function () {
      var data;
      try {
        data = parseBackup(String(reader.result), key);
      } catch (e) {
        return callback(e);
      }
      callback(null, data);
    };
    reader.onerror = function () {
      callback(new StoreError("unreadable"));
    };
    reader.readAsText(file);
  }

  /** The interface text the page embedded for scripts, in the page's language. */
  function messages() {
    var node = root.document && root.document.getElementById("ui-messages");
    return node ? JSON.parse(node.textContent) : {};
  }

  root.CourseStore = {
    VERSION: VERSION,
    StoreError: StoreError,
    empty: empty,
    migrate: migrate,
    open: open,
    save: save,
    clear: clear,
    exportJson: exportJson,
    parseBackup: parseBackup,
    merge: merge,
    download: download,
    readBackup: readBackup,
    messages: messages,
  };
})(typeof window !== "undefined" ? window : globalThis);
