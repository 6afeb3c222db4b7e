// Read-only answers per theme (review page, confirmation, and later the bureau's view).
import { answerOptions, type Lang, type Question, type Questionnaire } from '../../questionnaire/questionnaire.model.ts';
import { t, tx } from '../../../web/i18n.ts';
import type { Answer, Answers } from '../answer.model.ts';
import { hasResponse, isVisible } from '../answer-form.ts';

export function AnswerText({ q, qn, lang, answer }: { q: Question; qn: Questionnaire; lang: Lang; answer: Answer | null | undefined }) {
  if (!answer || !hasResponse(answer)) {
    return <span class="muted">{t(lang, 'question.notAnswered')}{answer?.comment ? ` — ${answer.comment}` : ''}</span>;
  }
  const label = (code: string) => {
    const o = answerOptions(q, qn).find((x) => x.code === code);
    if (!o) return code;
    return o.other && answer.other ? `${tx(lang, o.label)}: ${answer.other}` : tx(lang, o.label);
  };
  return (
    <>
      {q.type === 'single' && answer.value ? <p>{label(answer.value)}</p> : null}
      {q.type === 'multi' ? <ul>{(answer.values ?? []).map((v) => <li>{label(v)}</li>)}</ul> : null}
      {q.type === 'matrix' ? (
        <ul>
          {/* Every row, a blank one said to be blank: otherwise a forgotten row goes unnoticed. */}
          {(q.items ?? []).map((i) => (
            <li>
              {tx(lang, i.label)}: {answer.items?.[i.code] ? label(answer.items[i.code]) : <span class="muted">{t(lang, 'question.notAnswered').toLowerCase()}</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {q.type === 'text' ? <p>{answer.text}</p> : null}
      {answer.comment ? <p class="muted">{t(lang, 'question.comment').replace(/ \(.*\)/, '')}: {answer.comment}</p> : null}
    </>
  );
}

type Props = {
  qn: Questionnaire; lang: Lang; answers: Answers; changeHref?: (theme: string, question: string) => string;
  /** 3 when the summary sits under its own h2 ("Uw antwoorden"). */
  level?: 2 | 3;
};

export function AnswerSummary({ qn, lang, answers, changeHref, level = 2 }: Props) {
  let n = 0;
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <>
      {qn.themes.map((theme) => (
        <section aria-labelledby={`thema-${theme.key}`}>
          <Heading id={`thema-${theme.key}`}>{tx(lang, theme.title)}</Heading>
          <dl class="summary">
            {qn.questions.filter((q) => q.theme === theme.key).map((q) => {
              n++;
              const visible = isVisible(q, answers);
              return (
                <div>
                  <dt>{n}. {tx(lang, q.text)}</dt>
                  <dd>{visible ? <AnswerText q={q} qn={qn} lang={lang} answer={answers[q.key]} /> : <span class="muted">{t(lang, 'question.notAsked')}</span>}</dd>
                  {changeHref && visible ? (
                    <dd class="summary-change">
                      <a href={changeHref(theme.key, q.key)}>
                        {t(lang, 'review.change')}<span class="visually-hidden"> {tx(lang, q.text)}</span>
                      </a>
                    </dd>
                  ) : null}
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}
