// CARAI: small progressive enhancements. Everything works without JavaScript.
(function () {
  "use strict";
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector(".carai-form-errors");
    if (summary) {
      summary.focus();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    focusErrorSummary(document);
  });
  // After htmx swaps in a form with errors, move focus to the first invalid field.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) {
      return;
    }
    var invalid = target.querySelector("[aria-invalid='true']");
    var first = invalid || target.querySelector("select, input:not([type=hidden]), textarea");
    if (first) {
      first.focus();
    }
  });
})();
