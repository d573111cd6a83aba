// Knowledge checks, enhanced: choose, check, see the feedback for your choice, try again.
// Without this script every option's feedback is still reachable through its "show answer" toggle.
(function () {
  "use strict";
  var node = document.getElementById("ui-messages");
  var t = node ? JSON.parse(node.textContent) : {};

  function setup(section) {
    var actions = section.querySelector("[data-enhance]");
    var checkButton = section.querySelector('[data-action="check"]');
    var retryButton = section.querySelector('[data-action="retry"]');
    var result = section.querySelector("[data-result]");
    var options = Array.prototype.slice.call(section.querySelectorAll(".check__option"));
    var feedback = options.map(function (o) {
      return o.querySelector(".check__feedback");
    });
    var input = function (o) {
      return o.querySelector("input");
    };
    feedback.forEach(function (d) {
      d.hidden = true;
    });
    actions.hidden = false;

    checkButton.addEventListener("click", function () {
      var chosen = options.filter(function (o) {
        return input(o).checked;
      });
      if (!chosen.length) {
        result.textContent = t["check.chooseFirst"];
        return;
      }
      var allRight = options.every(function (o) {
        return (o.getAttribute("data-correct") === "true") === input(o).checked;
      });
      chosen.forEach(function (o) {
        var d = o.querySelector(".check__feedback");
        d.hidden = false;
        d.open = true;
      });
      options.forEach(function (o) {
        input(o).disabled = true;
      });
      section.classList.add(allRight ? "is-right" : "is-wrong");
      result.textContent = t[allRight ? "check.resultRight" : "check.resultWrong"];
      checkButton.hidden = true;
      retryButton.hidden = false;
      retryButton.focus();
      // Other scripts (the SCORM runtime in LMS packages) learn of the answer from this event.
      section.dispatchEvent(
        new CustomEvent("check:answered", {
          bubbles: true,
          detail: { chosen: chosen.map(input), right: allRight },
        }),
      );
    });

    retryButton.addEventListener("click", function () {
      options.forEach(function (o) {
        input(o).disabled = false;
        input(o).checked = false;
      });
      feedback.forEach(function (d) {
        d.hidden = true;
        d.open = false;
      });
      section.classList.remove("is-right", "is-wrong");
      result.textContent = "";
      retryButton.hidden = true;
      checkButton.hidden = false;
      input(options[0]).focus();
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-check]"), setup);
})();
