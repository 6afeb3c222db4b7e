// /beheer/edities/:year/rapporttekst …: the bureau writes the national report's text. Admins only;
// every form works without JavaScript and carries the revision it was made on.
import type { Context, Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { bodyBytes, page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { getEdition } from '../editions/index.ts';
import type { Lang } from '../questionnaire/index.ts';
import { ChapterPage } from './chapter.views.tsx';
import { ChaptersPage, type FieldError, RemovePage } from './chapters.views.tsx';
import { renderHtml } from './markdown.model.ts';
import { createResolver } from './placeholder.model.ts';
import { rtText } from './report-text.i18n.ts';
import { MAX_BODY } from './report-text.model.ts';
import { nationalReportPdf } from '../reports/national/pdf/build.ts';
import { assemble, findPublication, listChapters, listDrafts, listVersions } from './report-text.repo.ts';
import {
  addChapter, chapterStates, editionData, moveChapter, problemsIn, publishText, removeChapter, renameChapter, ReportTextError, saveDraft,
  StaleRevisionError, TextProblemsError, writeFirstDraft,
} from './report-text.service.ts';

type C = Context<AuthEnv>;
const admins = requireRole('admin');
const BASE = '/edities/:year{[0-9]{4}}/rapporttekst';
const SLUG = ':slug{[a-z0-9][a-z0-9_-]{0,59}}';
const DONE = { toegevoegd: 'chapter.added', verwijderd: 'chapter.removed', titel: 'chapter.renamed', gepubliceerd: 'pub.done', opzet: 'draft.done', geenopzet: 'draft.none' } as const;

const year = (c: C) => Number(c.req.param('year'));
const textLang = (c: C): Lang => (c.req.query('taal') === 'en' ? 'en' : 'nl');
const field = (form: Record<string, string[]>, name: string) => form[name]?.[0] ?? '';

async function chaptersPage(c: C, extra: { errors?: FieldError[]; values?: Record<string, string> } = {}, status: 200 | 400 | 409 = 200) {
  const { db } = c.get('deps');
  const y = year(c);
  const edition = await getEdition(db, y);
  if (!edition) return c.notFound();
  const chapters = await chapterStates(db, y);
  const drafts = chapters.flatMap((ch) => Object.values(ch.drafts).map((d) => ({ slug: ch.slug, lang: d.lang, body: d.body })));
  const problems = problemsIn(await editionData(db, y), drafts);
  const publication = await findPublication(db, y);
  const changed = publication ? drafts.filter((d) => publication.chapters.find((x) => x.slug === d.slug)?.body[d.lang] !== d.body).length : 0;
  const done = DONE[c.req.query('klaar') as keyof typeof DONE];
  const lang = c.get('lang');
  return page(c,
    <ChaptersPage lang={lang} path={c.req.path} session={c.get('session')} year={y} published={Boolean(edition.publishedAt)} qn={edition.questionnaire}
      chapters={chapters} problems={problems} publication={publication} changed={changed} notice={done ? rtText(lang, done, { n: c.req.query('n') ?? '' }) : undefined} {...extra} />,
    status);
}

type Shown = { body?: string; revision?: number; unsaved?: boolean; stale?: Parameters<typeof ChapterPage>[0]['stale']; notice?: string; errors?: FieldError[] };

async function chapterPage(c: C, shown: Shown = {}, status: 200 | 400 | 409 = 200) {
  const { db } = c.get('deps');
  const y = year(c);
  // Only a chapter that exists: a 404 must not create the default list as a side effect.
  if (!(await getEdition(db, y)) || !(await listChapters(db, y)).some((ch) => ch.slug === c.req.param('slug'))) return c.notFound();
  const chapter = (await chapterStates(db, y)).find((ch) => ch.slug === c.req.param('slug'));
  if (!chapter) return c.notFound();
  const l = textLang(c);
  const draft = chapter.drafts[l];
  const body = shown.body ?? draft?.body ?? '';
  const resolver = createResolver(await editionData(db, y), l);
  const preview = renderHtml(body, resolver.resolve, { headingBase: 3, preview: { problemText: (_n, p) => rtText(c.get('lang'), `problem.${p}`) } });
  return page(c,
    <ChapterPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={y} chapter={chapter} textLang={l}
      body={body} revision={shown.revision ?? draft?.revision ?? 0} preview={{ ...preview, unsaved: shown.unsaved ?? false }}
      catalogue={resolver.catalogue()} resolve={resolver.resolve} history={await listVersions(db, y, chapter.slug, l)}
      stale={shown.stale} notice={shown.notice} errors={shown.errors} />,
    status);
}

export function reportTextRoutes(app: Hono<AuthEnv>) {
  app.get(BASE, admins, (c) => chaptersPage(c));

  app.post(`${BASE}/hoofdstukken`, admins, async (c) => {
    const form = await readForm(c);
    const values = { slug: field(form, 'slug').trim(), 'titel-nl': field(form, 'titel-nl'), 'titel-en': field(form, 'titel-en') };
    try {
      await addChapter(c.get('deps').db, year(c), values.slug, { nl: values['titel-nl'], en: values['titel-en'] });
    } catch (e) {
      if (!(e instanceof ReportTextError)) throw e;
      if (e.key === 'edition') return c.notFound();
      const fieldName = e.key === 'title' ? 'titel-nl' : 'slug';
      return chaptersPage(c, { values, errors: [{ field: fieldName, key: e.key === 'slugTaken' ? 'error.slugTaken' : e.key === 'title' ? 'error.title' : 'error.slug', params: { slug: values.slug } }] }, 400);
    }
    return c.redirect(`/beheer/edities/${year(c)}/rapporttekst/${values.slug}?klaar=toegevoegd`, 303);
  });

  // The whole report as PDF with the current drafts, marked concept: how publishing would look.
  app.get(`${BASE}/concept.pdf`, admins, async (c) => {
    const { db, now } = c.get('deps');
    const y = year(c);
    if (!(await getEdition(db, y))) return c.notFound();
    const data = await editionData(db, y);
    const text = { publishedAt: null, chapters: assemble(await listChapters(db, y), await listDrafts(db, y)) };
    const lang: Lang = c.req.query('taal') === 'en' ? 'en' : 'nl';
    const pdf = await nationalReportPdf({ ...data, concept: true, text }, lang, now());
    return c.body(bodyBytes(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="concept-rapport-${y}-${lang}.pdf"` });
  });

  app.post(`${BASE}/opzet`, admins, async (c) => {
    const { db, now } = c.get('deps');
    if (!(await getEdition(db, year(c)))) return c.notFound();
    const n = await writeFirstDraft(db, year(c), now(), c.get('session').account.id, 'web');
    return c.redirect(`/beheer/edities/${year(c)}/rapporttekst?klaar=${n ? `opzet&n=${n}` : 'geenopzet'}`, 303);
  });

  app.post(`${BASE}/publiceren`, admins, async (c) => {
    const { db, now } = c.get('deps');
    const edition = await getEdition(db, year(c));
    if (!edition) return c.notFound();
    // Before the edition is published the text goes with it, not on its own.
    if (!edition.publishedAt) return chaptersPage(c, {}, 409);
    try {
      await publishText(db, year(c), now(), c.get('session').account.id);
    } catch (e) {
      if (!(e instanceof TextProblemsError)) throw e;
      return chaptersPage(c, {}, 409);
    }
    return c.redirect(`/beheer/edities/${year(c)}/rapporttekst?klaar=gepubliceerd`, 303);
  });

  app.get(`${BASE}/${SLUG}`, admins, (c) => {
    const done = DONE[c.req.query('klaar') as keyof typeof DONE];
    const saved = c.req.query('opgeslagen');
    const lang = c.get('lang');
    const notice = saved ? rtText(lang, saved === '0' ? 'chapter.unchanged' : 'chapter.saved', { n: saved }) : done ? rtText(lang, done) : undefined;
    return chapterPage(c, { notice });
  });

  app.post(`${BASE}/${SLUG}`, admins, async (c) => {
    const { db, now } = c.get('deps');
    const form = await readForm(c);
    const body = field(form, 'tekst').replace(/\r\n?/g, '\n');
    const revision = Number(field(form, 'revisie'));
    const l = textLang(c);
    if (field(form, 'actie') === 'voorbeeld') return chapterPage(c, { body, revision, unsaved: true });
    if (body.length > MAX_BODY) return chapterPage(c, { body, revision, unsaved: true, errors: [{ field: 'tekst', key: 'error.tooLong', params: { max: MAX_BODY } }] }, 400);
    const slug = c.req.param('slug');
    try {
      const before = (await listDrafts(db, year(c))).find((d) => d.slug === slug && d.lang === l)?.revision ?? 0;
      const saved = await saveDraft(db, { year: year(c), slug, lang: l, body, expectedRevision: Number.isInteger(revision) ? revision : -1, now: now(), accountId: c.get('session').account.id, via: 'web' });
      const n = saved && saved.revision !== before ? saved.revision : 0;
      return c.redirect(`/beheer/edities/${year(c)}/rapporttekst/${slug}?taal=${l}&opgeslagen=${n}`, 303);
    } catch (e) {
      if (e instanceof StaleRevisionError) return chapterPage(c, { body, revision: e.current?.revision ?? 0, unsaved: true, stale: e.current }, 409);
      // an edition or chapter that does not exist
      if (e instanceof ReportTextError) return c.notFound();
      throw e;
    }
  });

  // The live preview (report-text.js): the same rendering as the Voorbeeld button, as a fragment.
  app.post(`${BASE}/${SLUG}/voorbeeld`, admins, async (c) => {
    if (!(await getEdition(c.get('deps').db, year(c)))) return c.notFound();
    const form = await readForm(c);
    const body = field(form, 'tekst').slice(0, MAX_BODY);
    const resolver = createResolver(await editionData(c.get('deps').db, year(c)), textLang(c));
    const { html } = renderHtml(body, resolver.resolve, { headingBase: 3, preview: { problemText: (_n, p) => rtText(c.get('lang'), `problem.${p}`) } });
    return c.html(html || `<p>${rtText(c.get('lang'), 'chapter.previewEmpty')}</p>`);
  });

  app.post(`${BASE}/${SLUG}/titel`, admins, async (c) => {
    const form = await readForm(c);
    try {
      await renameChapter(c.get('deps').db, year(c), c.req.param('slug'), { nl: field(form, 'titel-nl'), en: field(form, 'titel-en') });
    } catch (e) {
      if (!(e instanceof ReportTextError)) throw e;
      if (e.key !== 'title') return c.notFound();
      return chapterPage(c, { errors: [{ field: 'titel-nl', key: 'error.title' }] }, 400);
    }
    return c.redirect(`/beheer/edities/${year(c)}/rapporttekst/${c.req.param('slug')}?klaar=titel`, 303);
  });

  app.post(`${BASE}/${SLUG}/verplaatsen`, admins, async (c) => {
    const form = await readForm(c);
    try {
      await moveChapter(c.get('deps').db, year(c), c.req.param('slug'), field(form, 'richting') === 'op' ? 'up' : 'down');
    } catch (e) {
      if (e instanceof ReportTextError) return c.notFound();
      throw e;
    }
    return c.redirect(`/beheer/edities/${year(c)}/rapporttekst`, 303);
  });

  app.get(`${BASE}/${SLUG}/verwijderen`, admins, async (c) => {
    const chapter = (await listChapters(c.get('deps').db, year(c))).find((ch) => ch.slug === c.req.param('slug'));
    if (!chapter) return c.notFound();
    return page(c, <RemovePage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={year(c)} chapter={chapter} />);
  });

  app.post(`${BASE}/${SLUG}/verwijderen`, admins, async (c) => {
    try {
      await removeChapter(c.get('deps').db, year(c), c.req.param('slug'));
    } catch (e) {
      if (e instanceof ReportTextError) return c.notFound();
      throw e;
    }
    return c.redirect(`/beheer/edities/${year(c)}/rapporttekst?klaar=verwijderd`, 303);
  });
}
