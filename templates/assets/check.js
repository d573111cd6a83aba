// Knowledge checks, enhanced: choose, check, read the verdict and the explanation, try again.
// Without this script every option's feedback is still reachable through its "show answer" toggle.
// After checking, the result (verdict and explanation, also announced by its live region) takes the
// focus; it sits after the options and before the buttons, so focus follows the reading order.
(function () {
  "use strict";
  var node = document.getElementById("ui-messages");
  var t = node ? JSON.parse(node.textContent) : {};

  // An option's explanation: its feedback after the toggle and the verdict ("Correct.").
  function explanationOf(option) {
    var parts = option.querySelectorAll(".check__feedback > :not(summary)");
    return Array.prototype.slice
      .call(parts, 1)
      .map(function (part) {
        return part.textContent;
      })
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
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
        o.classList.add("is-chosen");
      });
      options.forEach(function (o) {
        input(o).disabled = true;
      });
      section.classList.add("is-checked", allRight ? "is-right" : "is-wrong");
      var words = [t[allRight ? "checkResult.right" : "checkResult.wrong"]];
      chosen.forEach(function (o) {
        words.push(explanationOf(o));
      });
      if (!allRight) words.push(t["checkResult.tryAgain"]);
      result.textContent = words.join(" ");
      checkButton.hidden = true;
      retryButton.hidden = false;
      result.focus();
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
        o.classList.remove("is-chosen");
      });
      feedback.forEach(function (d) {
        d.hidden = true;
        d.open = false;
      });
      section.classList.remove("is-checked", "is-right", "is-wrong");
      result.textContent = "";
      retryButton.hidden = true;
      checkButton.hidden = false;
      input(options[0]).focus();
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-check]"), setup);
})();
