// Report text editor (issue 18), progressive enhancement only: the preview follows the text while
// the bureau types. Without this file the "Voorbeeld" button shows the same preview.
(() => {
  const field = document.getElementById('tekst');
  const target = document.getElementById('voorbeeld');
  if (!field || !target || !field.form) return;
  const url = field.getAttribute('data-preview-url');
  let timer;
  let seq = 0;
  const refresh = () => {
    const mine = ++seq;
    const body = new URLSearchParams(new FormData(field.form));
    fetch(url, { method: 'POST', body, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => {
        // Only the newest answer counts; the server escaped everything in it.
        if (html !== null && mine === seq) target.innerHTML = html;
      })
      .catch(() => {});
  };
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
