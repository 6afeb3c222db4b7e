// Themes and the order of questions (pure): add, change, remove and move a theme; move a question
// up or down within its theme or to another theme. Questions stay grouped in theme order, so the
// respondent's question numbers follow the pages.
import type { Questionnaire, Theme } from '../../questionnaire/index.ts';
import { FormReader, type Edit, type FormFields, swap } from './form.edit.ts';

export const THEME_KINDS = ['actielijn', 'pijler', 'actualiteit', 'overig'] as const;

/** The questions sorted by their theme's place (stable within a theme). */
export function regroup(qn: Questionnaire): Questionnaire {
  const place = new Map(qn.themes.map((t, i) => [t.key, i]));
  const questions = qn.questions.map((q, i) => ({ q, i }))
    .sort((a, b) => (place.get(a.q.theme) ?? 0) - (place.get(b.q.theme) ?? 0) || a.i - b.i)
    .map((x) => x.q);
  return { ...qn, questions };
}

export function moveTheme(qn: Questionnaire, key: string, dir: -1 | 1): Questionnaire {
  return regroup({ ...qn, themes: swap(qn.themes, qn.themes.findIndex((t) => t.key === key), dir) });
}

/** Swaps the question with the previous (-1) or next (+1) question of the same theme. */
export function moveQuestion(qn: Questionnaire, key: string, dir: -1 | 1): Questionnaire {
  const at = qn.questions.findIndex((q) => q.key === key);
  if (at < 0) return qn;
  const theme = qn.questions[at].theme;
  let j = at + dir;
  while (j >= 0 && j < qn.questions.length && qn.questions[j].theme !== theme) j += dir;
  if (j < 0 || j >= qn.questions.length) return qn;
  const questions = [...qn.questions];
  [questions[at], questions[j]] = [questions[j], questions[at]];
  return { ...qn, questions };
}

/** The question moved to the end of another theme. */
export function changeTheme(qn: Questionnaire, key: string, theme: string): Questionnaire {
  const q = qn.questions.find((x) => x.key === key);
  if (!q || q.theme === theme) return qn;
  return regroup({ ...qn, questions: [...qn.questions.filter((x) => x.key !== key), { ...q, theme }] });
}

/** Without the theme, its questions and their key results. */
export function removeTheme(qn: Questionnaire, key: string): Questionnaire {
  const gone = new Set(qn.questions.filter((q) => q.theme === key).map((q) => q.key));
  const keyResults = qn.keyResults?.filter((k) => !gone.has(k.question));
  return {
    ...qn, themes: qn.themes.filter((t) => t.key !== key), questions: qn.questions.filter((q) => !gone.has(q.key)),
    ...(keyResults && { keyResults }),
  };
}

/**
 * Theme fields `<prefix>key` (new themes only), `kind`, `number`, `title-…`, `short-…`, `intro-…`.
 * Undefined when something is wrong (see r.errors).
 */
export function readTheme(r: FormReader, qn: Questionnaire, current: Theme | undefined, prefix = ''): Theme | undefined {
  const before = r.errors.length;
  const key = current ? current.key : r.code(`${prefix}key`, { key: 'part.themeKey' }, new Set(qn.themes.map((t) => t.key)));
  const kind = r.raw(`${prefix}kind`, current?.kind ?? '');
  if (!THEME_KINDS.includes(kind as Theme['kind'])) r.error(`${prefix}kind-${THEME_KINDS[0]}`, 'error.theme.kind');
  const number = r.int(`${prefix}number`, { key: 'part.themeNumber' }, 1, 99, current?.number);
  const title = r.text(`${prefix}title`, { key: 'part.themeTitle' }, { required: true, current: current?.title });
  const short = r.text(`${prefix}short`, { key: 'part.themeShort' }, { required: true, current: current?.short });
  const intro = r.text(`${prefix}intro`, { key: 'part.themeIntro' }, { required: true, current: current?.intro });
  if (r.errors.length > before || !key || !title || !short || !intro || number === null) return undefined;
  return { key, kind: kind as Theme['kind'], ...(number !== undefined && { number }), title, short, intro };
}

/** The theme page: its fields changed (the key stays). */
export function editTheme(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const current = qn.themes.find((t) => t.key === key);
  const theme = current && readTheme(r, qn, current);
  if (!theme) return { values: r.values, errors: r.errors };
  return { values: r.values, errors: [], next: { ...qn, themes: qn.themes.map((t) => (t.key === key ? theme : t)) } };
}
