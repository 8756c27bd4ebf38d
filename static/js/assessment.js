// The self-assessment pages: answers are saved as they are typed (htmx attributes in the templates);
// this file covers what attributes cannot: a fresh CSRF token, refusals shown beside the field, an
// honest save state with retries, the invalid state for assistive technology, and the print button.
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

  // --- Autosave: say what happened, retry what failed, never pass an older value off as saved ---
  //
  // Each answer form is in one of these states, shown in its .save-state line:
  //   dirty     typed since the last save: "Not saved yet"; the last rating and "Saved" are dimmed
  //   saving    a request is under way: "Saving…"
  //   done      the server stored the value; its rating and "Saved" are beside the field
  //   refused   the server refused the value and says why beside the field (nothing was stored)
  //   retrying  the connection or the server failed: "Not saved, retrying in N s…"
  //   failed    every retry failed: "Not saved: <reason>", until the next change or Save
  // A retry sends what the fields hold at that moment, so a later value is never overwritten by an
  // earlier one; htmx sends one request per form at a time (hx-sync) and keeps only the last waiting.

  var RETRY_SECONDS = [1, 2, 4, 8, 16];
  var FALLBACK_TEXTS = {
    unsaved: "Not saved yet.",
    saving: "Saving…",
    retrying: "Not saved (%(reason)s), retrying in %(seconds)s s…",
    failed: "Not saved: %(reason)s. What you typed is still here; change it or press Save to try again.",
    reasonNetwork: "the connection failed",
    reasonTimeout: "the server did not answer in time",
    reasonServer: "the server answered with error %(status)s",
    reasonRefused: "the server refused it (error %(status)s)",
  };

  function text(name, params) {
    var holder = document.getElementById("autosave-texts");
    var template = (holder && holder.dataset[name]) || FALLBACK_TEXTS[name];
    return template.replace(/%\((\w+)\)s/g, function (_match, key) {
      return params && key in params ? params[key] : "";
    });
  }

  function autosaveForm(element) {
    return element && element.closest ? element.closest("form[data-autosave]") : null;
  }

  function snapshot(form) {
    var values = [];
    form.querySelectorAll("[name=value], [name=comment]").forEach(function (field) {
      if ((field.type !== "radio" && field.type !== "checkbox") || field.checked) {
        values.push(field.name + "=" + field.value);
      }
    });
    return values.join("&");
  }

  function show(form, state, message) {
    form.dataset.saveState = state;
    var line = form.querySelector(".save-state");
    if (line) {
      line.textContent = message || "";
      line.classList.toggle("is-failed", state === "failed" || state === "retrying");
    }
    // The rating and "Saved" beside the field belong to the last value the server stored: while the
    // field holds something else, they are dimmed and "Saved" is hidden.
    var status = form.querySelector(".answer-status");
    if (status) {
      status.classList.toggle("is-stale", state !== "done" && state !== "refused");
    }
  }

  function cancelRetry(form) {
    if (form._retryTimer) {
      window.clearTimeout(form._retryTimer);
      form._retryTimer = null;
    }
  }

  function failed(form, reason, retry) {
    var attempt = form._attempt || 0;
    if (retry && attempt < RETRY_SECONDS.length) {
      var seconds = RETRY_SECONDS[attempt];
      form._attempt = attempt + 1;
      show(form, "retrying", text("retrying", { reason: reason, seconds: seconds }));
      cancelRetry(form);
      form._retryTimer = window.setTimeout(function () {
        form._retryTimer = null;
        htmx.trigger(form, "submit");
      }, seconds * 1000);
    } else {
      show(form, "failed", text("failed", { reason: reason }));
    }
  }

  document.addEventListener("input", function (event) {
    var form = autosaveForm(event.target);
    if (form && form.dataset.saveState !== "saving") {
      show(form, "dirty", text("unsaved"));
    }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = autosaveForm(event.detail.elt);
    if (form) {
      cancelRetry(form);
      form._sent = snapshot(form);
      show(form, "saving", text("saving"));
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = autosaveForm(event.detail.elt);
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var answered = (status >= 200 && status < 300) || status === 401 || status === 409;
    if (!form || !answered) {
      return; // failures are handled below, by their own events
    }
    form._attempt = 0;
    if (snapshot(form) === form._sent) {
      var refused = status !== 200 || event.detail.xhr.responseText.indexOf('class="errorlist"') !== -1;
      show(form, refused ? "refused" : "done", "");
    } else {
      // Typed while the request was under way: that newer value is sent next (or is waiting to be).
      show(form, "dirty", text("unsaved"));
    }
  });

  document.addEventListener("htmx:sendError", function (event) {
    var form = autosaveForm(event.detail.elt);
    if (form) {
      failed(form, text("reasonNetwork"), true);
    }
  });

  document.addEventListener("htmx:timeout", function (event) {
    var form = autosaveForm(event.detail.elt);
    if (form) {
      failed(form, text("reasonTimeout"), true);
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var form = autosaveForm(event.detail.elt);
    var status = event.detail.xhr.status;
    if (!form) {
      return;
    }
    if (status >= 500) {
      failed(form, text("reasonServer", { status: status }), true);
    } else {
      failed(form, text("reasonRefused", { status: status }), false); // another try would be refused too
    }
  });

  // Back online: forms waiting for a retry try at once.
  window.addEventListener("online", function () {
    document.querySelectorAll("form[data-autosave][data-save-state=retrying]").forEach(function (form) {
      cancelRetry(form);
      htmx.trigger(form, "submit");
    });
  });

  // Leaving the page while an answer is not saved asks first.
  window.addEventListener("beforeunload", function (event) {
    var pending = Array.prototype.some.call(document.querySelectorAll("form[data-autosave]"), function (form) {
      return form.dataset.saveState && form.dataset.saveState !== "done";
    });
    if (pending) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

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
