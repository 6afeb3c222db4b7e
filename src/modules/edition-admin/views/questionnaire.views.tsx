// /beheer/edities/:year/vragenlijst: themes and questions in order, with ways to add, move and
// change them, the shared scales, the key results, translations, spreadsheet and file exchange.
import { tx } from '../../../web/i18n.ts';
import type { Session } from '../../auth/index.ts';
import type { Lang, Questionnaire, Theme } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { scaleUsers } from '../editor/items.edit.ts';
import { translationGaps } from '../editor/translations.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { EditorPage, type EditorBase, FormHead } from './editor.parts.tsx';

export { lockedText } from './editor.parts.tsx';

export type QuestionnairePageProps = EditorBase & {
  qn: Questionnaire;
  /** The problems link to the upload field (a file was refused) or to the list (a move was refused). */
  problemField?: 'bestand' | 'vragen';
};

/** "Omhoog" / "Omlaag" as small forms; none at the ends. */
function MoveButtons(p: { lang: Lang; session: Session; rev: number; action: string; what: string; first: boolean; last: boolean }) {
  const button = (dir: 'op' | 'neer') => (
    <form method="post" action={p.action} class="inline-form">
      <FormHead session={p.session} rev={p.rev} />
      <button type="submit" name="richting" value={dir} class="secondary small utrecht-button utrecht-button--secondary-action">
        {edText(p.lang, dir === 'op' ? 'move.up' : 'move.down')}<span class="visually-hidden"> {p.what}</span>
      </button>
    </form>
  );
  return <>{p.first ? null : button('op')}{p.last ? null : button('neer')}</>;
}

export function themeHeading(l: Lang, t: Theme): string {
  const kind = t.kind === 'overig' ? '' : `${edText(l, `kind.${t.kind}`)}${t.number ? ` ${t.number}` : ''}: `;
  return `${kind}${tx(l, t.title)}`;
}

