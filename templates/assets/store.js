// Learner data kept in this browser only (localStorage): the journal and self-assessments share it.
// The stored format has a version; older versions are migrated when read, never discarded.
// A classic script (not a module) so it also works when the site is opened from a folder.
(function (root) {
  "use strict";
  var VERSION = 2;
  var BACKUP_FORMAT = "onion-course-backup";
  // A backup is a few kilobytes of text; a bigger file is the wrong file (or would fill the storage).
  var MAX_IMPORT_BYTES = 1000000;

  /**
   * @constructor
   * @this {StoreError}
   * @param {StoreErrorCode} code
   * @param {string} [message]
   */
  function StoreError(code, message) {
    this.name = "StoreError";
    this.code = code;
    this.message = message || code;
  }
  StoreError.prototype = Object.create(Error.prototype);

  /** @returns {StoreData} */
  function empty() {
    return { version: VERSION, journal: {}, assessments: [] };
  }

  /**
   * @param {unknown} x
   * @returns {x is Record<string, any>}
   */
  function isObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  /**
   * Brings data of any known version up to the current one; throws on anything else.
   * @param {unknown} raw
   * @returns {StoreData}
   */
  function migrate(raw) {
    if (!isObject(raw) || typeof raw.version !== "number") throw new StoreError("foreign");
    if (raw.version > VERSION) throw new StoreError("newer");
    var data = raw;
    if (data.version === 1) {
      // Version 1 kept each journal answer as plain text, without dates or assessments.
      var v1 = data.journal;
      if (!isObject(v1)) throw new StoreError("foreign");
      var savedAt = data.savedAt;
      /** @type {Record<string, JournalEntry>} */
      var journal = {};
      Object.keys(v1).forEach(function (id) {
        if (typeof v1[id] === "string") journal[id] = { text: v1[id], updated: savedAt || null };
      });
      data = { version: 2, journal: journal, assessments: [] };
    }
    if (data.version !== 2 || !isObject(data.journal) || !Array.isArray(data.assessments))
      throw new StoreError("foreign");
    var clean = empty();
    var entries = data.journal;
    Object.keys(entries).forEach(function (id) {
      var e = entries[id];
      if (isObject(e) && typeof e.text === "string")
        clean.journal[id] = {
          text: e.text,
          updated: typeof e.updated === "string" ? e.updated : null,
        };
    });
    /** @type {unknown[]} */ (data.assessments).forEach(function (a) {
      if (isObject(a) && typeof a.date === "string" && isObject(a.levels))
        clean.assessments.push({ id: String(a.id || a.date), date: a.date, levels: a.levels });
    });
    return clean;
  }

  /**
   * Reads the course's data. A problem leaves the stored text untouched and reports it.
   * @param {string} key
   * @returns {StoreState}
   */
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
      var newer = e instanceof StoreError && e.code === "newer";
      return { data: empty(), problem: newer ? "newer" : "corrupt", raw: text };
    }
  }

  /**
   * @param {string} key
   * @param {StoreData} data
   */
  function save(key, data) {
    root.localStorage.setItem(key, JSON.stringify(data));
  }

  /** @param {string} key */
  function clear(key) {
    root.localStorage.removeItem(key);
  }

  /** @param {unknown} e */
  function isQuotaError(e) {
    return (
      isObject(e) &&
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
  /**
   * @param {string} key
   * @param {(data: StoreData) => void} change
   * @returns {StoreUpdate}
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

  /**
   * Puts a journal entry unless the stored one is newer (written later, in another tab).
   * @param {StoreData} data
   * @param {string} id
   * @param {JournalEntry} entry
   */
  function putEntry(data, id, entry) {
    var stored = data.journal[id];
    if (stored && (stored.updated || "") > (entry.updated || "")) return false;
    if (entry.text) data.journal[id] = entry;
    else delete data.journal[id];
    return true;
  }

  /**
   * Calls back with the fresh data whenever another tab changes this course's storage.
   * @param {string} key
   * @param {(fresh: StoreState) => void} callback
   */
  function onChange(key, callback) {
    root.addEventListener("storage", function (event) {
      if (event.key === key || event.key === null) callback(open(key));
    });
  }

  /**
   * @param {string} key
   * @param {unknown} data
   * @param {Date} [now]
   */
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

  /**
   * Reads a backup file of this course; throws StoreError("foreign") for anything else.
   * @param {string} text
   * @param {string} key
   */
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

  /**
   * Adds a backup's entries to the current data; the newer of two entries for a prompt wins.
   * @param {StoreData} current
   * @param {StoreData} incoming
   */
  function merge(current, incoming) {
    var count = 0;
    Object.keys(incoming.journal).forEach(function (id) {
      var mine = current.journal[id];
      var theirs = incoming.journal[id];
      if (!theirs) return;
      if (!mine || (theirs.updated || "") >= (mine.updated || "")) current.journal[id] = theirs;
      count++;
    });
    /** @type {Record<string, boolean>} */
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

  /**
   * @param {string} name
   * @param {string} type
   * @param {string} text
   */
  function download(name, type, text) {
    var link = root.document.createElement("a");
    link.href = root.URL.createObjectURL(new root.Blob([text], { type: type }));
    link.download = name;
    root.document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /**
   * Reads a backup file chosen by the learner; calls back with (error) or (null, data).
   * @param {File | null | undefined} file
   * @param {string} key
   * @param {(error: StoreError | null, data?: StoreData) => void} callback
   */
  function readBackup(file, key, callback) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return callback(new StoreError("too-large"));
    var reader = new root.FileReader();
    reader.onload = function () {
      var data;
      try {
        data = parseBackup(String(reader.result), key);
      } catch (e) {
        return callback(e instanceof StoreError ? e : new StoreError("foreign"));
      }
      callback(null, data);
    };
    reader.onerror = function () {
      callback(new StoreError("unreadable"));
    };
    reader.readAsText(file);
  }

  /**
   * Adds a backup's entries to the stored data. With `replace` (the stored data could not be read)
   * the backup replaces it, as the learner chose. Nothing is written when storage refuses.
   * @param {string} key
   * @param {StoreData} incoming
   * @param {boolean} replace
   * @returns {StoreImport}
   */
  function importBackup(key, incoming, replace) {
    var count = 0;
    if (replace)
      try {
        clear(key);
      } catch (e) {
        // Storage that cannot be used at all: the update below reports it.
      }
    var result = update(key, function (data) {
      count = merge(data, incoming).count;
    });
    return { ok: result.ok, problem: result.problem, data: result.data, count: count };
  }

  /**
   * The message key that tells the learner about a storage problem: full, written by a newer
   * version of the course, or unreadable (the journal's wording serves every learner-data page).
   * @param {StoreProblem | null} problem
   */
  function problemMessage(problem) {
    if (problem === "full") return "learnerData.storageFull";
    if (problem === "newer") return "journal.newerStorage";
    return "journal.corruptStorage";
  }

  /**
   * The message key for a backup file that could not be imported.
   * @param {StoreError} error
   */
  function importErrorMessage(error) {
    return error.code === "too-large" ? "learnerData.importTooLarge" : "journal.badImport";
  }

  /**
   * Restores the backup a learner picks in `input` (a file input): its entries join the stored data,
   * or replace it when `replace()` says the stored data could not be read. `done` gets the outcome
   * (null when the file was refused) and the key of the message to show; the input is then emptied,
   * so the same file can be picked again.
   * @param {HTMLInputElement} input
   * @param {string} key
   * @param {() => boolean} replace
   * @param {(outcome: StoreImport | null, messageKey: string) => void} done
   */
  function onImport(input, key, replace, done) {
    input.addEventListener("change", function () {
      readBackup(input.files && input.files[0], key, function (error, incoming) {
        if (error || !incoming) done(null, importErrorMessage(error || new StoreError("foreign")));
        else {
          var outcome = importBackup(key, incoming, replace());
          done(outcome, outcome.ok ? "journal.imported" : "learnerData.storageFull");
        }
        input.value = "";
      });
    });
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
    importBackup: importBackup,
    problemMessage: problemMessage,
    importErrorMessage: importErrorMessage,
    onImport: onImport,
  };
})(/** @type {Window & typeof globalThis} */ (typeof window !== "undefined" ? window : globalThis));
