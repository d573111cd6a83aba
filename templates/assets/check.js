// Knowledge checks, enhanced: choose, check, read the verdict and the explanation, try again.
// Without this script every option's feedback is still reachable through its "show answer" toggle.
// After checking, the result (verdict and explanation, also announced by its live region) takes the
// focus; it sits after the options and before the buttons, so focus follows the reading order.
(function () {
  "use strict";
  var text = window.CourseText.text;

  /**
   * An option's explanation: its feedback after the toggle and the verdict ("Correct.").
   * @param {Element} option
   */
  function explanationOf(option) {
    var parts = option.querySelectorAll(".check__feedback > :not(summary)");
    return Array.from(parts)
      .slice(1)
      .map(function (part) {
        return part.textContent;
      })
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
  }

  /**
   * The option's answer input (each option has one; a stand-in keeps a broken page from failing).
   * @param {Element} option
   * @returns {HTMLInputElement}
   */
  function input(option) {
    return option.querySelector("input") || document.createElement("input");
  }

  /** @param {Element} section */
  function setup(section) {
    /** @type {HTMLElement | null} */
    var actions = section.querySelector("[data-enhance]");
    /** @type {HTMLButtonElement | null} */
    var checkButton = section.querySelector('[data-action="check"]');
    /** @type {HTMLButtonElement | null} */
    var retryButton = section.querySelector('[data-action="retry"]');
    /** @type {HTMLElement | null} */
    var result = section.querySelector("[data-result]");
    var options = Array.from(section.querySelectorAll(".check__option"));
    /** @type {HTMLDetailsElement[]} */
    var feedback = [];
    options.forEach(function (o) {
      var d = o.querySelector("details.check__feedback");
      if (d instanceof HTMLDetailsElement) feedback.push(d);
    });
    if (!actions || !checkButton || !retryButton || !result || !options.length) return;
    var check = checkButton;
    var retry = retryButton;
    var resultNode = result;
    feedback.forEach(function (d) {
      d.hidden = true;
    });
    actions.hidden = false;

    check.addEventListener("click", function () {
      var chosen = options.filter(function (o) {
        return input(o).checked;
      });
      if (!chosen.length) {
        resultNode.textContent = text("check.chooseFirst");
        return;
      }
      var allRight = options.every(function (o) {
        return (o.getAttribute("data-correct") === "true") === input(o).checked;
      });
      chosen.forEach(function (o) {
        var d = o.querySelector("details.check__feedback");
        if (d instanceof HTMLDetailsElement) {
          d.hidden = false;
          d.open = true;
        }
        o.classList.add("is-chosen");
      });
      options.forEach(function (o) {
        input(o).disabled = true;
      });
      section.classList.add("is-checked", allRight ? "is-right" : "is-wrong");
      var words = [text(allRight ? "checkResult.right" : "checkResult.wrong")];
      chosen.forEach(function (o) {
        words.push(explanationOf(o));
      });
      if (!allRight) words.push(text("checkResult.tryAgain"));
      resultNode.textContent = words.join(" ");
      check.hidden = true;
      retry.hidden = false;
      resultNode.focus();
      // Other scripts (the SCORM runtime in LMS packages) learn of the answer from this event.
      section.dispatchEvent(
        new CustomEvent("check:answered", {
          bubbles: true,
          detail: { chosen: chosen.map(input), right: allRight },
        }),
      );
    });

    retry.addEventListener("click", function () {
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
      resultNode.textContent = "";
      retry.hidden = true;
      check.hidden = false;
      if (options[0]) input(options[0]).focus();
    });
  }
  document.querySelectorAll("[data-check]").forEach(setup);
})();
