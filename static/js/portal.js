// Submit the language switcher as soon as a language is chosen; the button stays for keyboard users without JS.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".language-switcher select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
});
