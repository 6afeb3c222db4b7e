// Progressive enhancement only: the forms work the same without this file.
// show_if live: hide a question while the question it depends on has another answer.
(function () {
  function update() {
    document.querySelectorAll('[data-show-if]').forEach(function (el) {
      var rule = JSON.parse(el.getAttribute('data-show-if'));
      var inputs = document.querySelectorAll('input[name="q.' + rule.question + '"]');
      if (!inputs.length) return; // depends on another page: the server decided
      var chosen = Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return i.value; });
      var show = chosen.some(function (v) { return rule.in.indexOf(v) >= 0; });
      el.hidden = !show;
    });
  }
  document.addEventListener('change', update);
  document.addEventListener('DOMContentLoaded', function () {
    update();
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
  });
})();
