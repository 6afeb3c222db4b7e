// What was found about one address, with download and erase; and the confirmation before erasing.
import { AdminLayout } from '../admin/index.ts';
import { CsrfField } from '../auth/index.ts';
import type { FoundCounts } from './find.ts';
import { type PrivacyKey, pt } from './privacy.i18n.ts';
import type { Base } from './privacy.views.tsx';

function CountsTable({ lang: l, counts }: { lang: Base['lang']; counts: FoundCounts }) {
  const rows = (Object.entries(counts) as [keyof FoundCounts, number][]).filter(([, n]) => n > 0);
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="data-table utrecht-table utrecht-table--html-table">
        <caption class="visually-hidden">{pt(l, 'result.caption')}</caption>
        <thead><tr><th scope="col">{pt(l, 'col.kind')}</th><th scope="col">{pt(l, 'col.count')}</th></tr></thead>
        <tbody>
          {rows.map(([k, n]) => <tr><th scope="row">{pt(l, `kind.${k}` as PrivacyKey)}</th><td>{n}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}

export function ResultPage(p: Base & { email: string; counts: FoundCounts; self: boolean }) {
  const l = p.lang;
  const any = Object.values(p.counts).some((n) => n > 0);
  return (
    <AdminLayout lang={l} title={pt(l, 'result.title', { email: p.email })} path={p.path} session={p.session}>
      <p><a class="utrecht-link" href="/beheer/privacy">{pt(l, 'title')}</a></p>
      <h1>{pt(l, 'result.title', { email: p.email })}</h1>
      {any ? <CountsTable lang={l} counts={p.counts} /> : <p>{pt(l, 'result.none', { email: p.email })}</p>}
      <h2>{pt(l, 'download.title')}</h2>
      <p>{pt(l, 'download.body')}</p>
      <form method="post" action="/beheer/privacy/export">
        <CsrfField session={p.session} />
        <input type="hidden" name="email" value={p.email} />
        <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{pt(l, 'download.submit')}</button></div>
      </form>
      {any ? (
        <>
          <h2>{pt(l, 'erase.title')}</h2>
          {p.self ? <p>{pt(l, 'erase.self')}</p> : (
            <form method="post" action="/beheer/privacy/wissen">
              <CsrfField session={p.session} />
              <input type="hidden" name="email" value={p.email} />
              <div class="button-row"><button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{pt(l, 'erase.submit')}</button></div>
            </form>
          )}
        </>
      ) : null}
    </AdminLayout>
  );
}

export function ConfirmPage(p: Base & { email: string; counts: FoundCounts }) {
  const l = p.lang;
  const effects: PrivacyKey[] = ['confirm.contacts', 'confirm.messages', 'confirm.calls', 'confirm.account', 'confirm.advisor'];
  return (
    <AdminLayout lang={l} title={pt(l, 'confirm.title', { email: p.email })} path={p.path} session={p.session}>
      <h1>{pt(l, 'confirm.title', { email: p.email })}</h1>
      <div class="notice notice--warn"><p>{pt(l, 'confirm.lead')}</p></div>
      <CountsTable lang={l} counts={p.counts} />
      <h2>{pt(l, 'confirm.what')}</h2>
      <ul>{effects.map((k) => <li>{pt(l, k)}</li>)}</ul>
      <p>{pt(l, 'confirm.answers')}</p>
      <form method="post" action="/beheer/privacy/wissen">
        <CsrfField session={p.session} />
        <input type="hidden" name="email" value={p.email} />
        <input type="hidden" name="bevestigd" value="ja" />
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{pt(l, 'confirm.submit')}</button>
          <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/beheer/privacy">{pt(l, 'confirm.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
