// Small hand-made questionnaires for the statistics tests (not the real ones: numbers stay checkable).
import type { Option, Question, Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { StatsRow } from './stats.model.ts';

const t = (s: string) => ({ nl: s, en: s });
export const opt = (code: string, extra: Partial<Option> = {}): Option => ({ code, label: t(code), ...extra });
const jaNee = () => [opt('ja'), opt('nee')];

export function single(key: string, codes: string[], extra: Partial<Question> = {}): Question {
  return { key, theme: 'thema', type: 'single', text: t(key), options: codes.map((c) => opt(c)), ...extra };
}

/**
 * Edition `edition` of a miniature benchmark:
 * week (single ja/nee) · coalitie (single ja/nee) · kartrekker (single ja/nee, shown if coalitie = ja)
 * · best_practices (multi adviseurs/movisie/nee, nee exclusive) · inzet (matrix items
 * adviseurs/toolkit on scale ingezet/bekend/onbekend) · opmerking (text).
 */
export function miniQuestionnaire(edition: number, extra: Question[] = []): Questionnaire {
  return {
    edition,
    name: t(`Benchmark ${edition}`),
    themes: [{ key: 'thema', kind: 'overig', title: t('Thema'), short: t('Thema'), intro: t('Thema') }],
    scales: { inzet: [opt('ingezet'), opt('bekend'), opt('onbekend')] },
    questions: [
      { key: 'week', theme: 'thema', type: 'single', text: t('Week?'), options: jaNee() },
      { key: 'coalitie', theme: 'thema', type: 'single', text: t('Coalitie?'), options: jaNee() },
      {
        key: 'kartrekker',
        theme: 'thema',
        type: 'single',
        text: t('Kartrekker?'),
        options: jaNee(),
        showIf: { question: 'coalitie', in: ['ja'] },
      },
      {
        key: 'best_practices',
        theme: 'thema',
        type: 'multi',
        text: t('Best practices?'),
        options: [opt('adviseurs'), opt('movisie'), opt('nee', { exclusive: true })],
      },
      {
        key: 'inzet',
        theme: 'thema',
        type: 'matrix',
        text: t('Inzet?'),
        scale: 'inzet',
        items: [
          { code: 'adviseurs', label: t('Adviseurs') },
          { code: 'toolkit', label: t('Toolkit') },
        ],
      },
      { key: 'opmerking', theme: 'thema', type: 'text', text: t('Opmerking') },
      ...extra,
    ],
  };
}

/** A questionnaire holding only `questions`. */
export function questionnaireWith(edition: number, questions: Question[]): Questionnaire {
  return { ...miniQuestionnaire(edition), questions };
}

/** The row of `rows` for scope/question/item/option (item null when omitted). */
export function rowOf(rows: readonly StatsRow[], scope: string, question: string, option: string, item: string | null = null, edition?: number) {
  const found = rows.filter(
    (r) => r.scope === scope && r.question === question && r.option === option && r.item === item && (edition === undefined || r.edition === edition),
  );
  if (found.length !== 1) throw new Error(`expected one row for ${scope} ${question} ${item} ${option}, found ${found.length}`);
  return found[0];
}

/** [count, n, percent] of a row, for compact assertions. */
export function figures(rows: readonly StatsRow[], scope: string, question: string, option: string, item: string | null = null, edition?: number) {
  const r = rowOf(rows, scope, question, option, item, edition);
  return [r.count, r.n, r.percent];
}
