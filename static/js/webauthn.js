/* Passkeys and security keys (WebAuthn) for two-step verification: add a key on
   /account/tweestapsverificatie/, use one on /account/tweede-stap/. The options come from the
   server as JSON in the page; the browser's answer goes back as JSON. */
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  function say(button, text) {
    var out = document.getElementById(button.dataset.status);
    if (out) {
      out.textContent = text;
    }
  }

  async function send(url, body) {
    var response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    });
    var data = await response.json();
    return { ok: response.ok, data: data };
  }

  function options(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent).publicKey : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var add = document.querySelector("[data-webauthn-register]");
    if (add && window.PublicKeyCredential) {
      add.addEventListener("click", async function () {
        try {
          var credential = await navigator.credentials.create({
            publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(
              options("webauthn-register-options")
            ),
          });
          var name = document.getElementById("webauthn-name").value;
          var result = await send(add.dataset.url, { name: name, credential: credential.toJSON() });
          if (result.ok) {
            window.location.reload();
          } else {
            say(add, result.data.error || add.dataset.failed);
          }
        } catch (error) {
          say(add, add.dataset.failed);
        }
      });
    }
    var use = document.querySelector("[data-webauthn-authenticate]");
    if (use && window.PublicKeyCredential) {
      use.addEventListener("click", async function () {
        try {
          var credential = await navigator.credentials.get({
            publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(
              options("webauthn-auth-options")
            ),
          });
          var result = await send(use.dataset.url, {
            next: use.dataset.next,
            credential: credential.toJSON(),
          });
          if (result.ok && result.data.redirect) {
            window.location.assign(result.data.redirect);
          } else {
            say(use, result.data.error || use.dataset.failed);
          }
        } catch (error) {
          say(use, use.dataset.failed);
        }
      });
    }
  });
})();
