// /beheer/edities/:year/open-antwoorden …: the bureau and the ministry read the open answers; the
// bureau makes codes and puts them on texts. Advisors and the public never get here: a text is a
// municipality's own answer.
import { type Context, Hono } from 'hono';
import { first, readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { writeCsv } from '../data-exchange/index.ts';
import { listEditions } from '../editions/index.ts';
import { questionHistory } from '../questionnaire/lineage.ts';
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { oaText } from './open-answers.i18n.ts';
import {
  type Assignment, type Code, checkNewCode, codeCounts, codingChange, collectTexts, filterTexts, type OpenText, parseTextKey, slugOf, type TextFilter, textKey,
  textQuestions,
} from './open-answers.model.ts';
import { applyCoding, CodeTakenError, createCode, deleteCode, listAssignments, listCodes, textSource } from './open-answers.repo.ts';
import { filterQuery, OverviewPage, QuestionPage, RemovePage } from './open-answers.views.tsx';

const readers = requireRole('admin', 'ministry');
const bureau = requireRole('admin');
const PATH = '/edities/:year{[0-9]{4}}/open-antwoorden';

type Ctx = Context<AuthEnv>;

/** The edition and the questionnaires of it and every edition before, or undefined. */
async function editionsUpTo(c: Ctx) {
  const year = Number(c.req.param('year'));
  const all = await listEditions(c.get('deps').db);
  if (!all.some((e) => e.year === year)) return undefined;
  const qns = new Map<number, Questionnaire>(all.filter((e) => e.year <= year).map((e) => [e.year, e.questionnaire]));
  return { year, qns, questionnaire: qns.get(year) as Questionnaire };
}

/** The codes on each text, by the text's key. */
function codesByText(codes: Code[], assignments: Assignment[]): (t: OpenText) => Code[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const map = new Map<string, Code[]>();
  for (const a of assignments) {
    const code = byId.get(a.codeId);
    if (!code) continue;
    const key = textKey(a);
    map.set(key, [...(map.get(key) ?? []), code].sort((x, y) => x.label.localeCompare(y.label, 'nl')));
  }
  return (t) => map.get(textKey(t)) ?? [];
}

async function overview(c: Ctx, year: number, qn: Questionnaire, extra: Partial<Parameters<typeof OverviewPage>[0]> = {}, status: 200 | 400 = 200) {
  const { db } = c.get('deps');
  const [source, assignments, codes] = await Promise.all([textSource(db, [year]), listAssignments(db), listCodes(db)]);
  const codesOf = codesByText(codes, assignments);
  const questions = textQuestions(qn).map((q) => {
    const texts = collectTexts([{ edition: year, key: q.key }], source.responses, source.register);
    return { number: qn.questions.indexOf(q) + 1, question: q, texts: texts.length, coded: texts.filter((t) => codesOf(t).length > 0).length };
  });
  const counts = codeCounts(assignments);
  const editions = [...new Set([year, ...assignments.map((a) => a.edition)])].sort((a, b) => a - b);
  const rows = codes.map((code) => ({
    ...code, counts: counts.get(code.id) ?? new Map<number, number>(), assigned: assignments.filter((a) => a.codeId === code.id).length,
  }));
  return page(c, <OverviewPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={year} questions={questions} codes={rows} editions={editions} {...extra} />, status);
}

/** The filter from the query; by default the page's own edition. */
function readFilter(c: Ctx, year: number, editions: number[]): TextFilter {
  const q = (name: string) => (c.req.query(name) ?? '').slice(0, 200);
  const edition = q('editie');
  return {
    search: q('zoek').trim() || undefined,
    province: q('provincie') || undefined,
    edition: edition === 'alle' ? undefined : editions.includes(Number(edition)) ? Number(edition) : year,
    code: q('code') || undefined,
  };
}

export const openAnswersRoutes = new Hono<AuthEnv>()
  .get(PATH, readers, async (c) => {
    const e = await editionsUpTo(c);
    if (!e) return c.notFound();
    const lang = c.get('lang');
    const done = c.req.query('toegevoegd') ?? c.req.query('verwijderd');
    const notice = done ? oaText(lang, c.req.query('toegevoegd') ? 'new.done' : 'remove.done', { label: done.slice(0, 80) }) : undefined;
    return overview(c, e.year, e.questionnaire, { notice });
  })
  .post(`${PATH}/codes`, bureau, async (c) => {
    const e = await editionsUpTo(c);
    if (!e) return c.notFound();
    const { db, now } = c.get('deps');
    const form = await readForm(c);
    const label = (first(form, 'label') ?? '').trim().replace(/\s+/g, ' ');
    const description = (first(form, 'description') ?? '').trim();
    const errors = checkNewCode(label, description, await listCodes(db));
    if (!errors.length) {
      try {
        await createCode(db, { slug: slugOf(label), label, description }, c.get('session').account.id, now());
        return c.redirect(`/beheer/edities/${e.year}/open-antwoorden?toegevoegd=${encodeURIComponent(label)}`, 303);
      } catch (err) {
        if (!(err instanceof CodeTakenError)) throw err;
        errors.push('label.taken');
      }
    }
    return overview(c, e.year, e.questionnaire, { form: { label, description, errors } }, 400);
  })
  .get(`${PATH}/codes/:slug/verwijderen`, bureau, async (c) => {
    const e = await editionsUpTo(c);
    const code = (await listCodes(c.get('deps').db)).find((x) => x.slug === c.req.param('slug'));
    if (!e || !code) return c.notFound();
    const assigned = (await listAssignments(c.get('deps').db)).filter((a) => a.codeId === code.id).length;
    return page(c, <RemovePage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={e.year} code={code} assigned={assigned} />);
  })
  .post(`${PATH}/codes/:slug/verwijderen`, bureau, async (c) => {
    const e = await editionsUpTo(c);
    const code = (await listCodes(c.get('deps').db)).find((x) => x.slug === c.req.param('slug'));
    if (!e || !code) return c.notFound();
    await deleteCode(c.get('deps').db, code.slug);
    return c.redirect(`/beheer/edities/${e.year}/open-antwoorden?verwijderd=${encodeURIComponent(code.label)}`, 303);
  })
  .get(`${PATH}/export.csv`, readers, async (c) => {
    const e = await editionsUpTo(c);
    if (!e) return c.notFound();
    const { db } = c.get('deps');
    const [source, assignments, codes] = await Promise.all([textSource(db, [e.year]), listAssignments(db, [e.year]), listCodes(db)]);
    const codesOf = codesByText(codes, assignments);
    const rows = textQuestions(e.questionnaire).flatMap((q) => collectTexts([{ edition: e.year, key: q.key }], source.responses, source.register)
      .map((t) => [t.edition, t.municipality, t.name, t.province, t.question, q.text.nl, t.part, t.text, codesOf(t).map((x) => x.slug).join('; ')]));
    const csv = writeCsv(['edition', 'municipality_code', 'municipality', 'province', 'question', 'question_text', 'part', 'text', 'codes'], rows);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${oaText('nl', 'csv.file', { year: e.year })}"`,
      'cache-control': 'private, no-store',
    });
  })
  .get(`${PATH}/:question`, readers, async (c) => {
    const e = await editionsUpTo(c);
    const question = e?.questionnaire.questions.find((q) => q.key === c.req.param('question'));
    if (!e || !question || !textQuestions(e.questionnaire).includes(question)) return c.notFound();
    const { db } = c.get('deps');
    const history = questionHistory(e.qns, question.key).map((h) => ({ edition: h.edition, key: h.key }));
    const editions = [...new Set(history.map((h) => h.edition))];
    const [source, assignments, codes] = await Promise.all([textSource(db, editions), listAssignments(db, editions), listCodes(db)]);
    const codesOf = codesByText(codes, assignments);
    const all = collectTexts(history, source.responses, source.register);
    const filter = readFilter(c, e.year, editions);
    const saved = c.req.query('opgeslagen');
    return page(c, (
      <QuestionPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={e.year} question={question}
        number={e.questionnaire.questions.indexOf(question) + 1} texts={filterTexts(all, filter, codesOf)} total={all.length} filter={filter}
        provinces={source.provinces} editions={editions} codes={codes} codesOf={codesOf} saved={saved} />
    ));
  })
  .post(`${PATH}/:question`, bureau, async (c) => {
    const e = await editionsUpTo(c);
    if (!e?.questionnaire.questions.some((q) => q.key === c.req.param('question'))) return c.notFound();
    const { db, now } = c.get('deps');
    const form = await readForm(c);
    const text = parseTextKey(first(form, 'tekst') ?? '');
    const ids = (values: string[] | undefined) => new Set((values ?? []).flatMap((x) => x.split(',')).filter((x) => /^\d{1,12}$/.test(x)).map(Number));
    // Only texts of the question's lineage, in editions up to this one, can be coded from its page.
    const history = questionHistory(e.qns, c.req.param('question'));
    if (!text || !history.some((h) => h.edition === text.edition && h.key === text.question)) return c.text('Onbekende tekst', 400);
    await applyCoding(db, text, codingChange(ids(form.voor), ids(form.code)), c.get('session').account.id, now());
    const filter = readFilter(c, e.year, [...new Set(history.map((h) => h.edition))]);
    const key = textKey(text);
    return c.redirect(`/beheer/edities/${e.year}/open-antwoorden/${c.req.param('question')}?${filterQuery(filter)}&opgeslagen=${encodeURIComponent(key)}#t-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`, 303);
  });
