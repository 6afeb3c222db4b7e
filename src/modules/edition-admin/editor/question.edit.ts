// One question's own fields and a new question (pure). The main page holds the wording, help text,
// short label, theme, single/multi, required and the toelichting switch; a new question also gets
// what its type cannot be without (options; a scale and items), the rest is added afterwards.
import { answerOptions, type Question, type Questionnaire, type Theme } from '../../questionnaire/index.ts';
import { type Edit, type FormFields, FormReader } from './form.edit.ts';
import { readItems } from './items.edit.ts';
import { readOptions } from './options.edit.ts';
import { changeTheme, readTheme, regroup } from './structure.edit.ts';

export const QUESTION_TYPES = ['single', 'multi', 'matrix', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** Empty rows on the new-question page. */
export const NEW_ROWS = 4;

/** Wording, help and short label: fields `text-…`, `help-…`, `short-…`. */
function readTexts(r: FormReader, q: Question | undefined) {
  return {
    text: r.text('text', { key: 'part.text' }, { required: true, current: q?.text }),
    help: r.text('help', { key: 'part.help' }, { required: false, current: q?.help }),
    short: r.text('short', { key: 'part.questionShort' }, { required: false, current: q?.short }),
  };
}

/** Optional fields are left out when empty, as in the shipped files. */
function withOptional(q: Question, extra: Partial<Question>): Question {
  const out: Question = { ...q, ...extra };
  for (const k of ['help', 'short', 'required', 'comment'] as const) if (out[k] === undefined || out[k] === false) delete out[k];
  return out;
}

/** The main page: texts, theme (`thema`), single/multi (`soort`), `verplicht`, `toelichting`. */
export function editQuestion(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (!q) return { values: r.values, errors: r.errors };
  const texts = readTexts(r, q);
  const theme = r.raw('thema', q.theme);
  if (!qn.themes.some((t) => t.key === theme)) r.error('thema', 'error.theme.choose');
  let type = q.type;
  if (q.type === 'single' || q.type === 'multi') {
    const chosen = r.raw('soort', q.type);
    if (chosen === 'single' || chosen === 'multi') type = chosen;
    else r.error('soort-single', 'error.type.choose');
  }
  const required = r.checked('verplicht');
  const comment = r.checked('toelichting');
  if (r.errors.length || !texts.text) return { values: r.values, errors: r.errors };
  // A single question has no "exclusive" options (every answer excludes the others).
  const options = type === 'single' ? q.options?.map(({ exclusive: _e, ...o }) => o) : q.options;
  const edited = withOptional(q, { ...texts, text: texts.text, type, required, comment, ...(options && { options }) });
  const next = { ...qn, questions: qn.questions.map((x) => (x.key === key ? edited : x)) };
  return { values: r.values, errors: [], next: changeTheme(next, key, theme) };
}

/** Keys earlier editions used, with the first edition that asked each. */
export function earlierKeys(others: readonly Questionnaire[], year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of [...others].filter((x) => x.edition < year).sort((a, b) => a.edition - b.edition)) {
    for (const q of o.questions) if (!out.has(q.key)) out.set(q.key, o.edition);
  }
  return out;
}

/**
 * The new-question page (`soort`, `thema`, `sleutel`, texts, and options or scale and items);
 * with `newTheme`, the theme fields `thema-…` of the step before make a new theme around it.
 * A key an earlier edition used is refused: the same key means the same question in the trends.
 */
export function addQuestion(qn: Questionnaire, others: readonly Questionnaire[], form: FormFields, newTheme = false): Edit<Questionnaire> {
  const r = new FormReader(form);
  const type = r.raw('soort') as QuestionType;
  if (!QUESTION_TYPES.includes(type)) r.error('soort-single', 'error.type.choose');
  let theme: Theme | undefined;
  let themeKey = r.raw('thema');
  if (newTheme) {
    theme = readTheme(r, qn, undefined, 'thema-');
    themeKey = theme?.key ?? '';
  } else if (!qn.themes.some((t) => t.key === themeKey)) r.error('thema', 'error.theme.choose');
  const used = earlierKeys(others, qn.edition);
  const key = r.code('sleutel', { key: 'part.questionKey' }, new Set(qn.questions.map((q) => q.key)));
  if (key && used.has(key)) r.error('sleutel', 'error.key.earlier', undefined, { code: key, edition: used.get(key) as number });
  const texts = readTexts(r, undefined);
  const required = r.checked('verplicht');
  const comment = r.checked('toelichting');
  let body: Partial<Question> = {};
  if (type === 'single' || type === 'multi') {
    const read = readOptions(r, [], type, () => [], NEW_ROWS);
    if (read) body = { options: read.options };
  } else if (type === 'matrix') {
    const scale = r.raw('schaal');
    if (!qn.scales[scale]) r.error('schaal', 'error.scale.choose');
    const read = readItems(r, [], () => [], NEW_ROWS);
    if (read) body = { scale, items: read.items };
  }
  if (r.errors.length || !key || !texts.text) return { values: r.values, errors: r.errors };
  const q = withOptional({ key, theme: themeKey, type, text: texts.text }, { help: texts.help, short: texts.short, ...body, required, comment });
  const themes = theme ? [...qn.themes, theme] : qn.themes;
  return { values: r.values, errors: [], next: regroup({ ...qn, themes, questions: [...qn.questions, q] }) };
}

/** The theme step of "new theme": its fields are checked before the first question is asked for. */
export function checkNewTheme(qn: Questionnaire, form: FormFields): Edit<Theme> {
  const r = new FormReader(form);
  const theme = readTheme(r, qn, undefined, 'thema-');
  const type = r.raw('soort');
  if (!QUESTION_TYPES.includes(type as QuestionType)) r.error('soort-single', 'error.type.choose');
  return theme && !r.errors.length ? { values: r.values, errors: [], next: theme } : { values: r.values, errors: r.errors };
}

/** Earlier single and multi questions: those a show_if may depend on. */
export function showIfSources(qn: Questionnaire, key: string): Question[] {
  const at = qn.questions.findIndex((q) => q.key === key);
  return qn.questions.slice(0, Math.max(at, 0)).filter((q) => q.type === 'single' || q.type === 'multi');
}

/** The options of question `key`, own or its scale's. */
export function optionsOf(qn: Questionnaire, key: string) {
  const q = qn.questions.find((x) => x.key === key);
  return q ? answerOptions(q, qn) : [];
}
