// Kopuro report page: keeps the "all universities" box and the chosen
// universities consistent, and shows the one-page-summary hint while
// exactly one university is chosen. The form works without it: the
// server ignores "all" beside chosen universities.
(function () {
  'use strict';
  var form = document.querySelector('form.report-form');
  if (!form) { return; }
  var all = form.querySelector('input[name="institutions"][value="all"]');
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="institutions"]:not([value="all"])'));
  var hint = document.getElementById('summary-hint');
  function update() {
    var n = boxes.filter(function (b) { return b.checked; }).length;
    if (all) { all.checked = n === 0; }
    if (hint) { hint.hidden = n !== 1; }
  }
  boxes.forEach(function (b) { b.addEventListener('change', update); });
  if (all) {
    all.addEventListener('change', function () {
      if (all.checked) { boxes.forEach(function (b) { b.checked = false; }); }
      update();
    });
  }
  update();
}());
