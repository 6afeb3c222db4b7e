// How every editor page saves (web layer): read the questionnaire with its revision, refuse when the
// edition has answers or the form was made on an older revision (a colleague changed it meanwhile),
// apply the page's pure edit, save through changeQuestionnaire with that revision, and answer with
// a redirect or the page again with what was wrong. Nothing is saved unless everything is right.
import type { Context } from 'hono';
import type { AuthEnv } from '../auth/index.ts';
import { type Questionnaire, QuestionnaireError } from '../questionnaire/index.ts';
import { type Edit, type EditError, type FormFields, formRev, type Values } from './editor/form.edit.ts';
import { type EdKey, edText } from './questionnaire-editor.i18n.ts';
import { changeQuestionnaire, editorState, type EditorState, QuestionnaireConflictError, QuestionnaireLockedError } from './questionnaire.service.ts';

export type C = Context<AuthEnv>;

/** What a page shows besides the questionnaire: typed values, errors, problems, notices. */
export type Shown = { values?: Values; errors?: EditError[]; problems?: string[]; conflict?: boolean; notice?: string };
/** The statuses an editor page is shown with: as asked, refused input, refused change. */
export type Status = 200 | 400 | 409;
export type Render = (st: EditorState, shown: Shown, status: Status) => Response | Promise<Response>;

export async function loadState(c: C): Promise<EditorState | undefined> {
  return editorState(c.get('deps').db, Number(c.req.param('year')));
}

/** The props every editor page takes from the request and the state. */
export function pageBase(c: C, st: EditorState, shown: Shown = {}) {
  return { lang: c.get('lang'), path: c.req.path, session: c.get('session'), year: st.year, rev: st.rev, answered: st.answered, ...shown };
}

/** Notices after a saved change: `?klaar=<what>` (and `&sleutel=<key>`) on the page redirected to. */
const DONE: Record<string, EdKey> = {
  vraag: 'done.question', opties: 'done.options', onderdelen: 'done.items', schaal: 'done.scale', voorwaarde: 'done.showIf', tips: 'done.tips',
  herkomst: 'done.lineage', kernresultaat: 'done.keyResult', kernresultaatweg: 'done.keyResultRemoved', nieuw: 'done.new', thema: 'done.theme',
  themaweg: 'done.themeRemoved', nieuwthema: 'done.newTheme', verplaatst: 'done.moved', verwijderd: 'done.removed', vervangen: 'done.replaced',
  schaalopties: 'done.scaleOptions', tipsweg: 'done.tipsRemoved',
};

export function doneNotice(c: C): string | undefined {
  const key = DONE[c.req.query('klaar') ?? ''];
  return key ? edText(c.get('lang'), key, { key: c.req.query('sleutel') ?? '', codes: c.req.query('codes') ?? '' }) : undefined;
}

/**
 * Saves `edit(questionnaire)` when the form's revision (`rev`) is the current one; `done` gives the
 * address to go to afterwards. `render` shows the page again: with the errors (400), or after a
 * refusal with the questionnaire as it is now (409).
 */
export async function commit(c: C, st: EditorState, form: FormFields, edit: (qn: Questionnaire) => Edit<Questionnaire>, render: Render, done: (result: Edit<Questionnaire>) => string): Promise<Response> {
  if (st.answered > 0) return render(st, {}, 409);
  const rev = formRev(form);
  if (rev !== st.rev) return render(st, { conflict: true }, 409);
  const result = edit(st.qn);
  const next = result.next;
  if (!next) return render(st, { values: result.values, errors: result.errors }, 400);
  try {
    await changeQuestionnaire(c.get('deps').db, st.year, () => next, `editie ${st.year}`, rev);
  } catch (e) {
    if (e instanceof QuestionnaireError) return render(st, { values: result.values, problems: e.problems }, 400);
    if (!(e instanceof QuestionnaireConflictError) && !(e instanceof QuestionnaireLockedError)) throw e;
    const fresh = await loadState(c);
    if (!fresh) return c.notFound();
    return render(fresh, { conflict: e instanceof QuestionnaireConflictError }, 409);
  }
  return c.redirect(done(result), 303);
}
