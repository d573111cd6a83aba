// Learner data kept in this browser only (localStorage): the journal and self-assessments share it.
// The stored format has a version; older versions are migrated when read, never discarded.
// A classic script (not a module) so it also works when the site is opened from a folder.
(function (root) {
  "use strict";
  var VERSION = 2;
  var BACKUP_FORMAT = "onion-course-backup";
  // A backup is a few kilobytes of text; a bigger file is the wrong file (or would fill the storage).
  var MAX_IMPORT_BYTES = 1000000;

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

  function isQuotaError(e) {
    return (
      !!e &&
      (e.name === "QuotaExceededError" ||
        e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
        e.code === 22 ||
        e.code === 1014)
    );
  }

  /**
   * Applies `change` to the data as it is stored now (another tab may have saved since this page
   * read it), then saves. Returns { ok, problem, data }: with storage full ("full") or unreadable
   * data ("corrupt", "newer"), nothing is written and what was saved before stays as it was.
   */
  function update(key, change) {
    var current = open(key);
    if (current.problem) return { ok: false, problem: current.problem, data: current.data };
    var data = current.data;
    change(data);
    try {
      if (!Object.keys(data.journal).length && !data.assessments.length)
        root.localStorage.removeItem(key);
      else root.localStorage.setItem(key, JSON.stringify(data));
    } catch (e) {
      return { ok: false, problem: isQuotaError(e) ? "full" : "unavailable", data: open(key).data };
    }
    return { ok: true, problem: null, data: data };
  }

  /** Puts a journal entry unless the stored one is newer (written later, in another tab). */
  function putEntry(data, id, entry) {
    var stored = data.journal[id];
    if (stored && (stored.updated || "") > (entry.updated || "")) return false;
    if (entry.text) data.journal[id] = entry;
    else delete data.journal[id];
    return true;
  }

  /** Calls back with the fresh data whenever another tab changes this course's storage. */
  function onChange(key, callback) {
    root.addEventListener("storage", function (event) {
      if (event.key === key || event.key === null) callback(open(key));
    });
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
    if (file.size > MAX_IMPORT_BYTES) return callback(new StoreError("too-large"));
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
    MAX_IMPORT_BYTES: MAX_IMPORT_BYTES,
    StoreError: StoreError,
    empty: empty,
    migrate: migrate,
    open: open,
    save: save,
    clear: clear,
    update: update,
    putEntry: putEntry,
    onChange: onChange,
    exportJson: exportJson,
    parseBackup: parseBackup,
    merge: merge,
    download: download,
    readBackup: readBackup,
    messages: messages,
  };
})(typeof window !== "undefined" ? window : globalThis);
