// Small pieces the fieldwork pages share: notices, a textarea with its error, the edition's sub-menu.
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fwText } from '../fieldwork.i18n.ts';

export function Notice(p: { kind?: 'ok' | 'warn'; text?: string }) {
  if (!p.text) return null;
  return (
    <div class={p.kind ? `notice notice--${p.kind}` : 'notice'} role="status">
      <p>{p.text}</p>
    </div>
  );
}

export function TextArea(p: { id: string; label: string; value: string; error?: string; hint?: string; rows?: number }) {
  const described = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={p.error ? 'field--error' : undefined}>
      <label class="block utrecht-form-label" for={p.id}>{p.label}</label>
      {p.hint ? <p class="hint" id={`${p.id}-hint`}>{p.hint}</p> : null}
      {p.error ? <p class="error-message utrecht-form-field-error-message" id={`${p.id}-error`}>{p.error}</p> : null}
      <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id={p.id} name={p.id} rows={p.rows ?? 12} aria-invalid={p.error ? 'true' : undefined} aria-describedby={described || undefined}>{p.value}</textarea>
    </div>
  );
}

const PAGES = [
  ['contacten', 'nav.contacts'],
  ['uitnodigen', 'nav.invite'],
  ['sjablonen', 'nav.templates'],
] as const;

/** Links between the fieldwork pages of one edition, and to the outbox (separated like the admin menu). */
export function EditionNav({ lang, year, current }: { lang: Lang; year: number; current: (typeof PAGES)[number][0] | '' }) {
  const links: [string, string, boolean][] = [
    ['/beheer/veldwerk', fwText(lang, 'nav.fieldwork'), false],
    ...PAGES.map(([slug, key]): [string, string, boolean] => [`/beheer/edities/${year}/${slug}`, fwText(lang, key), slug === current]),
    [`/beheer/outbox?editie=${year}`, fwText(lang, 'nav.outbox'), false],
  ];
  return (
    <nav aria-label={fwText(lang, 'nav.edition', { year })}>
      <p>
        {links.map(([href, label, here], i) => (
          <>
            {i > 0 ? <span aria-hidden="true"> · </span> : null}
            <a class="utrecht-link" href={href} aria-current={here ? 'page' : undefined}>{label}</a>
          </>
        ))}
      </p>
    </nav>
  );
}

/** A plain-text e-mail body as paragraphs (no <pre>: long lines must wrap, and styles are in app.css only). */
export function MailText({ text }: { text: string }) {
  return (
    <div class="mail-body">
      {text.split(/\n{2,}/).map((par) => (
        <p>{par.split('\n').map((line, i) => <>{i > 0 ? <br /> : null}{line}</>)}</p>
      ))}
    </div>
  );
}
