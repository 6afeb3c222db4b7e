// Helpers for the editor's unit tests: the shipped questionnaires, and forms as the pages send them.
import { loadQuestionnaires, type Option, type Questionnaire, validateQuestionnaire } from '../../questionnaire/index.ts';
import type { FormFields } from './form.edit.ts';

const all = loadQuestionnaires('data/questionnaires');

/** A fresh copy of a shipped edition and the editions before it. */
export function shipped(year = 2023): { qn: Questionnaire; others: Questionnaire[] } {
  return { qn: structuredClone(all.get(year) as Questionnaire), others: [...all.values()].filter((q) => q.edition !== year) };
}

export function form(fields: Record<string, string | string[]>): FormFields {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
}

/** The fields of an option list as the page renders them (one empty row at the end), with `over` laid on top. */
export function optionFields(options: readonly Option[], over: Record<string, string | string[]> = {}): FormFields {
  const f: Record<string, string | string[]> = { rev: '1', rijen: String(options.length + 1) };
  options.forEach((o, i) => {
    Object.assign(f, {
      [`opt-${i}-was`]: o.code, [`opt-${i}-code`]: o.code, [`opt-${i}-label-nl`]: o.label.nl, [`opt-${i}-label-en`]: o.label.en,
      [`opt-${i}-short-nl`]: o.short?.nl ?? '', [`opt-${i}-short-en`]: o.short?.en ?? '', [`opt-${i}-status`]: o.status ?? '', [`opt-${i}-about`]: o.about ?? '',
      ...(o.other && { [`opt-${i}-other`]: '1' }), ...(o.exclusive && { [`opt-${i}-exclusive`]: '1' }),
    });
  });
  Object.assign(f, { [`opt-${options.length}-was`]: '' });
  return form({ ...f, ...over });
}

/** The result must be a valid questionnaire (as the service checks it). */
export function valid(qn: Questionnaire | undefined): Questionnaire {
  if (!qn) throw new Error('no questionnaire: the edit was refused');
  return validateQuestionnaire(structuredClone(qn), 'test');
}
