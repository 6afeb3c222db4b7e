// One question of the report: the own answer, the most given answer, the share of municipalities
// in the province and the country that answered the same, the own history, and the tips.
import { tx } from '../../../web/i18n.ts';
import { answerOptions, type Lang, type Question, type Questionnaire } from '../../questionnaire/index.ts';
import type { Answer, Answers } from '../../responses/answer.model.ts';
import { hasResponse, isVisible } from '../../responses/answer-form.ts';
import { questionLineage, type StatsRow } from '../../statistics/index.ts';
import { cellKey, type EditionContext } from './context.ts';
import type { AnswerLine, HistoryRow, ModalLine, QuestionReport, ShareCell, TipItem } from './model.ts';
import { tipsFor } from './tips.ts';

function label(q: Question, qn: Questionnaire, lang: Lang, code: string, other?: string): string {
  const o = answerOptions(q, qn).find((x) => x.code === code);
  if (!o) return code;
  return o.other && other ? `${tx(lang, o.label)}: ${other}` : tx(lang, o.label);
}

/** The answer as lines, in questionnaire order; codes the questionnaire does not know are left out. */
export function answerLines(q: Question, qn: Questionnaire, lang: Lang, a: Answer | undefined): AnswerLine[] {
  if (!a) return [];
  const known = new Set(answerOptions(q, qn).map((o) => o.code));
  const line = (code: string, item: { code: string; label: { nl: string; en: string } } | null): AnswerLine => ({
    item: item?.code ?? null, itemLabel: item ? tx(lang, item.label) : null, code, label: label(q, qn, lang, code, a.other),
  });
  if (q.type === 'single') return a.value && known.has(a.value) ? [line(a.value, null)] : [];
  if (q.type === 'multi') return (a.values ?? []).filter((v) => known.has(v)).map((v) => line(v, null));
  if (q.type === 'matrix') {
    return (q.items ?? []).flatMap((it) => {
      const v = a.items?.[it.code];
      return v && known.has(v) ? [line(v, it)] : [];
    });
  }
  return [];
}

function share(row: StatsRow | undefined): ShareCell | null {
  if (!row) return null;
  // A hidden figure never leaves this function: the views and the factsheet cannot show it.
  return row.suppressed ? { n: row.n, count: null, percent: null, suppressed: true } : { n: row.n, count: row.count, percent: row.percent, suppressed: false };
}

function modalLines(ctx: EditionContext, q: Question, lang: Lang, own: AnswerLine[]): ModalLine[] {
  const items = q.type === 'matrix' ? (q.items ?? []) : [null];
  return items.flatMap((it) => {
    const m = ctx.modal.get(`${q.key}|${it?.code ?? ''}`);
    if (!m) return [];
    const mine = own.filter((l) => l.item === (it?.code ?? null)).map((l) => l.code);
    // "Same as the most given answer": single/matrix when equal; multi when the own choice includes it.
    const same = m.options.some((o) => mine.includes(o));
    return [{
      item: it?.code ?? null, itemLabel: it ? tx(lang, it.label) : null,
      labels: m.options.map((o) => label(q, ctx.questionnaire, lang, o)), percent: m.percent, n: m.n, own: same,
    }];
  });
}

function history(ctx: EditionContext, q: Question, lang: Lang, own: Map<number, Answers>): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const entry of questionLineage(ctx.qns, q.key)) {
    const a = own.get(entry.edition)?.[entry.key];
    const qn = ctx.qns.get(entry.edition);
    if (!qn || !hasResponse(a) || !isVisible(entry.question, own.get(entry.edition) ?? {})) continue;
    rows.push({
      edition: entry.edition,
      lines: answerLines(entry.question, qn, lang, a),
      text: a?.text ?? null,
      reworded: entry.key !== q.key || entry.question.text.nl !== q.text.nl,
    });
  }
  return rows;
}

/** The first edition that asked `q` (under any key), when an earlier edition did not. */
function newIn(ctx: EditionContext, q: Question): number | null {
  const first = questionLineage(ctx.qns, q.key)[0]?.edition;
  const earliest = Math.min(...ctx.qns.keys());
  return first !== undefined && first > earliest ? first : null;
}

export function questionReport(ctx: EditionContext, q: Question, lang: Lang, own: Map<number, Answers>, provinceCode: string | null, sizeClass: string | null = null): QuestionReport {
  const answers = own.get(ctx.year) ?? {};
  const a = answers[q.key];
  const asked = isVisible(q, answers);
  const lines = asked ? answerLines(q, ctx.questionnaire, lang, a) : [];
  const cell = (scope: string, l: AnswerLine) => share(ctx.cells.get(cellKey(scope, q.key, l.item, l.code)));
  const tips: TipItem[] = tipsFor(q, ctx.questionnaire, a, asked).map((h) => {
    const given = label(q, ctx.questionnaire, lang, h.answer, a?.other);
    const item = h.item ? q.items?.find((i) => i.code === h.item) : undefined;
    return {
      question: q.key, questionText: tx(lang, q.text), code: h.code,
      reason: item ? `${tx(lang, item.label)}: ${given}` : given, text: tx(lang, h.tip.text), url: h.tip.url,
    };
  });
  return {
    key: q.key,
    type: q.type,
    text: tx(lang, q.text),
    asked,
    answered: asked && hasResponse(a),
    own: lines,
    items: (q.items ?? []).map((it) => ({ code: it.code, label: tx(lang, it.label) })),
    ownText: asked && q.type === 'text' ? (a?.text ?? null) : null,
    comment: asked ? (a?.comment ?? null) : null,
    modal: q.type === 'text' ? [] : modalLines(ctx, q, lang, lines),
    comparisons: lines.map((l) => ({
      ...l, province: provinceCode ? cell(`province:${provinceCode}`, l) : null, size: sizeClass ? cell(`size:${sizeClass}`, l) : null, national: cell('national', l),
    })),
    history: history(ctx, q, lang, own),
    newIn: newIn(ctx, q),
    tips,
  };
}
