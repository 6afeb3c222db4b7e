// show_if and tips of one question (pure). show_if names an earlier single or multi question and
// the answers that show this one; a tip (text in Dutch and English, a web address) belongs to an
// option (single/multi) or an item (matrix).
import { answerOptions, type Question, type Questionnaire, type Tip } from '../../questionnaire/index.ts';
import { type Edit, type FormFields, FormReader } from './form.edit.ts';
import { showIfSources } from './question.edit.ts';

const replace = (qn: Questionnaire, q: Question): Questionnaire => ({ ...qn, questions: qn.questions.map((x) => (x.key === q.key ? q : x)) });

/** The show_if page: `vraag` (empty: always shown) and the chosen answers `in`. */
export function editShowIf(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (!q) return { values: r.values, errors: r.errors };
  const source = r.raw('vraag');
  if (!source) {
    const { showIf: _s, ...rest } = q;
    return { values: r.values, errors: [], next: replace(qn, rest) };
  }
  const from = showIfSources(qn, key).find((x) => x.key === source);
  if (!from) {
    r.error('vraag', 'error.showIf.question');
    return { values: r.values, errors: r.errors };
  }
  const codes = answerOptions(from, qn).map((o) => o.code);
  const chosen = codes.filter((c) => r.all('in').includes(c));
  r.values.in = chosen.join(' ');
  if (!chosen.length) {
    r.error(`in-${codes[0]}`, 'error.showIf.options');
    return { values: r.values, errors: r.errors };
  }
  return { values: r.values, errors: [], next: replace(qn, { ...q, showIf: { question: source, in: chosen } }) };
}

/** What a tip can hang on: the options (single/multi) or the items (matrix). */
export function tipTargets(q: Question, qn: Questionnaire): { code: string; label: Question['text'] }[] {
  if (q.type === 'matrix') return (q.items ?? []).map((i) => ({ code: i.code, label: i.label }));
  if (q.type === 'text') return [];
  return answerOptions(q, qn).map((o) => ({ code: o.code, label: o.label }));
}

/** A web address a browser can open from the report: http or https only. */
export function isWebAddress(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The tips page: per target `tip-<code>-nl`, `-en` and `-url`; all empty removes the tip. */
export function editTips(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (!q) return { values: r.values, errors: r.errors };
  const tips: Record<string, Tip> = {};
  for (const t of tipTargets(q, qn)) {
    const current = q.tips?.[t.code];
    const part = { key: 'part.tip' as const, params: { code: t.code } };
    const url = r.raw(`tip-${t.code}-url`, current?.url);
    const text = r.text(`tip-${t.code}`, part, { required: !!url, current: current?.text });
    if (text && !url) r.error(`tip-${t.code}-url`, 'error.tip.url', part);
    else if (url && !isWebAddress(url)) r.error(`tip-${t.code}-url`, 'error.tip.urlInvalid', part);
    else if (url.length > 500) r.error(`tip-${t.code}-url`, 'error.tip.urlLong', part, { max: 500 });
    else if (text && url) tips[t.code] = { text, url };
  }
  if (r.errors.length) return { values: r.values, errors: r.errors };
  const { tips: _t, ...rest } = q;
  return { values: r.values, errors: [], next: replace(qn, Object.keys(tips).length ? { ...rest, tips } : rest) };
}
