// Interface text for the page's scripts: the messages the page embeds in its language
// (templates/partials/script-messages.njk), with `{name}` placeholders filled in. Loaded before the
// scripts that use it (window.CourseText); a classic script so pages also work from a folder.
(function (root) {
  "use strict";
  /** @type {Messages | null} */
  var cache = null;

  /**
   * The page's messages by key (none when the page embeds none, or embeds something unreadable).
   * @returns {Messages}
   */
  function messages() {
    if (cache) return cache;
    var node = root.document && root.document.getElementById("ui-messages");
    var parsed = null;
    try {
      parsed = node ? JSON.parse(node.textContent || "null") : null;
    } catch (e) {
      parsed = null;
    }
    cache = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
    return /** @type {Messages} */ (cache);
  }

  /**
   * Fills `{name}` placeholders from `values`. As in the engine's formatMessage
   * (src/text/format-message.ts), a name without a value stays as written, so a mistyped
   * placeholder in a course's own text shows instead of vanishing.
   * @param {string} template
   * @param {MessageValues} [values]
   * @returns {string}
   */
  function fill(template, values) {
    var given = values || {};
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(given, name) ? String(given[name]) : whole;
    });
  }

  /**
   * The message `key`, filled; a key the page lacks shows as itself (as the engine's uiFor does).
   * @param {string} key
   * @param {MessageValues} [values]
   * @returns {string}
   */
  function text(key, values) {
    var template = messages()[key];
    return fill(template === undefined ? key : template, values);
  }

  root.CourseText = { messages: messages, fill: fill, text: text };
})(/** @type {Window & typeof globalThis} */ (typeof window !== "undefined" ? window : globalThis));
