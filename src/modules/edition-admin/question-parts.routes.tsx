// The pages of a question's parts, each a GET (the form) and a POST (save): /opties (single/multi),
// /onderdelen and /schaal (matrix), /voorwaarde (show_if), /tips, /herkomst (lineage); and a shared
// scale, /beheer/edities/:year/schalen/:scale.
import type { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import type { Question, Questionnaire } from '../questionnaire/index.ts';
import { admins, YEAR } from './editions.routes.tsx';
import { editShowIf, editTips } from './editor/conditions.edit.ts';
import type { Edit, FormFields } from './editor/form.edit.ts';
import { chooseScale, editItems } from './editor/items.edit.ts';
import { askedBeside, earlierQuestions, editLineage, LINEAGE_KINDS, type LineageKind } from './editor/lineage.edit.ts';
import { editQuestionOptions, editScaleOptions } from './editor/options.edit.ts';
import { type C, commit, doneNotice, loadState, pageBase, type Shown, type Status } from './questionnaire-commit.ts';
import type { EditorState } from './questionnaire.service.ts';
import { KEY } from './question.routes.tsx';
import { overview } from './questionnaire.routes.tsx';
import { QuestionItemsPage, QuestionScalePage } from './views/question-items.views.tsx';
import { LineagePage, type LineageStep } from './views/question-lineage.views.tsx';
import { QuestionOptionsPage } from './views/question-options.views.tsx';
import { ShowIfPage } from './views/question-show-if.views.tsx';
import { TipsPage } from './views/question-tips.views.tsx';
import { ScalePage } from './views/scale.views.tsx';

type Props = ReturnType<typeof pageBase> & { qn: Questionnaire; q: Question };

type Part = {
  slug: string;
  fits: (q: Question) => boolean;
  view: (c: C, p: Props, shown: Shown, st: EditorState) => JSX.Element;
  edit: (st: EditorState, key: string, form: FormFields) => (qn: Questionnaire) => Edit<Questionnaire>;
  /** Where to go after saving; by default the question's page. */
  stay?: (form: FormFields) => boolean;
};

const choice = (q: Question) => q.type === 'single' || q.type === 'multi';
const matrix = (q: Question) => q.type === 'matrix';

/** The lineage step from the address (GET) or from the form sent (after errors). */
function lineageStep(c: C, shown: Shown): LineageStep {
  const kind = (shown.values?.soort ?? c.req.query('soort')) as LineageKind | undefined;
  const keys = shown.values ? (shown.values.van ?? '').split(' ').filter(Boolean) : c.req.queries('van') ?? [];
  return { kind: kind && LINEAGE_KINDS.includes(kind) ? kind : undefined, keys };
}

const PARTS: Part[] = [
  {
    slug: 'opties', fits: choice, view: (_c, p) => <QuestionOptionsPage {...p} />,
    edit: (st, key, form) => (qn) => editQuestionOptions(qn, st.others, key, form), stay: (form) => !!form.verplaats?.[0],
  },
  { slug: 'onderdelen', fits: matrix, view: (_c, p) => <QuestionItemsPage {...p} />, edit: (_st, key, form) => (qn) => editItems(qn, key, form), stay: (form) => !!form.verplaats?.[0] },
  { slug: 'schaal', fits: matrix, view: (_c, p) => <QuestionScalePage {...p} />, edit: (_st, key, form) => (qn) => chooseScale(qn, key, form) },
  {
    slug: 'voorwaarde', fits: () => true,
    view: (c, p, shown) => <ShowIfPage {...p} source={shown.values ? shown.values.vraag : c.req.query('vraag')} />,
    edit: (_st, key, form) => (qn) => editShowIf(qn, key, form),
  },
  { slug: 'tips', fits: (q) => q.type !== 'text', view: (_c, p) => <TipsPage {...p} />, edit: (_st, key, form) => (qn) => editTips(qn, key, form) },
  {
    slug: 'herkomst', fits: () => true,
    view: (c, p, shown, st) => <LineagePage {...p} earlier={earlierQuestions(st.others, p.year, askedBeside(st.qn, p.q.key))} step={lineageStep(c, shown)} />,
    edit: (st, key, form) => (qn) => editLineage(qn, st.others, key, form),
  },
];

export function questionPartRoutes(app: Hono<AuthEnv>) {
  for (const part of PARTS) {
    const path = `/edities/${YEAR}/vragenlijst/${KEY}/${part.slug}`;
    const show = (c: C, st: EditorState, shown: Shown, status: Status = 200) => {
      const q = st.qn.questions.find((x) => x.key === (c.req.param('key') ?? ''));
      if (!q || !part.fits(q)) return shown.conflict ? overview(c, st, shown, status) : c.notFound();
      return page(c, part.view(c, { ...pageBase(c, st, shown), path: `/beheer/edities/${st.year}/vragenlijst/${q.key}/${part.slug}`, qn: st.qn, q }, shown, st), status);
    };
    app.get(path, admins, async (c) => {
      const st = await loadState(c);
      return st ? show(c, st, { notice: doneNotice(c) }) : c.notFound();
    });
    app.post(path, admins, async (c) => {
      const st = await loadState(c);
      const key = (c.req.param('key') ?? '');
      const q = st?.qn.questions.find((x) => x.key === key);
      if (!st || !q || !part.fits(q)) return c.notFound();
      const form = await readForm(c);
      const base = `/beheer/edities/${st.year}/vragenlijst/${key}`;
      return commit(c, st, form, part.edit(st, key, form), (s, shown, status) => show(c, s, shown, status),
        (r) => {
          const done = r.notice?.params?.codes ? `tipsweg&codes=${r.notice.params.codes}` : part.slug;
          return part.stay?.(form) ? `${base}/${part.slug}?klaar=${done}` : `${base}?klaar=${done}`;
        });
    });
  }

  const scalePath = `/edities/${YEAR}/schalen/:scale{[a-z0-9_]+}`;
  const scalePage = (c: C, st: EditorState, shown: Shown, status: Status = 200) => {
    const scale = (c.req.param('scale') ?? '');
    if (!st.qn.scales[scale]) return shown.conflict ? overview(c, st, shown, status) : c.notFound();
    return page(c, <ScalePage {...pageBase(c, st, shown)} path={`/beheer/edities/${st.year}/schalen/${scale}`} qn={st.qn} scale={scale} />, status);
  };
  app.get(scalePath, admins, async (c) => {
    const st = await loadState(c);
    return st ? scalePage(c, st, { notice: doneNotice(c) }) : c.notFound();
  });
  app.post(scalePath, admins, async (c) => {
    const st = await loadState(c);
    const scale = (c.req.param('scale') ?? '');
    if (!st?.qn.scales[scale]) return c.notFound();
    const form = await readForm(c);
    return commit(c, st, form, (qn) => editScaleOptions(qn, st.others, scale, form), (s, shown, status) => scalePage(c, s, shown, status),
      () => (form.verplaats?.[0] ? `/beheer/edities/${st.year}/schalen/${scale}?klaar=schaalopties` : `/beheer/edities/${st.year}/vragenlijst?klaar=schaalopties&sleutel=${scale}#schalen-titel`));
  });
}
