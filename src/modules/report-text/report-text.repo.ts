// SQL of the report text: chapters, saved versions (draft = the newest), publications.
import { codePlaceholders } from '../open-answers/open-answers.placeholders.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../questionnaire/index.ts';
import type { PlaceholderProvider } from './placeholder.model.ts';
import type { Chapter, Draft, PublishedChapter, PublishedText } from './report-text.model.ts';

type ChapterRow = { slug: string; position: number; title_nl: string; title_en: string; theme: string | null };
const toChapter = (r: ChapterRow): Chapter => ({ slug: r.slug, position: r.position, title: { nl: r.title_nl, en: r.title_en }, theme: r.theme });

export async function listChapters(db: Db, edition: number): Promise<Chapter[]> {
  const rows = await db.query<ChapterRow>('SELECT slug, position, title_nl, title_en, theme FROM report_chapters WHERE edition = $1 ORDER BY position, slug', [edition]);
  return rows.map(toChapter);
}

export async function insertChapters(db: Db, edition: number, chapters: Chapter[]): Promise<void> {
  for (const c of chapters) {
    await db.query(
      'INSERT INTO report_chapters (edition, slug, position, title_nl, title_en, theme) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [edition, c.slug, c.position, c.title.nl, c.title.en, c.theme],
    );
  }
}

export async function updateChapter(db: Db, edition: number, slug: string, title: { nl: string; en: string }): Promise<void> {
  await db.query('UPDATE report_chapters SET title_nl = $3, title_en = $4 WHERE edition = $1 AND slug = $2', [edition, slug, title.nl, title.en]);
}

export async function setPositions(db: Db, edition: number, slugs: string[]): Promise<void> {
  for (const [i, slug] of slugs.entries()) await db.query('UPDATE report_chapters SET position = $3 WHERE edition = $1 AND slug = $2', [edition, slug, i + 1]);
}

export async function deleteChapter(db: Db, edition: number, slug: string): Promise<void> {
  await db.query('DELETE FROM report_chapters WHERE edition = $1 AND slug = $2', [edition, slug]);
}

type VersionRow = { slug: string; lang: Lang; revision: number; body: string; saved_at: Date; by: string | null; via: 'web' | 'cli' };
const toDraft = (r: VersionRow): Draft => ({ slug: r.slug, lang: r.lang, revision: r.revision, body: r.body, savedAt: r.saved_at, by: r.by, via: r.via });
const VERSION_COLUMNS = `v.slug, v.lang, v.revision, v.body, v.saved_at, COALESCE(NULLIF(a.name, ''), a.email) AS by, v.via`;

/** The newest version of every chapter and language of the edition. */
export async function listDrafts(db: Db, edition: number): Promise<Draft[]> {
  const rows = await db.query<VersionRow>(
    `SELECT DISTINCT ON (v.slug, v.lang) ${VERSION_COLUMNS}
     FROM report_text_versions v LEFT JOIN accounts a ON a.id = v.account_id
     WHERE v.edition = $1 ORDER BY v.slug, v.lang, v.revision DESC`,
    [edition],
  );
  return rows.map(toDraft);
}

/** Every version of one chapter text, newest first. */
export async function listVersions(db: Db, edition: number, slug: string, lang: Lang): Promise<Draft[]> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM report_text_versions v LEFT JOIN accounts a ON a.id = v.account_id
     WHERE v.edition = $1 AND v.slug = $2 AND v.lang = $3 ORDER BY v.revision DESC`,
    [edition, slug, lang],
  );
  return rows.map(toDraft);
}

/** Inserts a version; false when that revision exists already (a colleague saved first). */
export async function insertVersion(db: Db, v: { edition: number; slug: string; lang: Lang; revision: number; body: string; now: Date; accountId: number | null; via: 'web' | 'cli' }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO report_text_versions (edition, slug, lang, revision, body, saved_at, account_id, via)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (edition, slug, lang, revision) DO NOTHING RETURNING id`,
    [v.edition, v.slug, v.lang, v.revision, v.body, v.now, v.accountId, v.via],
  );
  return rows.length === 1;
}

export async function findPublication(db: Db, edition: number): Promise<PublishedText | undefined> {
  const row = await db.one<{ published_at: Date; chapters: PublishedChapter[] }>('SELECT published_at, chapters FROM report_text_publications WHERE edition = $1', [edition]);
  return row ? { publishedAt: row.published_at, chapters: row.chapters } : undefined;
}

export async function savePublication(db: Db, edition: number, chapters: PublishedChapter[], now: Date, accountId: number | null): Promise<void> {
  await db.query(
    `INSERT INTO report_text_publications (edition, published_at, account_id, chapters) VALUES ($1, $2, $3, $4)
     ON CONFLICT (edition) DO UPDATE SET published_at = EXCLUDED.published_at, account_id = EXCLUDED.account_id, chapters = EXCLUDED.chapters`,
    [edition, now, accountId, JSON.stringify(chapters)],
  );
}

/**
 * The text the results show: what was published, or for the bureau's concept of an unpublished
 * edition, the current drafts. Undefined when there is none.
 */
export async function textForResults(db: Db, edition: number, concept: boolean): Promise<PublishedText | undefined> {
  if (!concept) return findPublication(db, edition);
  const [chapters, drafts] = await Promise.all([listChapters(db, edition), listDrafts(db, edition)]);
  if (!chapters.length) return undefined;
  return { publishedAt: null, chapters: assemble(chapters, drafts) };
}

/** Chapters with their newest texts, in the list's order. */
export function assemble(chapters: Chapter[], drafts: Draft[]): PublishedChapter[] {
  const body = (slug: string, lang: Lang) => drafts.find((d) => d.slug === slug && d.lang === lang)?.body ?? '';
  return chapters.map((c) => ({ slug: c.slug, title: c.title, theme: c.theme, body: { nl: body(c.slug, 'nl'), en: body(c.slug, 'en') } }));
}

/** Another module's placeholders for one edition, read from the database when the results load. */
export type PlaceholderSource = { prefix: string; load: (db: Db, edition: number) => Promise<PlaceholderProvider> };

/**
 * The sources: the open-answer coding's `code` (issue 18.5). Listed here rather than registered at
 * import, so the command line resolves them as the web does. A source whose numbers change outside
 * responses and editions also reaches the results cache's fingerprint (national/cache.ts).
 */
export const placeholderSources: PlaceholderSource[] = [codePlaceholders];

export function loadPlaceholders(db: Db, edition: number): Promise<PlaceholderProvider[]> {
  return Promise.all(placeholderSources.map((s) => s.load(db, edition)));
}
