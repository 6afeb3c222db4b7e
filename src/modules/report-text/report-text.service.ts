// Use cases of the report text: the chapter list, saving a draft without overwriting a colleague,
// checking every placeholder against the edition's data, publishing (all or nothing).
import type { Db } from '../../db/client.ts';
import { getEdition } from '../editions/index.ts';
import type { Lang } from '../questionnaire/index.ts';
import { loadResults, type ResultsData } from '../reports/national/data.ts';
import { draftFromData } from './draft.model.ts';
import { placeholdersIn } from './markdown.model.ts';
import { createResolver, type Problem } from './placeholder.model.ts';
import {
  assemble, deleteChapter, insertChapters, insertVersion, listChapters, listDrafts, savePublication, setPositions, updateChapter,
} from './report-text.repo.ts';
import { type Chapter, type ChapterTitle, defaultChapters, type Draft, LANGS, MAX_BODY, SLUG } from './report-text.model.ts';

export class ReportTextError extends Error {
  constructor(readonly key: 'edition' | 'chapter' | 'slug' | 'slugTaken' | 'title' | 'tooLong', readonly detail = '') {
    super(`${key}${detail ? `: ${detail}` : ''}`);
    this.name = 'ReportTextError';
  }
}

/** A colleague saved this text since the form was opened: nothing was saved. */
export class StaleRevisionError extends Error {
  constructor(readonly expected: number, readonly current: Draft | undefined) {
    super(`revision ${expected} is stale (now ${current?.revision ?? 0})`);
    this.name = 'StaleRevisionError';
  }
}

export type TextProblem = { slug: string; lang: Lang; name: string; problem: Problem; detail: string };

/** Publishing is refused while a placeholder does not resolve. */
export class TextProblemsError extends Error {
  constructor(readonly problems: TextProblem[]) {
    super(`De rapporttekst heeft ${problems.length} plaatshouder(s) die niet kloppen: ${problems.map((p) => `{${p.name}} in ${p.slug} (${p.lang}): ${p.problem}`).join('; ')}`);
    this.name = 'TextProblemsError';
  }
}

/** The edition's chapters; an edition without any starts with the default list. */
export async function ensureChapters(db: Db, year: number): Promise<Chapter[]> {
  const edition = await getEdition(db, year);
  if (!edition) throw new ReportTextError('edition', String(year));
  const list = await listChapters(db, year);
  if (list.length) return list;
  await insertChapters(db, year, defaultChapters(edition.questionnaire));
  return listChapters(db, year);
}

export type ChapterState = Chapter & { drafts: Partial<Record<Lang, Draft>> };

export async function chapterStates(db: Db, year: number): Promise<ChapterState[]> {
  const chapters = await ensureChapters(db, year);
  const drafts = await listDrafts(db, year);
  return chapters.map((c) => ({ ...c, drafts: Object.fromEntries(drafts.filter((d) => d.slug === c.slug).map((d) => [d.lang, d])) }));
}

export type SaveInput = { year: number; slug: string; lang: Lang; body: string; expectedRevision: number; now: Date; accountId: number | null; via: 'web' | 'cli' };

/**
 * Saves a new version of a chapter text when `expectedRevision` is still the newest; otherwise
 * StaleRevisionError with the colleague's version. The same text again saves nothing.
 */
export async function saveDraft(db: Db, input: SaveInput): Promise<Draft | undefined> {
  const body = input.body.replace(/\r\n?/g, '\n');
  if (body.length > MAX_BODY) throw new ReportTextError('tooLong', String(MAX_BODY));
  return db.tx(async (tx) => {
    const chapter = await tx.one('SELECT 1 FROM report_chapters WHERE edition = $1 AND slug = $2 FOR UPDATE', [input.year, input.slug]);
    if (!chapter) throw new ReportTextError('chapter', input.slug);
    const current = (await listDrafts(tx, input.year)).find((d) => d.slug === input.slug && d.lang === input.lang);
    const revision = current?.revision ?? 0;
    if (revision !== input.expectedRevision) throw new StaleRevisionError(input.expectedRevision, current);
    if (current && current.body === body) return current;
    if (!current && body.trim() === '') return undefined;
    // The unique revision is the last guard: a concurrent save of the same revision inserts nothing.
    const ok = await insertVersion(tx, { ...input, edition: input.year, body, revision: revision + 1 });
    if (!ok) throw new StaleRevisionError(input.expectedRevision, current);
    return (await listDrafts(tx, input.year)).find((d) => d.slug === input.slug && d.lang === input.lang);
  });
}

