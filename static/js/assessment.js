// The self-assessment pages: answers are saved as they are typed (htmx attributes in the templates);
// this file only covers what attributes cannot: a fresh CSRF token, refusals and failures shown beside
// the field, the invalid state for assistive technology, and the print button.
(function () {
  "use strict";

  function csrfCookie() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  // Signing in again (in another tab, after the session ended) rotates the token; use the current one.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfCookie();
    if (token) {
      event.detail.headers["X-CSRFToken"] = token;
    }
  });

  // 401 (signed out) and 409 (answers frozen) carry a message meant for the page: swap it in.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 401 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A network failure or a server error: what was typed stays in the field, and the page says it was not saved.
  function showFailure(event) {
    var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form[data-save-failed]");
    if (!form) {
      return;
    }
    var status = form.querySelector(".answer-status");
    var message = document.createElement("p");
    message.className = "errorlist";
    message.textContent = form.getAttribute("data-save-failed");
    status.replaceChildren(message);
  }
  document.addEventListener("htmx:sendError", showFailure);
  document.addEventListener("htmx:responseError", showFailure);
  document.addEventListener("htmx:timeout", showFailure);

  // The value field is marked invalid while its status shows an error.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target.classList || !target.classList.contains("answer-status")) {
      return;
    }
    var invalid = target.querySelector(".errorlist") !== null;
    target.closest("form").querySelectorAll("[name=value]").forEach(function (input) {
      if (invalid) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) {
      window.print();
    }
  });
})();
