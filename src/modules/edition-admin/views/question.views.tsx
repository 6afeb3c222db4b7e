// /beheer/edities/:year/vragenlijst/:key: the texts of one question (Dutch and English), and removal.
import { tx } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang, Question, Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { type TextError, type TextPart, textParts, type TextValues } from '../questionnaire-edit.ts';
import { lockedText } from './questionnaire.views.tsx';

export type QuestionPageProps = {
  lang: Lang; path: string; session: Session; year: number; qn: Questionnaire; q: Question;
  values: TextValues; errors: TextError[];
  /** Problems the questionnaire check found in the result (nothing was saved). */
  problems?: string[];
  /** The edition has answers from this many municipalities: nothing can change. */
  answered: number;
};

/** An error with the part it is about in words: "Vul de Engelse tekst in van antwoordoptie "ja"". */
export function textErrorMessage(l: Lang, e: TextError): string {
  const kind = (e.params?.kind ?? 'text') as TextPart['kind'];
  return eaText(l, e.key, { ...e.params, part: eaText(l, `qe.of.${kind}`, { code: e.params?.code ?? '' }) });
}

function PartFields(p: { lang: Lang; part: TextPart; values: TextValues; errors: TextError[]; long: boolean }) {
  const l = p.lang;
  const legend = p.part.kind === 'text' ? eaText(l, 'qe.part.text') : eaText(l, `qe.part.${p.part.kind}`, { code: p.part.code ?? '', label: p.part.value[l] });
  return (
    <fieldset>
      <legend>{legend}</legend>
      {(['nl', 'en'] as const).map((lang) => {
        const id = `${p.part.id}-${lang}`;
        const err = p.errors.find((e) => e.field === id);
        const common = { id, name: id, lang, 'aria-invalid': err ? 'true' : undefined, 'aria-describedby': err ? `${id}-error` : undefined };
        return (
          <div class={err ? 'field--error' : undefined}>
            <label class="block" for={id}>{eaText(l, `qe.lang.${lang}`)}</label>
            {err ? <p class="error-message" id={`${id}-error`}>{textErrorMessage(l, err)}</p> : null}
            {p.long ? <textarea rows={3} {...common}>{p.values[id] ?? p.part.value[lang]}</textarea>
              : <input type="text" value={p.values[id] ?? p.part.value[lang]} {...common} />}
          </div>
        );
      })}
    </fieldset>
  );
}

export function QuestionPage(p: QuestionPageProps) {
  const l = p.lang;
  const number = p.qn.questions.indexOf(p.q) + 1;
  const title = eaText(l, 'qe.title', { n: number });
  const problems = p.problems ?? [];
  const summary = [
    ...p.errors.map((e) => ({ field: e.field, message: textErrorMessage(l, e) })),
    ...problems.map((message) => ({ field: 'text-nl', message })),
  ];
  const back = `/beheer/edities/${p.year}/vragenlijst`;
  return (
    <AdminLayout lang={l} title={`${summary.length ? eaText(l, 'error.prefix') : ''}${title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={summary} intro={eaText(l, 'qe.notSaved')} />
      <p class="caption"><a href={back}>{eaText(l, 'qn.pageTitle', { year: p.year })}</a></p>
      <h1>{title}</h1>
      <p class="lead">{tx(l, p.q.text)}</p>
      <p class="muted">{eaText(l, 'qe.keyNote', { key: p.q.key, type: eaText(l, `qtype.${p.q.type}`) })}</p>
      {p.answered > 0 ? <div class="notice notice--warn" role="alert"><p>{lockedText(l, p.answered)}</p></div> : (
        <>
          <form method="post" action={`${back}/${p.q.key}`} novalidate>
            <CsrfField session={p.session} />
            {textParts(p.q).map((part) => <PartFields lang={l} part={part} values={p.values} errors={p.errors} long={part.kind === 'text'} />)}
            {p.q.type === 'matrix' ? <p class="hint">{eaText(l, 'qe.scaleNote', { scale: p.q.scale ?? '' })}</p> : null}
            <div class="button-row">
              <button type="submit">{eaText(l, 'qe.submit')}</button>
              <a class="button secondary" href={back}>{eaText(l, 'confirm.cancel')}</a>
            </div>
          </form>
          <h2>{eaText(l, 'qe.remove.title')}</h2>
          <p>{eaText(l, 'qe.remove.body')}</p>
          <p><a class="button secondary" href={`${back}/${p.q.key}/verwijderen`}>{eaText(l, 'qe.remove.button')}</a></p>
        </>
      )}
    </AdminLayout>
  );
}
