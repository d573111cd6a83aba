// The projector view, enhanced: one slide at a time, filling the screen at 16:9. Arrow keys, Page
// Up/Down (what presentation clickers send), space, Home and End move between slides; an activity's
// slide offers a countdown of its minutes. Without this script the slides are one readable page.
(function () {
  "use strict";
  var text = window.CourseText.text;
  /** @type {HTMLElement | null} */
  var deck = document.querySelector("[data-deck]");
  if (!deck) return;
  /** @type {HTMLElement[]} */
  var slides = Array.from(deck.querySelectorAll("[data-slide]"));
  /** @type {HTMLElement | null} */
  var bar = deck.querySelector("[data-deck-bar]");
  var counter = deck.querySelector("[data-counter]");
  /** @type {HTMLButtonElement | null} */
  var timerButton = deck.querySelector("[data-timer]");
  var clock = deck.querySelector("[data-clock]");
  if (!slides.length || !bar || !counter || !timerButton || !clock) return;
  var deckBar = bar;
  var counterNode = counter;
  var timer = timerButton;
  var clockNode = clock;
  var current = 0;
  /** @type {ReturnType<typeof setInterval> | null} */
  var countdown = null;
  /** @type {string | null} */
  var timerGroup = null;

  /**
   * Long slides get smaller type, so every slide fits its 16:9 box on screen and on paper.
   * @param {HTMLElement} slide
   */
  function fit(slide) {
    var inner = slide.querySelector(".slide__inner");
    if (!inner) return;
    var scale = 1;
    slide.style.setProperty("--fit", "1");
    while (inner.scrollHeight > inner.clientHeight + 1 && scale > 0.45) {
      scale -= 0.05;
      slide.style.setProperty("--fit", scale.toFixed(2));
    }
  }

  function stopTimer() {
    if (countdown) clearInterval(countdown);
    countdown = null;
    timerGroup = null;
    clockNode.textContent = "";
  }

  /**
   * @param {number} index
   * @param {boolean} focus
   */
  function show(index, focus) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (s, i) {
      s.classList.toggle("slide--current", i === current);
    });
    var slide = slides[current];
    if (!slide) return;
    counterNode.textContent = text("slides.slideLabel", { n: current + 1, total: slides.length });
    var minutes = Number(slide.getAttribute("data-minutes")) || 0;
    // A running timer keeps going across the slides of one activity (a long one takes two).
    var group = slide.getAttribute("data-group");
    if (group !== timerGroup) stopTimer();
    timer.hidden = !minutes;
    timer.textContent = minutes ? text("slides.startTimer", { n: minutes }) : "";
    timer.setAttribute("data-minutes", String(minutes));
    if (history.replaceState) history.replaceState(null, "", "#" + slide.id);
    if (focus) slide.focus({ preventScroll: true });
  }

  function startTimer() {
    var left = Number(timer.getAttribute("data-minutes")) * 60;
    var slide = slides[current];
    stopTimer();
    timerGroup = slide ? slide.getAttribute("data-group") : null;
    var tick = function () {
      var m = Math.floor(left / 60);
      var s = left % 60;
      clockNode.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left === 0) {
        if (countdown) clearInterval(countdown);
        countdown = null;
        clockNode.textContent = text("slides.timeUp");
      }
      left -= 1;
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  deck.classList.add("deck--measuring");
  slides.forEach(fit);
  deck.classList.remove("deck--measuring");
  document.documentElement.classList.add("slides-enhanced");
  slides.forEach(function (s) {
    s.setAttribute("tabindex", "-1");
  });
  deckBar.hidden = false;
  var start = slides.findIndex(function (s) {
    return "#" + s.id === location.hash;
  });
  show(start === -1 ? 0 : start, false);
  deck.scrollIntoView();

  deckBar.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("button") : null;
    if (!target) return;
    if (target === timer) startTimer();
    else show(current + Number(target.getAttribute("data-go")), false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = event.target instanceof Element ? event.target.tagName : undefined;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    var onControl = tag === "BUTTON" || tag === "A";
    var step = {
      ArrowRight: 1,
      ArrowDown: 1,
      PageDown: 1,
      " ": onControl ? 0 : 1,
      ArrowLeft: -1,
      ArrowUp: -1,
      PageUp: -1,
    }[event.key];
    if (event.key === "Home") step = -slides.length;
    if (event.key === "End") step = slides.length;
    if (!step) return;
    event.preventDefault();
    show(current + step, !onControl);
  });
})();
