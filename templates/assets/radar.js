// A radar (spider) chart of self-assessed levels, drawn as inline SVG with no library.
// Pure functions, so the geometry is unit-tested in Node; a classic script so it also works from a folder.
(function (root) {
  "use strict";
  var WIDTH = 640;
  var HEIGHT = 500;
  var RADIUS = 170;
  var LABEL_GAP = 14;

  /** @param {unknown} value */
  function escapeXml(value) {
    return String(value).replace(/[&<>"']/g, function (ch) {
      return "&#" + ch.charCodeAt(0) + ";";
    });
  }
  /** @param {number} n */
  function round(n) {
    return Math.round(n * 10) / 10;
  }

  /**
   * Where axis `i` of `count` points: the first straight up, then clockwise.
   * @param {number} i
   * @param {number} count
   */
  function axisAngle(i, count) {
    return -Math.PI / 2 + (2 * Math.PI * i) / count;
  }

  /**
   * The point on axis `i` for level `levelIndex` (0 = lowest) of a scale with `levels` levels.
   * @param {number} i
   * @param {number} count
   * @param {number} levelIndex
   * @param {number} levels
   * @param {number} [radius]
   * @returns {RadarPoint}
   */
  function pointFor(i, count, levelIndex, levels, radius) {
    var r = ((radius || RADIUS) * (levelIndex + 1)) / levels;
    var a = axisAngle(i, count);
    return { x: round(WIDTH / 2 + r * Math.cos(a)), y: round(HEIGHT / 2 + r * Math.sin(a)) };
  }

  /**
   * Axes, level rings and label positions for `count` competencies on a scale of `levels` levels.
   * `radius` (default RADIUS) is smaller on phones, to leave room for larger labels.
   * @param {number} count
   * @param {number} levels
   * @param {number} [radius]
   * @returns {RadarGeometry}
   */
  function geometry(count, levels, radius) {
    var r = radius || RADIUS;
    /** @type {RadarGeometry["axes"]} */
    var axes = [];
    for (var i = 0; i < count; i++) {
      var a = axisAngle(i, count);
      var cos = Math.cos(a);
      axes.push({
        end: pointFor(i, count, levels - 1, levels, r),
        label: {
          x: round(WIDTH / 2 + (r + LABEL_GAP) * cos),
          y: round(HEIGHT / 2 + (r + LABEL_GAP) * Math.sin(a)),
          anchor: cos > 0.3 ? "start" : cos < -0.3 ? "end" : "middle",
        },
      });
    }
    var rings = [];
    for (var l = 0; l < levels; l++) rings.push(round((r * (l + 1)) / levels));
    return {
      width: WIDTH,
      height: HEIGHT,
      centre: { x: WIDTH / 2, y: HEIGHT / 2 },
      axes: axes,
      rings: rings,
    };
  }

  /**
   * Splits a long label into lines of about `width` characters at spaces (CJK text stays whole).
   * @param {string} label
   * @param {number} width
   */
  function wrap(label, width) {
    var words = String(label).split(" ");
    var lines = [""];
    words.forEach(function (w) {
      var last = lines[lines.length - 1] || "";
      if (last && (last + " " + w).length > width) lines.push(w);
      else lines[lines.length - 1] = last ? last + " " + w : w;
    });
    return lines;
  }

  /**
   * The corners of one series' shape, one per axis.
   * @param {RadarSeries["values"]} values
   * @param {number} count
   * @param {number} levels
   * @param {number} [radius]
   * @returns {RadarPoint[]}
   */
  function polygonPoints(values, count, levels, radius) {
    return values.map(function (v, i) {
      // An unassessed competency sits at the centre.
      return v === null || v === undefined
        ? { x: WIDTH / 2, y: HEIGHT / 2 }
        : pointFor(i, count, v, levels, radius);
    });
  }

  /**
   * @param {RadarSeries["values"]} values
   * @param {number} count
   * @param {number} levels
   * @param {string} cls
   * @param {number} radius
   */
  function polygon(values, count, levels, cls, radius) {
    var points = polygonPoints(values, count, levels, radius).map(function (p) {
      return p.x + "," + p.y;
    });
    return '<polygon class="' + cls + '" points="' + points.join(" ") + '"/>';
  }

  /**
   * The chart as SVG. `series` is a list of { name, values, className } where values holds one level
   * index (or null) per label. Text equivalents live in the table beside it.
   * @param {RadarOptions} options
   */
  function svg(options) {
    // `labelSize` is the label font size in chart units: the page passes a larger one when the chart
    // is drawn small (a phone), so labels stay at least 12 px on screen; the radius shrinks to match.
    // With `numbered`, axes are labelled 1, 2, 3… (the page lists the names), keeping the full radius.
    var size = options.labelSize || 13;
    var radius = size > 13 && !options.numbered ? Math.max(90, RADIUS - (size - 13) * 6) : RADIUS;
    var lineHeight = Math.round(size * 1.2);
    var wrapAt = Math.max(8, Math.round(((WIDTH / 2 - radius - LABEL_GAP) / (size * 0.55)) * 0.95));
    var g = geometry(options.labels.length, options.levels.length, radius);
    var out = [];
    out.push(
      '<svg class="radar" viewBox="0 0 ' +
        g.width +
        " " +
        g.height +
        '" role="img" aria-labelledby="radar-title radar-desc" xmlns="http://www.w3.org/2000/svg">',
    );
    out.push(
      '<title id="radar-title">' +
        escapeXml(options.title) +
        '</title><desc id="radar-desc">' +
        escapeXml(options.description) +
        "</desc>",
    );
    g.rings.forEach(function (r) {
      out.push(
        '<circle class="radar__ring" cx="' +
          g.centre.x +
          '" cy="' +
          g.centre.y +
          '" r="' +
          r +
          '"/>',
      );
    });
    g.axes.forEach(function (axis, i) {
      out.push(
        '<line class="radar__axis" x1="' +
          g.centre.x +
          '" y1="' +
          g.centre.y +
          '" x2="' +
          axis.end.x +
          '" y2="' +
          axis.end.y +
          '"/>',
      );
      var lines = options.numbered ? [String(i + 1)] : wrap(options.labels[i] || "", wrapAt);
      var dy =
        axis.label.y < g.centre.y - 1
          ? -(lines.length - 1) * lineHeight
          : axis.label.y > g.centre.y + 1
            ? size
            : -((lines.length - 1) * lineHeight) / 2 + size / 3;
      out.push(
        '<text class="radar__label" x="' +
          axis.label.x +
          '" y="' +
          round(axis.label.y + dy) +
          '" text-anchor="' +
          axis.label.anchor +
          '" font-size="' +
          size +
          '">',
      );
      lines.forEach(function (line, k) {
        out.push(
          '<tspan x="' +
            axis.label.x +
            '" dy="' +
            (k === 0 ? 0 : lineHeight) +
            '">' +
            escapeXml(line) +
            "</tspan>",
        );
      });
      out.push("</text>");
    });
    options.series.forEach(function (s) {
      out.push(
        polygon(s.values, options.labels.length, options.levels.length, s.className, radius),
      );
    });
    // Level names on the rings, drawn last with a halo so no shape hides them, in the gap just left
    // of the top axis (the shapes' corners sit on the axes).
    g.rings.forEach(function (r, l) {
      var angle = -Math.PI / 2 - Math.PI / Math.max(6, options.labels.length * 2);
      out.push(
        '<text class="radar__level" text-anchor="end" font-size="' +
          round(size * 0.92) +
          '" x="' +
          round(g.centre.x + r * Math.cos(angle) - 3) +
          '" y="' +
          round(g.centre.y + r * Math.sin(angle) - 3) +
          '">' +
          escapeXml(options.levels[l]) +
          "</text>",
      );
    });
    out.push("</svg>");
    return out.join("");
  }

  root.RadarChart = {
    geometry: geometry,
    pointFor: pointFor,
    axisAngle: axisAngle,
    wrap: wrap,
    polygonPoints: polygonPoints,
    svg: svg,
    RADIUS: RADIUS,
  };
})(/** @type {Window & typeof globalThis} */ (typeof window !== "undefined" ? window : globalThis));
