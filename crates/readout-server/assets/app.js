// readout's reading room: a little interaction on pages that work without
// it. No inline script anywhere (the Content-Security-Policy forbids it).
(function () {
  "use strict";
  // "/" focuses the search box, as in most readers.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
    var box = document.querySelector("input[type=search]");
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  });
  // Timeline marks light up their quote, and the quote its mark.
  function light(id, on) {
    document.querySelectorAll("[data-member='" + id + "']").forEach(function (el) {
      el.classList.toggle("lit", on);
    });
  }
  document.querySelectorAll("[data-member]").forEach(function (el) {
    var id = el.getAttribute("data-member");
    ["mouseenter", "focusin"].forEach(function (ev) { el.addEventListener(ev, function () { light(id, true); }); });
    ["mouseleave", "focusout"].forEach(function (ev) { el.addEventListener(ev, function () { light(id, false); }); });
  });
  // Filter selects apply themselves.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
    s.addEventListener("change", function () { if (s.form) s.form.submit(); });
  });
})();
