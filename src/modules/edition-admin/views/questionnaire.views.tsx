// /beheer/edities/:year/vragenlijst: themes and questions, links to edit one, and a replacement upload.
import { tx } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang, Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';

/** "Deze editie heeft al antwoorden van N gemeenten; …" */
export function lockedText(lang: Lang, n: number): string {
  return eaText(lang, n === 1 ? 'qn.locked.one' : 'qn.locked.many', { n });
}

export type QuestionnairePageProps = {
  lang: Lang; path: string; session: Session; year: number; qn: Questionnaire; answered: number;
  /** Problems of an uploaded file, one "<file>: <key>: <problem>" each. */
  problems?: string[];
  /** A change was just refused because the edition has answers. */
  refused?: boolean;
  notice?: string;
};

export function QuestionnairePage(p: QuestionnairePageProps) {
  const l = p.lang;
  const editable = p.session.account.role === 'admin' && p.answered === 0;
  const problems = p.problems ?? [];
  const title = eaText(l, 'qn.pageTitle', { year: p.year });
  let n = 0;
  return (
    <AdminLayout lang={l} title={`${problems.length || p.refused ? eaText(l, 'error.prefix') : ''}${title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={problems.map((message) => ({ field: 'bestand', message }))}
        intro={eaText(l, 'qn.upload.notSaved', { n: problems.length })} />
      {p.refused ? <div class="notice notice--warn" role="alert"><p>{lockedText(l, p.answered)}</p></div> : null}
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      <p class="caption"><a href={`/beheer/edities/${p.year}`}>{eaText(l, 'edition.name', { year: p.year })}</a></p>
      <h1>{title}</h1>
      {p.answered > 0 && !p.refused ? <div class="notice notice--warn"><p>{lockedText(l, p.answered)}</p></div> : null}
      <p>{eaText(l, 'qn.intro', { questions: p.qn.questions.length, themes: p.qn.themes.length })}{' '}
        <a href={`/beheer/edities/${p.year}/vragenlijst.json`} download={`${p.year}.json`}>{eaText(l, 'qn.download')}</a>
      </p>
      {p.qn.themes.map((theme) => {
        const questions = p.qn.questions.filter((q) => q.theme === theme.key);
        return (
          <section aria-labelledby={`thema-${theme.key}`}>
            <h2 id={`thema-${theme.key}`}>{tx(l, theme.title)}</h2>
            <div class="table-scroll" tabindex={0}>
              <table>
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
                  {questions.map((q) => (
                    <tr>
                      <td>{++n}</td>
                      <th scope="row">{tx(l, q.text)}</th>
                      <td>{eaText(l, `qtype.${q.type}`)}</td>
                      <td><code>{q.key}</code></td>
                      {editable ? (
                        <td><a href={`/beheer/edities/${p.year}/vragenlijst/${q.key}`}>{eaText(l, 'qn.edit')}<span class="visually-hidden"> {tx(l, q.text)}</span></a></td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {editable ? (
        <section aria-labelledby="vervangen-titel">
          <h2 id="vervangen-titel">{eaText(l, 'qn.upload.title')}</h2>
          <form method="post" action={`/beheer/edities/${p.year}/vragenlijst`} enctype="multipart/form-data" novalidate>
            <CsrfField session={p.session} />
            <div class={problems.length ? 'field--error' : undefined}>
              <label class="block" for="bestand">{eaText(l, 'qn.upload.label')}</label>
              <p class="hint" id="bestand-hint">{eaText(l, 'qn.upload.hint', { year: p.year })}</p>
              <input type="file" id="bestand" name="bestand" accept=".json,application/json" aria-describedby="bestand-hint"
                aria-invalid={problems.length ? 'true' : undefined} />
            </div>
            <div class="button-row"><button type="submit">{eaText(l, 'qn.upload.submit')}</button></div>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