export function QuestionnairePage(p: QuestionnairePageProps) {
  const l = p.lang;
  const editable = p.session.account.role === 'admin' && p.answered === 0;
  const admin = p.session.account.role === 'admin';
  const base = `/beheer/edities/${p.year}/vragenlijst`;
  const gaps = admin ? translationGaps(p.qn).length : 0;
  let n = 0;
  return (
    <EditorPage {...p} title={eaText(l, 'qn.pageTitle', { year: p.year })} problemField={p.problemField ?? 'vragen'}
      caption={<a class="utrecht-link" href={`/beheer/edities/${p.year}`}>{eaText(l, 'edition.name', { year: p.year })}</a>}>
      <p>{eaText(l, 'qn.intro', { questions: p.qn.questions.length, themes: p.qn.themes.length })}</p>
      <ul class="link-list">
        {editable ? <li><a class="utrecht-link" href={`/beheer/edities/${p.year}/themas/nieuw-thema`}>{edText(l, 'overview.addTheme')}</a></li> : null}
        {admin ? <li><a class="utrecht-link" href={`/beheer/edities/${p.year}/vertalingen`}>{edText(l, 'overview.translations', { n: gaps })}</a></li> : null}
        <li><a class="utrecht-link" href={`/beheer/edities/${p.year}/spreadsheet`}>{edText(l, 'overview.spreadsheet')}</a></li>
        <li><a class="utrecht-link" href={`${base}.xlsx`} download={`vragenlijst-${p.year}.xlsx`}>{edText(l, 'overview.xlsx')}</a></li>
        <li><a class="utrecht-link" href={`${base}.json`} download={`${p.year}.json`}>{eaText(l, 'qn.download')}</a></li>
      </ul>
      <div id="vragen" tabindex={-1}>
        {p.qn.themes.map((theme, ti) => {
          const questions = p.qn.questions.filter((q) => q.theme === theme.key);
          const title = themeHeading(l, theme);
          return (
            <section aria-labelledby={`thema-${theme.key}`} class="editor-theme">
              <h2 id={`thema-${theme.key}`}>{title}</h2>
              <p class="muted">{edText(l, 'overview.themeKey', { key: theme.key })}</p>
              {admin ? (
                <div class="action-row">
                  {editable ? <a class="utrecht-link" href={`/beheer/edities/${p.year}/themas/${theme.key}`}>{edText(l, 'overview.editTheme')}<span class="visually-hidden"> {title}</span></a> : null}
                  <a class="utrecht-link" href={`/beheer/edities/${p.year}/themas/${theme.key}/voorbeeld`}>{edText(l, 'overview.previewTheme')}<span class="visually-hidden"> {title}</span></a>
                  {editable ? <MoveButtons lang={l} session={p.session} rev={p.rev} action={`/beheer/edities/${p.year}/themas/${theme.key}/verplaatsen`}
                    what={title} first={ti === 0} last={ti === p.qn.themes.length - 1} /> : null}
                </div>
              ) : null}
              <div class="table-scroll" tabindex={0}>
                <table class="utrecht-table utrecht-table--html-table">
                  <caption class="visually-hidden">{eaText(l, 'qn.caption', { theme: tx(l, theme.title) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{eaText(l, 'qn.col.number')}</th>
                      <th scope="col">{eaText(l, 'qn.col.question')}</th>
                      <th scope="col">{eaText(l, 'qn.col.type')}</th>
                      <th scope="col">{eaText(l, 'qn.col.key')}</th>
                      {editable ? <th scope="col">{eaText(l, 'qn.col.actions')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {questions.map((q, qi) => (
                      <tr id={`vraag-${q.key}`}>
                        <td>{++n}</td>
                        <th scope="row">{tx(l, q.text)}{q.required ? <span class="muted"> {edText(l, 'overview.required')}</span> : null}</th>
                        <td>{eaText(l, `qtype.${q.type}`)}</td>
                        <td><code>{q.key}</code></td>
                        {editable ? (
                          <td>
                            <div class="action-row">
                              <a class="utrecht-link" href={`${base}/${q.key}`}>{eaText(l, 'qn.edit')}<span class="visually-hidden"> {tx(l, q.text)}</span></a>
                              <MoveButtons lang={l} session={p.session} rev={p.rev} action={`${base}/${q.key}/verplaatsen`} what={tx(l, q.text)}
                                first={qi === 0} last={qi === questions.length - 1} />
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {editable ? <p><a class="utrecht-link" href={`${base}/nieuwe-vraag?thema=${theme.key}`}>{edText(l, 'overview.addQuestion', { theme: tx(l, theme.short) })}</a></p> : null}
            </section>
          );
        })}
      </div>
      <Scales {...p} editable={editable} />
      <KeyResults {...p} />
      {editable ? <Upload {...p} /> : null}
    </EditorPage>
  );
}

function Scales(p: QuestionnairePageProps & { editable: boolean }) {
  const l = p.lang;
  return (
    <section aria-labelledby="schalen-titel">
      <h2 id="schalen-titel">{edText(l, 'overview.scales')}</h2>
      <p>{edText(l, 'overview.scalesIntro')}</p>
      <dl class="editor-list">
        {Object.entries(p.qn.scales).map(([name, options]) => (
          <div>
            <dt><code>{name}</code>{p.editable ? <> · <a class="utrecht-link" href={`/beheer/edities/${p.year}/schalen/${name}`}>{edText(l, 'overview.editScale')}<span class="visually-hidden"> {name}</span></a></> : null}</dt>
            <dd>{options.map((o) => tx(l, o.label)).join(' · ')}</dd>
            <dd class="muted">{edText(l, 'overview.scaleUsedBy', { keys: scaleUsers(p.qn, name).map((q) => q.key).join(', ') || '–' })}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function KeyResults(p: QuestionnairePageProps) {
  const l = p.lang;
  const list = p.qn.keyResults ?? [];
  return (
    <section aria-labelledby="kernresultaten-titel">
      <h2 id="kernresultaten-titel">{edText(l, 'overview.keyResults')}</h2>
      <p>{edText(l, list.length ? 'overview.keyResultsIntro' : 'overview.keyResultsNone')}</p>
      <ol>
        {list.map((k) => (
          <li>{edText(l, 'keyResult.sentence', { text: tx(l, k.text) })} <span class="muted">(<a class="utrecht-link" href={`/beheer/edities/${p.year}/vragenlijst/${k.question}#kernresultaten`}>{k.question}</a>: {k.options.join(', ')})</span></li>
        ))}
      </ol>
    </section>
  );
}

function Upload(p: QuestionnairePageProps) {
  const l = p.lang;
  const invalid = p.problemField === 'bestand' && (p.problems ?? []).length > 0;
  return (
    <section aria-labelledby="vervangen-titel">
      <h2 id="vervangen-titel">{eaText(l, 'qn.upload.title')}</h2>
      <form method="post" action={`/beheer/edities/${p.year}/vragenlijst`} enctype="multipart/form-data" novalidate>
        <FormHead session={p.session} rev={p.rev} />
        <div class={invalid ? 'field--error' : undefined}>
          <label class="block utrecht-form-label" for="bestand">{eaText(l, 'qn.upload.label')}</label>
          <p class="hint" id="bestand-hint">{eaText(l, 'qn.upload.hint', { year: p.year })}</p>
          <input type="file" id="bestand" name="bestand" accept=".json,application/json" aria-describedby="bestand-hint"
            aria-invalid={invalid ? 'true' : undefined} />
        </div>
        <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{eaText(l, 'qn.upload.submit')}</button></div>
      </form>
    </section>
  );
}
