// CARAI: small progressive enhancements. Everything works without JavaScript.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".carai-form-errors");
    if (summary) {
      summary.focus();
    }
  });

  // A server response can ask to announce a short message to screen readers
  // (HX-Trigger: {"carai:announce": {"message": "..."}}).
  document.addEventListener("carai:announce", function (event) {
    var live = document.getElementById("carai-live");
    if (live && event.detail && event.detail.message) {
      live.textContent = event.detail.message;
    }
  });

  // After htmx replaced part of the page, keep keyboard focus where the person works:
  // in a form, on the first invalid (or first) field; otherwise on the first link, so
  // that focus does not fall back to the top of the page.
  document.addEventListener("htmx:afterSettle", function (event) {
    var old = event.detail && event.detail.target;
    var swapped = (old && old.id && document.getElementById(old.id)) || event.target;
    if (!swapped || !swapped.querySelector) {
      return;
    }
    var form = swapped.querySelector("form");
    var next = form
      ? form.querySelector("[aria-invalid='true']") ||
        form.querySelector("select, input:not([type=hidden]), textarea")
      : swapped.querySelector("a[href], button");
    if (next) {
      next.focus();
    }
  });
})();
