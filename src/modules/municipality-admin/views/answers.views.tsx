// The municipality's answers read-only (with "correct" per theme for the bureau), the audit trail
// of every change (who, when, old → new) and the reopenings.
import { formatDateTime, tx } from '../../../web/i18n.ts';
import type { Lang, Questionnaire } from '../../questionnaire/index.ts';
import type { Answer, Answers, Change } from '../../responses/index.ts';
import { AnswerSummary, AnswerText } from '../../responses/views/answer-summary.tsx';
import type { ReopeningRow } from '../details.repo.ts';
import { isMaKey, maText } from '../municipality-admin.i18n.ts';

export function AnswersSection(p: { lang: Lang; qn: Questionnaire; answers: Answers | undefined; correctBase?: string }) {
  const l = p.lang;
  return (
    <section aria-labelledby="antwoorden-titel">
      <h2 id="antwoorden-titel">{maText(l, 'answers.title')}</h2>
      {!p.answers ? <p>{maText(l, 'answers.none')}</p> : (
        <>
          {p.correctBase ? (
            <>
              <p>{maText(l, 'answers.correctIntro')}</p>
              <ul>
                {p.qn.themes.map((th) => (
                  <li><a class="utrecht-link" href={`${p.correctBase}/${th.key}`}>{maText(l, 'answers.correct', { theme: tx(l, th.short) })}</a></li>
                ))}
              </ul>
            </>
          ) : null}
          <AnswerSummary qn={p.qn} lang={l} answers={p.answers} level={3} />
        </>
      )}
    </section>
  );
}

/** "Gemeente (persoonlijke link)", "Onderzoeksbureau (naam@bureau.nl)", … */
export function actorText(l: Lang, kind: string, actor: string | null): string {
  const key = `actor.${kind}`;
  const who = isMaKey(key) ? maText(l, key) : kind;
  return actor && kind !== 'demo' ? `${who} (${actor})` : who;
}

function Old({ l, qn, question, answer }: { l: Lang; qn: Questionnaire; question: string; answer: Answer | null }) {
  const q = qn.questions.find((x) => x.key === question);
  if (!answer) return <span class="muted">{maText(l, 'audit.empty')}</span>;
  return q ? <AnswerText q={q} qn={qn} lang={l} answer={answer} /> : <code>{JSON.stringify(answer)}</code>;
}

export function AuditSection({ lang: l, qn, changes }: { lang: Lang; qn: Questionnaire; changes: Change[] }) {
  const number = (key: string) => qn.questions.findIndex((q) => q.key === key) + 1;
  return (
    <section aria-labelledby="historie-titel">
      <h2 id="historie-titel">{maText(l, 'audit.title')}</h2>
      {changes.length === 0 ? <p>{maText(l, 'audit.none')}</p> : (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{maText(l, 'audit.caption', { n: changes.length })}</caption>
            <thead>
              <tr>{(['when', 'question', 'old', 'new', 'who'] as const).map((k) => <th scope="col">{maText(l, `audit.col.${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {[...changes].reverse().map((c) => {
                const q = qn.questions.find((x) => x.key === c.question);
                return (
                  <tr>
                    <td>{formatDateTime(l, c.changedAt)}</td>
                    <th scope="row">{q ? `${number(c.question)}. ${tx(l, q.text)}` : c.question}</th>
                    <td><Old l={l} qn={qn} question={c.question} answer={c.oldAnswer} /></td>
                    <td><Old l={l} qn={qn} question={c.question} answer={c.newAnswer} /></td>
                    <td>{actorText(l, c.actorKind, c.actor)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ReopeningsSection({ lang: l, rows }: { lang: Lang; rows: ReopeningRow[] }) {
  if (!rows.length) return null;
  return (
    <section aria-labelledby="heropend-titel">
      <h2 id="heropend-titel">{maText(l, 'reopenings.title')}</h2>
      <div class="table-scroll" tabindex={0}>
        <table class="utrecht-table utrecht-table--html-table">
          <caption>{maText(l, 'reopenings.caption')}</caption>
          <thead><tr>{(['when', 'who', 'reason'] as const).map((k) => <th scope="col">{maText(l, `reopenings.col.${k}`)}</th>)}</tr></thead>
          <tbody>
            {rows.map((r) => <tr><th scope="row">{formatDateTime(l, r.reopenedAt)}</th><td>{r.actor}</td><td>{r.reason}</td></tr>)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
