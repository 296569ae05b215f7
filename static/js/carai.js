// CARAI: small progressive enhancements. Everything works without JavaScript.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".carai-form-errors");
    if (summary) {
      summary.focus();
    }
  });

  // Study level and programme only matter for students: show them only when the role
  // select says "student". Without JavaScript they stay visible (labelled "students only").
  function syncStudyFields(root) {
    var selects = (root || document).querySelectorAll("select[name='role']");
    Array.prototype.forEach.call(selects, function (select) {
      var form = select.form;
      if (!form) {
        return;
      }
      var isStudent = select.value === "student";
      ["student_level", "programme"].forEach(function (name) {
        var input = form.elements.namedItem(name);
        var field = input && input.closest ? input.closest(".utrecht-form-field") : null;
        if (field) {
          field.hidden = !isStudent && !input.getAttribute("aria-invalid");
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    syncStudyFields(document);
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.name === "role") {
      syncStudyFields(event.target.form);
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    syncStudyFields(event.target && event.target.parentNode ? event.target.parentNode : document);
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
    if (swapped.hasAttribute && swapped.hasAttribute("data-carai-keep-focus")) {
      return; // a preview: focus stays on the button that asked for it
    }
    var marked = swapped.querySelector("[data-carai-focus]");
    if (marked) {
      marked.focus();
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

// Forms that remove or end something ask first: <form data-carai-confirm="Question?">.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute("data-carai-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();

// A button that copies the text of another element: data-carai-copy="<element id>".
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest && event.target.closest("[data-carai-copy]");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-carai-copy"));
    if (!source) {
      return;
    }
    var done = function () {
      var live = document.getElementById("carai-live");
      if (live) {
        live.textContent = button.getAttribute("data-carai-copied") || "";
      }
      // Seen: a tick on the button for a moment (heard: the live region above).
      button.setAttribute("data-carai-copy-done", "");
      window.setTimeout(function () {
        button.removeAttribute("data-carai-copy-done");
        if (live) {
          live.textContent = "";
        }
      }, 4000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value || source.textContent).then(done);
    } else {
      source.focus();
      source.select();
      document.execCommand("copy");
      done();
    }
  });
})();

// The main menu on a phone: a button (aria-expanded) opens and closes it; Escape closes it
// and gives focus back to the button. Without JavaScript the menu stays open (the CSS only
// hides it once this script marked the menu "ready").
(function () {
  "use strict";
  function setUp() {
    var nav = document.querySelector("[data-carai-menu]");
    var button = nav && nav.querySelector(".carai-nav__toggle");
    if (!button) {
      return;
    }
    button.setAttribute("aria-expanded", "false");
    nav.setAttribute("data-carai-menu", "ready");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", open ? "false" : "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

// A text box with a maximum length shows how much of it is used:
// <textarea maxlength="5000" data-carai-count="{count} of {max} characters used">.
// The count is part of the box's description; reaching the limit is also announced.
(function () {
  "use strict";
  function setUp(box) {
    var max = parseInt(box.getAttribute("maxlength"), 10);
    var pattern = box.getAttribute("data-carai-count");
    if (!max || !pattern || box.getAttribute("data-carai-count-ready")) {
      return;
    }
    box.setAttribute("data-carai-count-ready", "");
    var count = document.createElement("p");
    count.className = "carai-count";
    count.id = box.id + "_count";
    box.insertAdjacentElement("afterend", count);
    var described = box.getAttribute("aria-describedby");
    box.setAttribute("aria-describedby", (described ? described + " " : "") + count.id);
    var wasFull = false;
    // Numbers as the page's language writes them (5.000 in Dutch), like the help text.
    var language = document.documentElement.lang || undefined;
    function update() {
      var used = box.value.length;
      count.textContent = pattern
        .replace("{count}", used.toLocaleString(language))
        .replace("{max}", max.toLocaleString(language));
      count.classList.toggle("carai-count--full", used >= max);
      var live = document.getElementById("carai-live");
      if (used >= max && !wasFull && live) {
        live.textContent = count.textContent;
      }
      wasFull = used >= max;
    }
    box.addEventListener("input", update);
    update();
  }
  function setUpAll(root) {
    Array.prototype.forEach.call(
      (root || document).querySelectorAll("textarea[data-carai-count]"),
      setUp
    );
  }
  document.addEventListener("DOMContentLoaded", function () {
    setUpAll(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    setUpAll(event.target && event.target.parentNode ? event.target.parentNode : document);
  });
})();

// A page that hands an answer on to CARAI itself (the SAML sign-in): send its form at once.
// Without JavaScript the person presses the form's button.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-carai-autosubmit]");
    if (form) {
      form.submit();
    }
  });
})();
