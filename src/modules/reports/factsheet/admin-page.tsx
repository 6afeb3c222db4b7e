// /beheer/factsheets: per edition a link to the ZIP of all its factsheets, and the public example.
import type { Db } from '../../../db/client.ts';
import { AdminLayout } from '../../admin/index.ts';
import type { Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { ft } from './texts.ts';

export type EditionRow = { year: number; submitted: number };

export async function listFactsheetEditions(db: Db): Promise<EditionRow[]> {
  return db.query<EditionRow>(
    `SELECT e.year, count(r.id)::int AS submitted
     FROM editions e LEFT JOIN responses r ON r.edition = e.year AND r.submitted_at IS NOT NULL
     GROUP BY e.year ORDER BY e.year DESC`,
  );
}

export function FactsheetsPage({ lang, path, session, editions }: { lang: Lang; path: string; session: Session; editions: EditionRow[] }) {
  return (
    <AdminLayout lang={lang} title={ft(lang, 'admin.title')} path={path} session={session}>
      <h1>{ft(lang, 'admin.title')}</h1>
      <p>{ft(lang, 'admin.intro')}</p>
      <div class="table-scroll" tabindex={0}>
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="visually-hidden">{ft(lang, 'admin.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{ft(lang, 'admin.col.edition')}</th>
              <th scope="col" class="num">{ft(lang, 'admin.col.submitted')}</th>
              <th scope="col">{ft(lang, 'admin.col.download')}</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr>
                <th scope="row">{e.year}</th>
                <td class="num">{e.submitted}</td>
                <td>
                  {e.submitted
                    ? <a href={`/beheer/factsheets/${e.year}.zip`} download>{ft(lang, 'admin.zip', { n: e.submitted, year: e.year })}</a>
                    : <span class="muted">{ft(lang, 'admin.none')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="note">{ft(lang, 'admin.slow')}</p>
      <p><a href="/voorbeeld/factsheet.pdf">{ft(lang, 'admin.example')}</a></p>
    </AdminLayout>
  );
}
