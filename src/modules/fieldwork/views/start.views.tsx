// /beheer/veldwerk: the editions, each with its contacts, invitations and e-mail texts.
import { formatDate, t } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import type { Session } from '../../auth/index.ts';
import { type Edition, editionState } from '../../editions/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fwText } from '../fieldwork.i18n.ts';

export type EditionRow = { edition: Edition; contacts: number; selected: number; invited: number };

export function FieldworkStartPage(p: { lang: Lang; path: string; session: Session; rows: EditionRow[]; now: Date }) {
  const l = p.lang;
  const state = (e: Edition) => {
    const s = editionState(e, p.now);
    return s === 'open' ? t(l, 'home.state.open', { date: formatDate(l, e.closesOn ?? p.now) }) : t(l, `home.state.${s}`);
  };
  return (
    <AdminLayout lang={l} title={fwText(l, 'start.title')} path={p.path} session={p.session}>
      <h1>{fwText(l, 'start.title')}</h1>
      <p class="lead">{fwText(l, 'start.intro')}</p>
      <div class="table-scroll" tabindex={0}>
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="visually-hidden">{fwText(l, 'start.caption')}</caption>
          <thead>
            <tr>
              {(['edition', 'state', 'contacts', 'selected', 'invited', 'pages'] as const).map((k) => <th scope="col">{fwText(l, `start.col.${k}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <th scope="row">{r.edition.year}</th>
                <td>{state(r.edition)}</td>
                <td>{r.contacts}</td>
                <td>{r.selected}</td>
                <td>{r.invited}</td>
                <td>
                  <a class="utrecht-link" href={`/beheer/edities/${r.edition.year}/contacten`}>{fwText(l, 'nav.contacts')}<span class="visually-hidden"> {r.edition.year}</span></a>{' · '}
                  <a class="utrecht-link" href={`/beheer/edities/${r.edition.year}/uitnodigen`}>{fwText(l, 'nav.invite')}<span class="visually-hidden"> {r.edition.year}</span></a>{' · '}
                  <a class="utrecht-link" href={`/beheer/edities/${r.edition.year}/sjablonen`}>{fwText(l, 'nav.templates')}<span class="visually-hidden"> {r.edition.year}</span></a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p><a class="utrecht-link" href="/beheer/outbox">{fwText(l, 'nav.outbox')}</a></p>
    </AdminLayout>
  );
}
