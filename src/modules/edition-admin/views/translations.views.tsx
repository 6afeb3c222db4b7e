// /beheer/edities/:year/vertalingen: every text whose English is missing or the same as the Dutch,
// with a link to the field where it is translated.
import type { Lang } from '../../questionnaire/index.ts';
import type { Gap, GapPage } from '../editor/translations.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Crumb, EditorPage, type EditorBase } from './editor.parts.tsx';

function href(year: number, page: GapPage, field: string): string {
  const base = `/beheer/edities/${year}`;
  const path = page.kind === 'theme' ? `themas/${page.theme}`
    : page.kind === 'scale' ? `schalen/${page.scale}`
    : page.kind === 'question' ? `vragenlijst/${page.question}`
    : `vragenlijst/${page.question}/${{ options: 'opties', items: 'onderdelen', tips: 'tips' }[page.kind]}`;
  return `${base}/${path}#${field}`;
}

function What(p: { lang: Lang; gap: Gap; year: number }) {
  const l = p.lang;
  return <a class="utrecht-link" href={href(p.year, p.gap.page, p.gap.field)}>{edText(l, p.gap.what.key, p.gap.what.params)}</a>;
}

export function TranslationsPage(p: Omit<EditorBase, 'rev'> & { gaps: Gap[] }) {
  const l = p.lang;
  return (
    <EditorPage {...p} rev={0} title={edText(l, 'translations.title', { year: p.year })} problemField="inhoud" caption={<Crumb lang={l} year={p.year} />}
      lead={<p>{edText(l, p.gaps.length ? 'translations.intro' : 'translations.none', { n: p.gaps.length })}</p>}>
      {p.gaps.length ? (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{edText(l, 'translations.caption', { n: p.gaps.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{edText(l, 'translations.col.where')}</th>
                <th scope="col">{edText(l, 'translations.col.what')}</th>
                <th scope="col">{edText(l, 'lang.nl')}</th>
                <th scope="col">{edText(l, 'translations.col.en')}</th>
              </tr>
            </thead>
            <tbody>
              {p.gaps.map((g) => (
                <tr>
                  <td>{g.owner}</td>
                  <th scope="row"><What lang={l} gap={g} year={p.year} /></th>
                  <td lang="nl">{g.text.nl}</td>
                  <td>{g.missing ? <em>{edText(l, 'translations.missing')}</em> : <><span lang="en">{g.text.en}</span> <span class="muted">({edText(l, 'translations.same')})</span></>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </EditorPage>
  );
}
