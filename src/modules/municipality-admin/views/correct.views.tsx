// /beheer/edities/:year/gemeenten/:code/corrigeren/:theme: the bureau corrects one theme's answers
// on the municipality's behalf, with the respondent's own form fields, checks and conflict handling.
import { tx } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, type Session } from '../../auth/index.ts';
import type { Lang, Questionnaire } from '../../questionnaire/index.ts';
import { type Answers, type Conflict, type FieldError, themeQuestions } from '../../responses/index.ts';
import { AnswerText } from '../../responses/views/answer-summary.tsx';
import { domId, errorTarget, errorText, QuestionField } from '../../responses/views/question-field.tsx';
import { maText } from '../municipality-admin.i18n.ts';
import { actorText } from './answers.views.tsx';

export type CorrectPageProps = {
  lang: Lang; path: string; session: Session; year: number; code: string; name: string; qn: Questionnaire; theme: string;
  answers: Answers; errors: FieldError[]; conflicts: Conflict[]; baseVersions: Record<string, number>;
};

function Conflicts(p: CorrectPageProps) {
  const l = p.lang;
  return (
    <div class="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{maText(l, 'correct.conflict.title')}</h2>
      <p>{maText(l, 'correct.conflict.intro')}</p>
      {p.conflicts.map((c) => {
        const q = p.qn.questions.find((x) => x.key === c.question);
        if (!q) return null;
        const name = `keuze.${c.question}`;
        return (
          <fieldset>
            <legend>{maText(l, 'correct.conflict.choose', { question: tx(l, q.text) })}</legend>
            <p><strong>{maText(l, 'correct.conflict.theirs')}:</strong></p>
            <AnswerText q={q} qn={p.qn} lang={l} answer={c.theirs} />
            <p><strong>{maText(l, 'correct.conflict.yours')}:</strong></p>
            <AnswerText q={q} qn={p.qn} lang={l} answer={p.answers[c.question]} />
            {(['mijn', 'collega'] as const).map((v, i) => (
              <div class="choice">
                <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`${domId(name)}-${v}`} name={name} value={v} checked={i === 0} />
                <label class="utrecht-form-label utrecht-form-label--radio" for={`${domId(name)}-${v}`}>{maText(l, v === 'mijn' ? 'correct.conflict.keepMine' : 'correct.conflict.keepTheirs')}</label>
              </div>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

export function CorrectPage(p: CorrectPageProps) {
  const l = p.lang;
  const theme = p.qn.themes.find((x) => x.key === p.theme);
  const back = `/beheer/edities/${p.year}/gemeenten/${p.code}`;
  const title = maText(l, 'correct.title', { theme: theme ? tx(l, theme.title) : p.theme });
  const problems = p.errors.length > 0 || p.conflicts.length > 0;
  return (
    <AdminLayout lang={l} title={`${problems ? maText(l, 'error.prefix') : ''}${title}`} path={p.path} session={p.session}>
      {p.errors.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">{maText(l, 'correct.errors.title')}</h2>
          <p>{maText(l, 'correct.errors.notSaved')}</p>
          <ul>{p.errors.map((e) => <li><a class="utrecht-link" href={`#${errorTarget(p.qn, e)}`}>{errorText(l, p.qn, e)}</a></li>)}</ul>
        </div>
      ) : null}
      <p class="caption"><a class="utrecht-link" href={back}>{p.name}</a> · {maText(l, 'edition.name', { year: p.year })}</p>
      <h1>{title}</h1>
      <p class="lead">{maText(l, 'correct.intro', { name: p.name, actor: actorText(l, 'bureau', p.session.account.email) })}</p>
      <form method="post" action={p.path} novalidate>
        <CsrfField session={p.session} />
        <input type="hidden" name="base" value={JSON.stringify(p.baseVersions)} />
        {p.conflicts.length ? <Conflicts {...p} /> : null}
        {themeQuestions(p.qn, p.theme).map((q) => (
          <QuestionField q={q} qn={p.qn} lang={l} answer={p.answers[q.key]} errors={p.errors} number={p.qn.questions.indexOf(q) + 1} />
        ))}
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{maText(l, 'correct.submit')}</button>
          <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={back}>{maText(l, 'correct.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
