// Progressive enhancement only: the forms work the same without this file.
(function () {
  // show_if live: hide a question while the question it depends on has another answer.
  // (The server clears such answers on saving, with or without this script.)
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

  // An exclusive checkbox ("Nee, …") unchecks the others in its group, and the other way round.
  function exclusive(input) {
    if (!input || input.type !== 'checkbox' || !input.checked) return;
    var group = document.querySelectorAll('input[type=checkbox][name="' + input.name + '"]');
    var isExclusive = input.hasAttribute('data-exclusive');
    Array.prototype.forEach.call(group, function (other) {
      if (other !== input && (isExclusive || other.hasAttribute('data-exclusive'))) other.checked = false;
    });
  }

  // Error summary links: move focus to the field and scroll so that its question (legend or label) is in view.
  function followErrorLink(event) {
    var link = event.target.closest && event.target.closest('.error-summary a[href^="#"]');
    if (!link) return;
    var field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (!field) return;
    event.preventDefault();
    var fieldset = field.closest('fieldset');
    var label = document.querySelector('label[for="' + field.id + '"]');
    var context = (field.type === 'radio' || field.type === 'checkbox') && fieldset ? fieldset.querySelector('legend') : label || field;
    (context || field).scrollIntoView();
    field.focus({ preventScroll: true });
  }

  document.addEventListener('change', function (event) {
    exclusive(event.target);
    update();
  });
  document.addEventListener('click', followErrorLink);
  document.addEventListener('DOMContentLoaded', function () {
    update();
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
  });
})();
