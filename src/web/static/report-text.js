// Report text editor (issue 18), progressive enhancement only: the preview follows the text while
// the bureau types. Without this file the "Voorbeeld" button shows the same preview.
(function () {
  var field = document.getElementById('tekst');
  var target = document.getElementById('voorbeeld');
  if (!field || !target || !field.form) return;
  var url = field.getAttribute('data-preview-url');
  var timer;
  var seq = 0;
  function refresh() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(field.form));
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        // Only the newest answer counts; the server escaped everything in it.
        if (html !== null && mine === seq) target.innerHTML = html;
      })
      .catch(function () {});
  }
  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
