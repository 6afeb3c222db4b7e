// Adjusting a questionnaire (pure: no db, no web): copy for a new edition, remove a question, read
// an uploaded file. The editor's other changes are in editor/. The result is always checked by the service.
import { type Questionnaire, QuestionnaireError } from '../questionnaire/index.ts';

/**
 * An earlier edition's questionnaire for `year`: every question continues itself (`continues` is
 * its own key: same question, same codes), so `replaces` and `merges` of the earlier step go.
 */
export function copyForEdition(prev: Questionnaire, year: number): Questionnaire {
  const copy = structuredClone(prev);
  return { ...copy, edition: year, questions: copy.questions.map(({ replaces: _r, merges: _m, ...q }) => ({ ...q, continues: q.key })) };
}

/** Without the question and its key results (they say nothing without it). */
export function removeQuestion(qn: Questionnaire, key: string): Questionnaire {
  const keyResults = qn.keyResults?.filter((k) => k.question !== key);
  return { ...qn, questions: qn.questions.filter((q) => q.key !== key), ...(keyResults && { keyResults }) };
}

/** A name for messages: the uploaded file's own name, without folders or odd characters. */
export function uploadLabel(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[^\w.() -]/g, '').slice(0, 100) ?? '';
  return base || 'vragenlijst.json';
}

/** The uploaded text as JSON; unreadable JSON is a problem in the same "<file>: <key>: <problem>" form. */
export function parseUpload(text: string, label: string): unknown {
  // "\u0000" and a lone surrogate ("\ud800") are valid JSON that PostgreSQL's jsonb refuses (a 500
  // on saving): NUL is left out, a lone surrogate becomes U+FFFD, as a browser does in a form.
  const storable = (_k: string, v: unknown) =>
    typeof v === 'string' ? v.split('\u0000').join('').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : v;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''), storable);
  } catch (e) {
    throw new QuestionnaireError([`${label}: (bestand): niet te lezen als JSON (${(e as Error).message})`]);
  }
}
