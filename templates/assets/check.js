// Knowledge checks, enhanced: choose, check, see the feedback for your choice, try again.
// Without this script every option's feedback is still reachable through its "show answer" toggle.
(function () {
  "use strict";
  var doc = document.documentElement;
  var messages = {
    en: {
      choose: "Choose an answer first.",
      right: "Right. Read the feedback under your answer.",
      wrong: "Not quite. Read the feedback under your answer, then try again.",
    },
    "zh-CN": {
      choose: "请先选择一个答案。",
      right: "回答正确。请阅读所选答案下方的解析。",
      wrong: "还不完全对。请阅读所选答案下方的解析，然后再试一次。",
    },
  };
  function text(key) {
    var lang = doc.lang in messages ? doc.lang : "en";
    return messages[lang][key];
  }
  function setup(section) {
    var actions = section.querySelector("[data-enhance]");
    var checkButton = section.querySelector('[data-action="check"]');
    var retryButton = section.querySelector('[data-action="retry"]');
    var result = section.querySelector("[data-result]");
    var options = Array.prototype.slice.call(section.querySelectorAll(".check__option"));
    var feedback = options.map(function (o) {
      return o.querySelector(".check__feedback");
    });
    feedback.forEach(function (d) {
      d.hidden = true;
    });
    actions.hidden = false;

    checkButton.addEventListener("click", function () {
      var chosen = options.filter(function (o) {
        return o.querySelector("input").checked;
      });
      if (!chosen.length) {
        result.textContent = text("choose");
        return;
      }
      var allRight = options.every(function (o) {
        return (o.getAttribute("data-correct") === "true") === o.querySelector("input").checked;
      });
      chosen.forEach(function (o) {
        var d = o.querySelector(".check__feedback");
        d.hidden = false;
        d.open = true;
      });
      options.forEach(function (o) {
        o.querySelector("input").disabled = true;
      });
      section.classList.add(allRight ? "is-right" : "is-wrong");
      result.textContent = text(allRight ? "right" : "wrong");
      checkButton.hidden = true;
      retryButton.hidden = false;
      retryButton.focus();
    });

    retryButton.addEventListener("click", function () {
      options.forEach(function (o) {
        var input = o.querySelector("input");
        input.disabled = false;
        input.checked = false;
      });
      feedback.forEach(function (d) {
        d.hidden = true;
        d.open = false;
      });
      section.classList.remove("is-right", "is-wrong");
      result.textContent = "";
      retryButton.hidden = true;
      checkButton.hidden = false;
      options[0].querySelector("input").focus();
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-check]"), setup);
})();
