// Cohort evaluation without tracking, the pure part: what a learner hands over (as a QR code or a
// file), how a facilitator's browser checks what it is handed, and how the answers of a session are
// added up (with a floor under which nothing is shown). No DOM, no storage: handover.js and cohort.js
// use it on the page, tests/unit/cohort-core.test.ts runs it in Node. A classic script (window.CourseCohort)
// so pages also work opened from a folder.
(function (root) {
  "use strict";

  var KIND = "onion-cohort";
  var FORMAT = 1;
  /** The largest hand-over accepted, in bytes of UTF-8 (a QR code must stay easy to scan). */
  var MAX_BYTES = 1200;
  /** The longest free-text answer, in characters. */
  var MAX_TEXT = 140;
  /** The fewest participants a summary ever shows. */
  var K_FLOOR = 5;
  var SESSION = /^[A-Z0-9]{2,12}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var SUBMISSION = /^[a-z0-9]{8,24}$/;

  /**
   * A session code as the facilitator announced it, tidied: capitals, no spaces or dashes.
   * @param {string} raw
   * @returns {string | null} null when it is not 2 to 12 letters and digits
   */
  function normaliseSession(raw) {
    var code = String(raw || "")
      .toUpperCase()
      .replace(/[\s-]+/g, "");
    return SESSION.test(code) ? code : null;
  }

  /**
   * A random submission id (so a code scanned twice counts once); it says nothing about the person.
   * @param {(bytes: Uint8Array) => Uint8Array} [fill] a source of random bytes (crypto.getRandomValues)
   * @returns {string}
   */
  function submissionId(fill) {
    var bytes = new Uint8Array(12);
    if (fill) fill(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    var out = "";
    for (var j = 0; j < bytes.length; j++) out += ((bytes[j] || 0) % 36).toString(36);
    return out;
  }

  /**
   * The characters of a text, counted as people count them (a Chinese character is one).
   * @param {string} text
   */
  function charCount(text) {
    return Array.from(text).length;
  }

  /**
   * Shortens a free-text answer to the limit.
   * @param {string} text
   */
  function clipText(text) {
    return Array.from(String(text || "").trim())
      .slice(0, MAX_TEXT)
      .join("");
  }

  /**
   * Levels as one character per competency, in the course's order: the level's index, or "-".
   * @param {CohortMeta} meta
   * @param {Record<string, string> | null | undefined} levels competency id → level id
   * @returns {string | undefined}
   */
  function packLevels(meta, levels) {
    if (!levels) return undefined;
    var any = false;
    var out = meta.competencies
      .map(function (c) {
        var i = meta.levels.indexOf(levels[c.id] || "");
        if (i < 0) return "-";
        any = true;
        return String(i);
      })
      .join("");
    return any ? out : undefined;
  }

  /**
   * What a learner hands over: no name, no journal, no device id.
   * @param {CohortMeta} meta
   * @param {{
   *   module: string, session: string, id: string, date: string,
   *   before?: Record<string, string> | null, after?: Record<string, string> | null,
   *   ratings?: Record<string, number>, text?: string,
   * }} answers
   * @returns {CohortRecord}
   */
  function makeRecord(meta, answers) {
    /** @type {CohortRecord} */
    var record = {
      t: KIND,
      v: FORMAT,
      c: meta.course,
      cv: meta.version,
      m: answers.module,
      s: answers.session,
      id: answers.id,
      d: answers.date,
    };
    var b = packLevels(meta, answers.before);
    var a = packLevels(meta, answers.after);
    if (b) record.b = b;
    if (a) record.a = a;
    var ratings = answers.ratings || {};
    var rated = meta.ratings.map(function (q) {
      var value = ratings[q.id];
      return typeof value === "number" && value >= 1 && value <= 5 ? String(value) : "-";
    });
    if (rated.some(isAnswered)) record.r = rated.join("");
    var text = meta.textQuestion ? clipText(answers.text || "") : "";
    if (text) record.x = text;
    return record;
  }

  /** @param {string} ch */
  function isAnswered(ch) {
    return ch !== "-";
  }

  /**
   * The hand-over as text (what the QR code and the file hold).
   * @param {CohortRecord} record
   */
  function encode(record) {
    return JSON.stringify(record);
  }

  /**
   * Bytes of UTF-8 a text takes.
   * @param {string} text
   */
  function byteLength(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code < 0x80) n += 1;
      else if (code < 0x800) n += 2;
      else if (code >= 0xd800 && code <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /**
   * Reads a handed-over code or file, trusting nothing in it.
   * @param {string} text
   * @param {CohortMeta} meta
   * @returns {{ ok: true, record: CohortRecord } | { ok: false, problem: CohortProblem, detail?: string }}
   */
  function decode(text, meta) {
    if (typeof text !== "string" || !text) return { ok: false, problem: "malformed" };
    if (byteLength(text) > MAX_BYTES) return { ok: false, problem: "too-large" };
    /** @type {unknown} */
    var raw;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { ok: false, problem: "malformed" };
    }
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
      return { ok: false, problem: "malformed" };
    var o = /** @type {Record<string, unknown>} */ (raw);
    if (o.t !== KIND) return { ok: false, problem: "malformed" };
    if (o.v !== FORMAT) return { ok: false, problem: "format" };
    if (typeof o.c !== "string" || typeof o.cv !== "string")
      return { ok: false, problem: "malformed" };
    if (o.c !== meta.course)
      return { ok: false, problem: "other-course", detail: o.c.slice(0, 60) };
    if (o.cv !== meta.version)
      return { ok: false, problem: "other-version", detail: o.cv.slice(0, 40) };
    var n = meta.competencies.length;
    var q = meta.ratings.length;
    var levelChars = new RegExp("^[-0-" + Math.min(9, meta.levels.length - 1) + "]{" + n + "}$");
    var ratingChars = new RegExp("^[-1-5]{" + q + "}$");
    var known = Object.keys(o).every(function (k) {
      return ["t", "v", "c", "cv", "m", "s", "id", "d", "b", "a", "r", "x"].indexOf(k) >= 0;
    });
    var fine =
      known &&
      typeof o.m === "string" &&
      meta.modules.indexOf(o.m) >= 0 &&
      typeof o.s === "string" &&
      SESSION.test(o.s) &&
      typeof o.id === "string" &&
      SUBMISSION.test(o.id) &&
      typeof o.d === "string" &&
      DATE.test(o.d) &&
      (o.b === undefined || (typeof o.b === "string" && levelChars.test(o.b))) &&
      (o.a === undefined || (typeof o.a === "string" && levelChars.test(o.a))) &&
      (o.r === undefined || (typeof o.r === "string" && ratingChars.test(o.r))) &&
      (o.x === undefined ||
        (typeof o.x === "string" && meta.textQuestion && charCount(o.x) <= MAX_TEXT));
    if (!fine) return { ok: false, problem: "malformed" };
    if (o.b === undefined && o.a === undefined && o.r === undefined && o.x === undefined)
      return { ok: false, problem: "empty" };
    /** @type {CohortRecord} */
    var record = {
      t: KIND,
      v: FORMAT,
      c: o.c,
      cv: o.cv,
      m: /** @type {string} */ (o.m),
      s: /** @type {string} */ (o.s),
      id: /** @type {string} */ (o.id),
      d: /** @type {string} */ (o.d),
    };
    if (typeof o.b === "string") record.b = o.b;
    if (typeof o.a === "string") record.a = o.a;
    if (typeof o.r === "string") record.r = o.r;
    if (typeof o.x === "string" && o.x) record.x = o.x;
    return { ok: true, record: record };
  }

  /**
   * Adds a record to the records of its session, unless the same submission is already there.
   * @param {Record<string, CohortRecord[]>} sessions
   * @param {CohortRecord} record
   * @returns {boolean} false for a duplicate (nothing changed)
   */
  function addRecord(sessions, record) {
    var list = sessions[record.s] || (sessions[record.s] = []);
    if (
      list.some(function (r) {
        return r.id === record.id;
      })
    )
      return false;
    list.push(record);
    return true;
  }

  /**
   * Counts per level (or per rating 1–5) from packed strings, one position.
   * @param {(string | undefined)[]} packed
   * @param {number} position
   * @param {number} size how many levels
   * @param {number} offset 0 for level indices, 1 for ratings 1–5
   */
  function countAt(packed, position, size, offset) {
    /** @type {number[]} */
    var counts = [];
    for (var i = 0; i < size; i++) counts.push(0);
    var answered = 0;
    packed.forEach(function (p) {
      var ch = p ? p.charAt(position) : "-";
      if (!ch || ch === "-") return;
      var index = Number(ch) - offset;
      if (index >= 0 && index < size) {
        counts[index] = (counts[index] || 0) + 1;
        answered++;
      }
    });
    return { counts: counts, answered: answered };
  }

  /**
   * The Fisher–Yates shuffle, so free-text answers come in no order that could point to a person.
   * @template T
   * @param {T[]} list
   * @param {() => number} [random]
   * @returns {T[]}
   */
  function shuffle(list, random) {
    var out = list.slice();
    var r = random || Math.random;
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(r() * (i + 1));
      var keep = /** @type {T} */ (out[i]);
      out[i] = /** @type {T} */ (out[j]);
      out[j] = keep;
    }
    return out;
  }

  /**
   * The summary of one session. With fewer than `k` participants it holds only the count; a part that
   * fewer than `k` answered (e.g. the "before" levels) is left out as well.
   * @param {CohortRecord[]} records one session's records
   * @param {CohortMeta} meta
   * @param {() => number} [random]
   * @returns {CohortSummary}
   */
  function summarise(records, meta, random) {
    var k = Math.max(K_FLOOR, meta.minimumGroup || K_FLOOR);
    var seen = /** @type {Record<string, boolean>} */ ({});
    var unique = records.filter(function (r) {
      if (seen[r.id]) return false;
      seen[r.id] = true;
      return true;
    });
    var n = unique.length;
    var dates = unique
      .map(function (r) {
        return r.d;
      })
      .sort();
    /** @type {CohortSummary} */
    var summary = {
      n: n,
      k: k,
      shown: n >= k,
      from: dates[0] || "",
      to: dates[dates.length - 1] || "",
      modules: [],
      competencies: [],
      ratings: [],
      comments: [],
    };
    if (!summary.shown) return summary;
    summary.modules = meta.modules.filter(function (m) {
      return unique.some(function (r) {
        return r.m === m;
      });
    });
    var size = meta.levels.length;
    var before = unique.map(function (r) {
      return r.b;
    });
    var after = unique.map(function (r) {
      return r.a;
    });
    /**
     * @param {{ counts: number[], answered: number }} c
     * @returns {CohortDistribution | null}
     */
    function part(c) {
      if (c.answered < k) return null;
      var atTarget = 0;
      c.counts.forEach(function (count, i) {
        if (i >= meta.targetIndex) atTarget += count;
      });
      return { counts: c.counts, answered: c.answered, atTarget: atTarget };
    }
    summary.competencies = meta.competencies.map(function (c, i) {
      return {
        id: c.id,
        before: part(countAt(before, i, size, 0)),
        after: part(countAt(after, i, size, 0)),
      };
    });
    var ratings = unique.map(function (r) {
      return r.r;
    });
    summary.ratings = meta.ratings.map(function (q, i) {
      var c = countAt(ratings, i, 5, 1);
      var total = 0;
      c.counts.forEach(function (count, j) {
        total += count * (j + 1);
      });
      return c.answered < k
        ? { id: q.id, counts: null, answered: c.answered, mean: null }
        : {
            id: q.id,
            counts: c.counts,
            answered: c.answered,
            mean: Math.round((total / c.answered) * 10) / 10,
          };
    });
    summary.comments = shuffle(
      unique
        .map(function (r) {
          return r.x || "";
        })
        .filter(Boolean),
      random,
    );
    return summary;
  }

  /**
   * One CSV cell: quoted when needed, and never read as a formula by a spreadsheet (a text starting
   * with an equals, plus, minus or at sign, a tab or a carriage return gets a leading apostrophe).
   * @param {string | number | null | undefined} value
   */
  function csvCell(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return String(value);
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /**
   * Rows as CSV text (CRLF line ends, as spreadsheets expect).
   * @param {(string | number | null | undefined)[][]} rows
   */
  function toCsv(rows) {
    return (
      rows
        .map(function (row) {
          return row.map(csvCell).join(",");
        })
        .join("\r\n") + "\r\n"
    );
  }

  /**
   * A share as a whole percentage.
   * @param {number} part
   * @param {number} whole
   */
  function percent(part, whole) {
    return whole ? Math.round((part / whole) * 100) : 0;
  }

  root.CourseCohort = {
    KIND: KIND,
    FORMAT: FORMAT,
    MAX_BYTES: MAX_BYTES,
    MAX_TEXT: MAX_TEXT,
    K_FLOOR: K_FLOOR,
    normaliseSession: normaliseSession,
    submissionId: submissionId,
    charCount: charCount,
    clipText: clipText,
    makeRecord: makeRecord,
    encode: encode,
    byteLength: byteLength,
    decode: decode,
    addRecord: addRecord,
    shuffle: shuffle,
    summarise: summarise,
    csvCell: csvCell,
    toCsv: toCsv,
    percent: percent,
  };
})(/** @type {Window & typeof globalThis} */ (typeof window !== "undefined" ? window : globalThis));
