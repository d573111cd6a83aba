// The run-time API of a small LMS of the project's own, written from the SCORM 1.2 run-time book and
// the SCORM 2004 4th edition run-time book (data model types, vocabularies, error codes), with the
// choices common LMS players make where the books leave room (Moodle's player among them): a second
// Initialize in one launch fails (2004: error 103, after the data model was reset; 1.2: it throws),
// values arrive strictly checked, and the 1.2 mastery score decides pass or fail at LMSFinish.
// No LMS code is copied. The test page calls `window.createLmsApi(version, start)`; what the LMS keeps
// is read back from `api.committed` after Terminate / LMSFinish.
(function () {
  "use strict";

  var IDENTIFIER_12 = /^[\u0021-\u007E]{0,255}$/;
  var DECIMAL_12 = /^-?[0-9]{0,3}(\.[0-9]{1,2})?$/;
  var TIMESPAN_12 = /^[0-9]{2,4}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?$/;
  var TIME_12 = /^[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\.[0-9]{1,2})?$/;
  var STATUS_12 = /^(passed|completed|failed|incomplete|browsed)$/;
  var EXIT_12 = /^(time-out|suspend|logout|)$/;
  var TYPE = /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/;
  var TYPE_2004 =
    /^(true-false|choice|fill-in|long-fill-in|matching|performance|sequencing|likert|numeric|other)$/;
  var RESULT_12 = /^(correct|wrong|unanticipated|neutral|-?[0-9]{0,3}(\.[0-9]{1,2})?)$/;
  var RESULT_2004 = /^(correct|incorrect|unanticipated|neutral|-?[0-9]+(\.[0-9]+)?)$/;
  var URI_2004 = /^[^\s]{1,4000}$/;
  var REAL = /^-?[0-9]+(\.[0-9]+)?$/;
  var INTERVAL_2004 =
    /^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?!$)([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]{1,2})?S)?)?$/;
  var TIMESTAMP_2004 =
    /^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,2})?)?)?(Z|[+-][0-9]{2}(:[0-9]{2})?)?)?)?)?$/;
  var COMPLETION_2004 = /^(completed|incomplete|not attempted|unknown)$/;
  var SUCCESS_2004 = /^(passed|failed|unknown)$/;
  var EXIT_2004 = /^(time-out|suspend|logout|normal|)$/;

  function choiceResponse12(v) {
    return /^[0-9a-z](,[0-9a-z])*$|^$/.test(v);
  }
  function choiceResponse2004(v) {
    if (v === "") return true;
    var parts = v.split("[,]");
    var seen = {};
    for (var i = 0; i < parts.length; i++) {
      if (!URI_2004.test(parts[i]) || seen[parts[i]]) return false;
      seen[parts[i]] = true;
    }
    return true;
  }
  function range(re, low, high) {
    return function (v) {
      return re.test(v) && Number(v) >= low && Number(v) <= high;
    };
  }
  function matches(re) {
    return function (v) {
      return re.test(v);
    };
  }
  function maxLength(n) {
    return function (v) {
      return v.length <= n;
    };
  }

  // element pattern → [access (r, w, rw), check of a written value]
  var MODEL_12 = [
    [/^cmi\.core\.student_id$/, "r"],
    [/^cmi\.core\.student_name$/, "r"],
    [/^cmi\.core\.lesson_location$/, "rw", maxLength(255)],
    [/^cmi\.core\.credit$/, "r"],
    [/^cmi\.core\.lesson_status$/, "rw", matches(STATUS_12)],
    [/^cmi\.core\.entry$/, "r"],
    [/^cmi\.core\.score\.(raw|min|max)$/, "rw", range(DECIMAL_12, 0, 100)],
    [/^cmi\.core\.total_time$/, "r"],
    [/^cmi\.core\.lesson_mode$/, "r"],
    [/^cmi\.core\.exit$/, "w", matches(EXIT_12)],
    [/^cmi\.core\.session_time$/, "w", matches(TIMESPAN_12)],
    [/^cmi\.suspend_data$/, "rw", maxLength(4096)],
    [/^cmi\.launch_data$/, "r"],
    [/^cmi\.student_data\.mastery_score$/, "r"],
    [/^cmi\.interactions\._count$/, "r"],
    [/^cmi\.interactions\.\d+\.id$/, "w", matches(IDENTIFIER_12)],
    [/^cmi\.interactions\.\d+\.type$/, "w", matches(TYPE)],
    [/^cmi\.interactions\.\d+\.student_response$/, "w", choiceResponse12],
    [/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, "w", choiceResponse12],
    [/^cmi\.interactions\.\d+\.result$/, "w", matches(RESULT_12)],
    [/^cmi\.interactions\.\d+\.time$/, "w", matches(TIME_12)],
  ];
  var MODEL_2004 = [
    [/^cmi\.learner_id$/, "r"],
    [/^cmi\.learner_name$/, "r"],
    [/^cmi\.location$/, "rw", maxLength(1000)],
    [/^cmi\.credit$/, "r"],
    [/^cmi\.mode$/, "r"],
    [/^cmi\.entry$/, "r"],
    [/^cmi\.completion_status$/, "rw", matches(COMPLETION_2004)],
    [/^cmi\.success_status$/, "rw", matches(SUCCESS_2004)],
    [/^cmi\.score\.scaled$/, "rw", range(REAL, -1, 1)],
    [/^cmi\.score\.(raw|min|max)$/, "rw", matches(REAL)],
    [/^cmi\.total_time$/, "r"],
    [/^cmi\.exit$/, "w", matches(EXIT_2004)],
    [/^cmi\.session_time$/, "w", matches(INTERVAL_2004)],
    [/^cmi\.suspend_data$/, "rw", maxLength(64000)],
    [/^cmi\.launch_data$/, "r"],
    [/^cmi\.scaled_passing_score$/, "r"],
    [/^cmi\.interactions\._count$/, "r"],
    [/^cmi\.interactions\.\d+\.id$/, "rw", matches(URI_2004)],
    [/^cmi\.interactions\.\d+\.type$/, "rw", matches(TYPE_2004)],
    [/^cmi\.interactions\.\d+\.learner_response$/, "rw", choiceResponse2004],
    [/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, "rw", choiceResponse2004],
    [/^cmi\.interactions\.\d+\.result$/, "rw", matches(RESULT_2004)],
    [/^cmi\.interactions\.\d+\.timestamp$/, "rw", matches(TIMESTAMP_2004)],
    [/^cmi\.interactions\.\d+\.description$/, "rw", maxLength(250)],
  ];

  /**
   * `start`: { data: what the LMS hands the SCO at launch (element → value), masteryScore }.
   * Returns the API object with `calls` (every call, in order), `committed` (the LMS's copy) and
   * `state` ("new", "running", "terminated").
   */
  window.createLmsApi = function (version, start) {
    var v12 = version === "1.2";
    var model = v12 ? MODEL_12 : MODEL_2004;
    var initial = JSON.parse(JSON.stringify(start.data));
    var cmi = {};
    var committed = {};
    var lastError = "0";
    var api = { calls: [], committed: committed, state: "new" };

    function reset() {
      cmi = JSON.parse(JSON.stringify(initial));
    }
    reset();
    function copyInto(target) {
      Object.keys(target).forEach(function (k) {
        delete target[k];
      });
      Object.keys(cmi).forEach(function (k) {
        target[k] = cmi[k];
      });
    }
    function find(element) {
      for (var i = 0; i < model.length; i++) if (model[i][0].test(element)) return model[i];
      return null;
    }
    function fail(code) {
      lastError = code;
      return "false";
    }
    function interactionCount() {
      var n = 0;
      while (cmi["cmi.interactions." + n + ".id"] !== undefined) n++;
      return n;
    }
    // Codes: 1.2 (101 general, 201 invalid argument, 301 not initialised, 403 read only, 404 write
    // only, 405 type mismatch); 2004 (103 already initialised, 104 after termination, 112/113 termination
    // before/after, 122/123 get before/after, 132/133 set before/after, 142/143 commit before/after,
    // 401 undefined element, 404 read only, 405 write only, 406 type mismatch, 351 general set failure).
    var E = v12
      ? { notRunning: "301", undefinedEl: "201", readOnly: "403", writeOnly: "404", type: "405" }
      : { undefinedEl: "401", readOnly: "404", writeOnly: "405", type: "406" };

    function initialize(arg) {
      api.calls.push([v12 ? "LMSInitialize" : "Initialize", arg]);
      if (api.state === "running") {
        // A second Initialize in one launch: the player starts the data model afresh and refuses.
        reset();
        if (v12) throw new Error("LMSInitialize: the SCO is already initialised");
        return fail("103");
      }
      if (api.state === "terminated") {
        if (v12) throw new Error("LMSInitialize after LMSFinish");
        return fail("104");
      }
      if (arg !== "") return fail("201");
      api.state = "running";
      lastError = "0";
      return "true";
    }
    function terminate(arg) {
      api.calls.push([v12 ? "LMSFinish" : "Terminate", arg]);
      if (api.state !== "running") return fail(v12 ? "301" : api.state === "new" ? "112" : "113");
      if (arg !== "") return fail("201");
      if (v12) applyMasteryScore();
      copyInto(committed);
      api.state = "terminated";
      lastError = "0";
      return "true";
    }
    function applyMasteryScore() {
      // Where the manifest carries a mastery score, the 1.2 LMS judges the score itself at finish.
      if (cmi["cmi.core.lesson_mode"] !== "normal" || cmi["cmi.core.credit"] !== "credit") return;
      var mastery = cmi["cmi.student_data.mastery_score"];
      var raw = cmi["cmi.core.score.raw"];
      if (!mastery || raw === undefined || raw === "") return;
      cmi["cmi.core.lesson_status"] = Number(raw) >= Number(mastery) ? "passed" : "failed";
    }
    function getValue(element) {
      api.calls.push([v12 ? "LMSGetValue" : "GetValue", element]);
      if (api.state !== "running") {
        fail(v12 ? "301" : api.state === "new" ? "122" : "123");
        return "";
      }
      if (element === "cmi.interactions._count") {
        lastError = "0";
        return String(interactionCount());
      }
      var entry = find(element);
      if (!entry) {
        fail(E.undefinedEl);
        return "";
      }
      if (entry[1] === "w") {
        fail(E.writeOnly);
        return "";
      }
      lastError = "0";
      return cmi[element] === undefined ? "" : cmi[element];
    }
    function setValue(element, value) {
      api.calls.push([v12 ? "LMSSetValue" : "SetValue", element, value]);
      if (api.state !== "running") return fail(v12 ? "301" : api.state === "new" ? "132" : "133");
      var entry = find(element);
      if (!entry) return fail(E.undefinedEl);
      if (entry[1] === "r") return fail(E.readOnly);
      if (typeof value !== "string") value = String(value);
      if (!entry[2](value)) return fail(E.type);
      var index = /^cmi\.interactions\.(\d+)\./.exec(element);
      if (index) {
        var n = Number(index[1]);
        var count = interactionCount();
        // Interactions are filled in order; an id comes first (2004 error 351; 1.2 error 201).
        if (n > count || (n === count && !/\.id$/.test(element))) return fail(v12 ? "201" : "351");
      }
      cmi[element] = value;
      lastError = "0";
      return "true";
    }
    function commit(arg) {
      api.calls.push([v12 ? "LMSCommit" : "Commit", arg]);
      if (api.state !== "running") return fail(v12 ? "301" : api.state === "new" ? "142" : "143");
      copyInto(committed);
      lastError = "0";
      return "true";
    }
    function getLastError() {
      return lastError;
    }
    function getErrorString(code) {
      return "error " + code;
    }
    if (v12) {
      api.LMSInitialize = initialize;
      api.LMSFinish = terminate;
      api.LMSGetValue = getValue;
      api.LMSSetValue = setValue;
      api.LMSCommit = commit;
      api.LMSGetLastError = getLastError;
      api.LMSGetErrorString = getErrorString;
      api.LMSGetDiagnostic = getErrorString;
    } else {
      api.Initialize = initialize;
      api.Terminate = terminate;
      api.GetValue = getValue;
      api.SetValue = setValue;
      api.Commit = commit;
      api.GetLastError = getLastError;
      api.GetErrorString = getErrorString;
      api.GetDiagnostic = getErrorString;
    }
    return api;
  };
})();
