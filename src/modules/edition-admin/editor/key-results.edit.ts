// The key results of the national summary, edited on their question's page (pure): a sentence that
// follows "12 van de 162 gemeenten (7%)" and the answers that count (single: one or more; multi:
// exactly one, since a municipality may choose several).
import { answerOptions, type KeyResult, type Questionnaire } from '../../questionnaire/index.ts';
import { type Edit, type FormFields, FormReader } from './form.edit.ts';

/** The key results of question `key`, each with its place in the questionnaire's list. */
export function keyResultsOf(qn: Questionnaire, key: string): { index: number; result: KeyResult }[] {
  return (qn.keyResults ?? []).flatMap((result, index) => (result.question === key ? [{ index, result }] : []));
}

/** Adds a key result (`kr-options`, `kr-text-nl`, `kr-text-en`) at the end of the list. */
export function addKeyResult(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (!q || (q.type !== 'single' && q.type !== 'multi')) return { values: r.values, errors: r.errors };
  const codes = answerOptions(q, qn).map((o) => o.code);
  const chosen = codes.filter((c) => r.all('kr-options').includes(c));
  r.values['kr-options'] = chosen.join(' ');
  if (!chosen.length) r.error(`kr-options-${codes[0]}`, q.type === 'multi' ? 'error.keyResult.one' : 'error.keyResult.options');
  else if (q.type === 'multi' && chosen.length > 1) r.error(`kr-options-${chosen[0]}`, 'error.keyResult.one');
  const text = r.text('kr-text', { key: 'part.keyResult' }, { required: true });
  if (r.errors.length || !text) return { values: r.values, errors: r.errors };
  return { values: r.values, errors: [], next: { ...qn, keyResults: [...(qn.keyResults ?? []), { question: key, options: chosen, text }] } };
}

/** Removes key result number `index` (field `kr`) if it belongs to question `key`. */
export function removeKeyResult(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const index = Number(r.raw('kr'));
  if (!Number.isInteger(index) || qn.keyResults?.[index]?.question !== key) {
    r.error('kernresultaten', 'error.keyResult.gone');
    return { values: r.values, errors: r.errors };
  }
  return { values: r.values, errors: [], next: { ...qn, keyResults: (qn.keyResults ?? []).filter((_, i) => i !== index) } };
}
