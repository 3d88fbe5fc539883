/*
 * A table wider than a phone scrolls sideways inside its own box (Material wraps each table in
 * .md-typeset__scrollwrap). Such a box must be reachable by keyboard and have a name (WCAG 2.1.1,
 * 4.1.2), so while it overflows it is focusable, a region, and named after the table's caption.
 */
(function () {
  function labelScrollingTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var caption = box.querySelector("caption");
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        if (caption) box.setAttribute("aria-label", caption.textContent.trim());
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }
  if (window.document$) window.document$.subscribe(function () { setTimeout(labelScrollingTables); });
  window.addEventListener("load", labelScrollingTables);
  window.addEventListener("resize", labelScrollingTables);
})();
