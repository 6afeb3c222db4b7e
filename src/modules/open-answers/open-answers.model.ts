// The open answers of a question (explanations, "Anders, namelijk" texts, answers to open
// questions) over the editions, the filters the bureau reads them with, and its codes: what a code
// may be called and how many municipalities carry it per edition. Pure: no web, no database.
import type { Answer, Answers } from '../responses/answer.model.ts';
import type { Question, Questionnaire } from '../questionnaire/questionnaire.model.ts';

export type TextPart = 'comment' | 'other' | 'text';
export const TEXT_PARTS: readonly TextPart[] = ['text', 'other', 'comment'];

export type OpenText = {
  edition: number;
  municipality: string;
  name: string;
  province: string;
  /** The question's key in that edition (an older key before a rename). */
  question: string;
  part: TextPart;
  text: string;
};

export type Code = { id: number; slug: string; label: string; description: string };
/** Which code is on which text. */
export type Assignment = { codeId: number; edition: number; municipality: string; question: string; part: TextPart };

/** One text's identity in a form or a link: "2022|GM0363|signaalpunt|comment". */
export const textKey = (t: Pick<OpenText, 'edition' | 'municipality' | 'question' | 'part'>) => `${t.edition}|${t.municipality}|${t.question}|${t.part}`;

export function parseTextKey(key: string): Omit<Assignment, 'codeId'> | undefined {
  const m = /^(\d{4})\|(GM\d{4})\|([a-z0-9_]{1,80})\|(comment|other|text)$/.exec(key);
  return m ? { edition: Number(m[1]), municipality: m[2], question: m[3], part: m[4] as TextPart } : undefined;
}

/** Whether a question can hold text at all: an open question, an "Anders" option, or an explanation. */
export function holdsText(q: Question): boolean {
  return q.type === 'text' || Boolean(q.comment) || (q.options ?? []).some((o) => o.other);
}

/** The texts in one answer, by part. */
export function textsOf(answer: Answer | undefined): { part: TextPart; text: string }[] {
  if (!answer) return [];
  const found: { part: TextPart; text: string }[] = [];
  if (answer.text?.trim()) found.push({ part: 'text', text: answer.text.trim() });
  if (answer.other?.trim()) found.push({ part: 'other', text: answer.other.trim() });
  if (answer.comment?.trim()) found.push({ part: 'comment', text: answer.comment.trim() });
  return found;
}

/**
 * Every text given to a question in the editions of `history` (the question under its key of each
 * edition), by submitted responses only, in edition order and then by municipality name.
 */
export function collectTexts(
  history: readonly { edition: number; key: string }[],
  responses: readonly { edition: number; municipality: string; answers: Answers }[],
  register: (edition: number, code: string) => { name: string; province: string } | undefined,
): OpenText[] {
  const keys = new Map<number, Set<string>>();
  for (const h of history) keys.set(h.edition, (keys.get(h.edition) ?? new Set()).add(h.key));
  const texts: OpenText[] = [];
  for (const r of responses) {
    const asked = keys.get(r.edition);
    if (!asked) continue;
    const m = register(r.edition, r.municipality);
    if (!m) continue;
    for (const key of asked) {
      for (const t of textsOf(r.answers[key])) texts.push({ edition: r.edition, municipality: r.municipality, name: m.name, province: m.province, question: key, ...t });
    }
  }
  return texts.sort((a, b) => a.edition - b.edition || a.name.localeCompare(b.name, 'nl') || TEXT_PARTS.indexOf(a.part) - TEXT_PARTS.indexOf(b.part));
}

export type TextFilter = {
  search?: string;
  province?: string;
  edition?: number;
  /** A code's slug, or "geen" for texts without any code. */
  code?: string;
};

const fold = (s: string) => s.toLocaleLowerCase('nl');

export function filterTexts(texts: readonly OpenText[], f: TextFilter, codesOf: (t: OpenText) => readonly Code[]): OpenText[] {
  const search = f.search ? fold(f.search.trim()) : '';
  return texts.filter((t) => {
    if (f.edition !== undefined && t.edition !== f.edition) return false;
    if (f.province && t.province !== f.province) return false;
    if (search && !fold(t.text).includes(search) && !fold(t.name).includes(search)) return false;
    if (f.code === 'geen') return codesOf(t).length === 0;
    if (f.code) return codesOf(t).some((c) => c.slug === f.code);
    return true;
  });
}

/** The text cut where the search term occurs, so the page can mark each occurrence. */
export function highlight(text: string, search: string | undefined): { text: string; match: boolean }[] {
  const term = search?.trim();
  if (!term) return [{ text, match: false }];
  const lower = fold(text);
  const needle = fold(term);
  // Folding may change the length (rare letters): then nothing is marked rather than the wrong part.
  if (lower.length !== text.length) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
    if (i > at) parts.push({ text: text.slice(at, i), match: false });
    parts.push({ text: text.slice(i, i + needle.length), match: true });
    at = i + needle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** "GGD-monitor" → "ggd-monitor"; "Structurele inbedding!" → "structurele-inbedding". */
export function slugOf(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

export type CodeInputError = 'label.empty' | 'label.long' | 'label.noLetters' | 'label.taken' | 'description.long';

/** What is wrong with a new code, in the order a person would fix it; [] when it can be made. */
export function checkNewCode(label: string, description: string, existing: readonly Code[]): CodeInputError[] {
  const errors: CodeInputError[] = [];
  const l = label.trim();
  if (!l) errors.push('label.empty');
  else if (l.length > 80) errors.push('label.long');
  else if (!slugOf(l)) errors.push('label.noLetters');
  else if (existing.some((c) => c.slug === slugOf(l) || fold(c.label) === fold(l))) errors.push('label.taken');
  if (description.trim().length > 500) errors.push('description.long');
  return errors;
}

/** Per code, per edition: how many municipalities have at least one text with it. */
export function codeCounts(assignments: readonly Assignment[]): Map<number, Map<number, number>> {
  const seen = new Map<number, Map<number, Set<string>>>();
  for (const a of assignments) {
    const byEdition = seen.get(a.codeId) ?? new Map<number, Set<string>>();
    byEdition.set(a.edition, (byEdition.get(a.edition) ?? new Set()).add(a.municipality));
    seen.set(a.codeId, byEdition);
  }
  return new Map([...seen].map(([code, editions]) => [code, new Map([...editions].map(([e, s]) => [e, s.size]))]));
}

/**
 * What a coding form changes: the codes ticked now against those ticked when the page was made.
 * Only the difference is applied, so a colleague's code on the same text is never taken off.
 */
export function codingChange(before: ReadonlySet<number>, ticked: ReadonlySet<number>): { add: number[]; remove: number[] } {
  return { add: [...ticked].filter((c) => !before.has(c)), remove: [...before].filter((c) => !ticked.has(c)) };
}

/** The questions of an edition that hold text, in questionnaire order. */
export function textQuestions(qn: Questionnaire): Question[] {
  return qn.questions.filter(holdsText);
}
