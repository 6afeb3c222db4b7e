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

  // A polite live region, in the page from the start so that later changes to it are announced.
  var live;
  function announce(text) {
    if (!live) return;
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
  }
  function labelOf(input) {
    var label = document.querySelector('label[for="' + input.id + '"]');
    return (label ? label.textContent : input.value).replace(/\s+/g, ' ').trim();
  }

  // An exclusive checkbox ("Nee, …") unchecks the others in its group, and the other way round;
  // said in the live region, or a screen-reader user would not know (issue 22).
  function exclusive(input) {
    if (!input || input.type !== 'checkbox' || !input.checked) return;
    var group = document.querySelectorAll('input[type=checkbox][name="' + input.name + '"]');
    var isExclusive = input.hasAttribute('data-exclusive');
    var unticked = [];
    Array.prototype.forEach.call(group, function (other) {
      if (other !== input && other.checked && (isExclusive || other.hasAttribute('data-exclusive'))) {
        other.checked = false;
        unticked.push('\u201c' + labelOf(other) + '\u201d');
      }
    });
    if (!unticked.length) return;
    var en = (document.documentElement.lang || 'nl').indexOf('en') === 0;
    announce((en ? 'Unticked: ' : 'Uitgevinkt: ') + unticked.join(', ') + (en ? ', because it cannot be combined with \u201c' : ', omdat dat niet samengaat met \u201c') + labelOf(input) + '\u201d.');
  }

  // A table's scroll box is a tab stop only while it can scroll (without this script it always is).
  function scrollStops() {
    document.querySelectorAll('.table-scroll').forEach(function (box) {
      if (!box.hasAttribute('data-tab')) box.setAttribute('data-tab', box.getAttribute('tabindex') || '');
      if (box.getAttribute('data-tab') !== '0') return;
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute('tabindex', '0');
      else box.removeAttribute('tabindex');
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

  // Character count (as GOV.UK's): under a field with a limit, how many characters are left or too
  // many, visible at once and read out by screen readers a moment after typing stops.
  function charCount(hint) {
    var field = document.getElementById(hint.getAttribute('data-field'));
    if (!field) return;
    var max = Number(hint.getAttribute('data-max'));
    var shown = document.createElement('p');
    shown.className = 'hint char-count';
    shown.setAttribute('aria-hidden', 'true');
    var spoken = document.createElement('p');
    spoken.className = 'visually-hidden';
    spoken.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', spoken);
    field.insertAdjacentElement('afterend', shown);
    var timer;
    function text() {
      var left = max - field.value.length;
      var n = Math.abs(left).toLocaleString(hint.getAttribute('data-locale') || 'nl-NL');
      return hint.getAttribute(left < 0 ? 'data-over' : 'data-left').replace('{n}', n);
    }
    function refresh() {
      shown.textContent = text();
      shown.classList.toggle('char-count--over', field.value.length > max);
      clearTimeout(timer);
      timer = setTimeout(function () { spoken.textContent = text(); }, 800);
    }
    field.addEventListener('input', refresh);
    shown.textContent = text();
  }

  document.addEventListener('change', function (event) {
    exclusive(event.target);
    update();
  });
  document.addEventListener('click', followErrorLink);
  document.addEventListener('DOMContentLoaded', function () {
    live = document.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.id = 'js-announce';
    document.body.appendChild(live);
    scrollStops();
    window.addEventListener('resize', scrollStops);
    document.querySelectorAll('.char-limit[data-field]').forEach(charCount);
    update();
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
  });
})();
