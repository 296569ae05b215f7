// AI sandbox: the stop button of a streaming answer. Without JavaScript the page still
// streams and ends with the checks; with it, "Stop" stops loading and sends what came so
// far to be checked.
(function () {
  "use strict";
  function ready() {
    var button = document.getElementById("sandbox-stop");
    var form = document.getElementById("sandbox-stop-form");
    var answer = document.getElementById("sandbox-answer");
    if (!button || !form || !answer) { return; }
    button.hidden = false;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      window.stop();
      document.getElementById("sandbox-stop-answer").value = answer.textContent;
      form.submit();
    });
  }
  // This script sits at the start of the streaming answer: the button is already there.
  ready();
  // Hide the button once the whole page (and so the checks) arrived.
  window.addEventListener("load", function () {
    var button = document.getElementById("sandbox-stop");
    if (button) { button.hidden = true; }
    var answer = document.getElementById("sandbox-answer");
    if (answer) { answer.setAttribute("aria-busy", "false"); }
  });
})();
