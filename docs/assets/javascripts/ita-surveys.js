// The home page and the announcements invite readers to answer NACC's surveys while a response window
// is open. The build decides that from the dates, but a site built in March may still be online in
// August: hide every invitation whose window (data-ita-opens / data-ita-closes, Thai time) does not
// include now, and show every "closed" notice (data-ita-after) once its moment has passed.
(function () {
  "use strict";
  function hideClosedSurveyCalls() {
    var now = Date.now();
    var calls = document.querySelectorAll("[data-ita-closes]");
    for (var i = 0; i < calls.length; i++) {
      var opens = Date.parse(calls[i].getAttribute("data-ita-opens"));
      var closes = Date.parse(calls[i].getAttribute("data-ita-closes"));
      if (now > closes || now < opens) calls[i].hidden = true;
    }
    var notices = document.querySelectorAll("[data-ita-after]");
    for (var j = 0; j < notices.length; j++) {
      if (now > Date.parse(notices[j].getAttribute("data-ita-after"))) notices[j].hidden = false;
    }
  }
  hideClosedSurveyCalls();
  // Material's instant navigation swaps pages without reloading scripts; it announces each new page here.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(hideClosedSurveyCalls);
  }
})();