/** Every placeholder of the given texts that does not resolve against the edition's data. */
export function problemsIn(data: ResultsData, texts: Array<{ slug: string; lang: Lang; body: string }>): TextProblem[] {
  const resolvers = new Map(LANGS.map((l) => [l, createResolver(data, l)]));
  const out: TextProblem[] = [];
  for (const t of texts) {
    const resolve = resolvers.get(t.lang)?.resolve ?? (() => ({ ok: false as const, problem: 'unknown' as const, detail: '' }));
    for (const u of placeholdersIn(t.body, resolve)) if (!u.resolved.ok) out.push({ slug: t.slug, lang: t.lang, name: u.name, problem: u.resolved.problem, detail: u.resolved.detail });
  }
  return out;
}

/** The edition's data as the text is checked against (unpublished editions too). */
export async function editionData(db: Db, year: number): Promise<ResultsData> {
  const data = await loadResults(db, year, { includeUnpublished: true });
  if (!data) throw new ReportTextError('edition', String(year));
  return data;
}

/** Problems of every current draft of the edition. */
export async function editionProblems(db: Db, year: number, data?: ResultsData): Promise<TextProblem[]> {
  const drafts = await listDrafts(db, year);
  return problemsIn(data ?? (await editionData(db, year)), drafts);
}

/**
 * Publishes the current drafts of every chapter (both languages), or refuses with every problem.
 * Called when the edition is published (in its transaction) and to publish the text again later.
 */
export async function publishText(db: Db, year: number, now: Date, accountId: number | null): Promise<void> {
  const chapters = await listChapters(db, year);
  const drafts = await listDrafts(db, year);
  const problems = problemsIn(await editionData(db, year), drafts);
  if (problems.length) throw new TextProblemsError(problems);
  await savePublication(db, year, assemble(chapters, drafts), now, accountId);
}

function checkTitle(title: ChapterTitle): ChapterTitle {
  const t = { nl: title.nl.trim().replace(/\s+/g, ' '), en: title.en.trim().replace(/\s+/g, ' ') };
  if (!t.nl || t.nl.length > 200 || t.en.length > 200) throw new ReportTextError('title');
  return { nl: t.nl, en: t.en || t.nl };
}

export async function addChapter(db: Db, year: number, slug: string, title: ChapterTitle): Promise<void> {
  if (!SLUG.test(slug)) throw new ReportTextError('slug', slug);
  const t = checkTitle(title);
  await db.tx(async (tx) => {
    const list = await ensureChapters(tx, year);
    if (list.some((c) => c.slug === slug)) throw new ReportTextError('slugTaken', slug);
    // A new chapter goes before the last one (the conclusions, by default).
    const at = Math.max(0, list.length - 1);
    await insertChapters(tx, year, [{ slug, position: list.length + 1, title: t, theme: null }]);
    await setPositions(tx, year, [...list.slice(0, at).map((c) => c.slug), slug, ...list.slice(at).map((c) => c.slug)]);
  });
}

// In one transaction: a refused request leaves nothing behind, not even the default chapters.
export async function renameChapter(db: Db, year: number, slug: string, title: ChapterTitle): Promise<void> {
  await db.tx(async (tx) => {
    const list = await ensureChapters(tx, year);
    if (!list.some((c) => c.slug === slug)) throw new ReportTextError('chapter', slug);
    await updateChapter(tx, year, slug, checkTitle(title));
  });
}

export async function moveChapter(db: Db, year: number, slug: string, direction: 'up' | 'down'): Promise<void> {
  await db.tx(async (tx) => {
    const slugs = (await ensureChapters(tx, year)).map((c) => c.slug);
    const i = slugs.indexOf(slug);
    if (i < 0) throw new ReportTextError('chapter', slug);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= slugs.length) return;
    [slugs[i], slugs[j]] = [slugs[j], slugs[i]];
    await setPositions(tx, year, slugs);
  });
}

export async function removeChapter(db: Db, year: number, slug: string): Promise<void> {
  await db.tx(async (tx) => {
    const list = await ensureChapters(tx, year);
    if (!list.some((c) => c.slug === slug)) throw new ReportTextError('chapter', slug);
    await deleteChapter(tx, year, slug);
  });
}

/**
 * Writes the rule-based first draft (draft.model.ts) into every chapter and language that has no
 * text yet; existing text is never touched. Returns how many texts were written.
 */
export async function writeFirstDraft(db: Db, year: number, now: Date, accountId: number | null, via: 'web' | 'cli'): Promise<number> {
  const data = await editionData(db, year);
  const chapters = await ensureChapters(db, year);
  let written = 0;
  for (const lang of LANGS) {
    const texts = draftFromData(data, lang, chapters, createResolver(data, lang));
    const drafts = await listDrafts(db, year);
    for (const [slug, body] of texts) {
      const current = drafts.find((d) => d.slug === slug && d.lang === lang);
      if (!body.trim() || current?.body.trim()) continue;
      try {
        await saveDraft(db, { year, slug, lang, body, expectedRevision: current?.revision ?? 0, now, accountId, via });
        written++;
      } catch (e) {
        // A colleague wrote this chapter just now: theirs stays.
        if (!(e instanceof StaleRevisionError)) throw e;
      }
    }
  }
  return written;
}
