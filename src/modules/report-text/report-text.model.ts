// The bureau's text of the national report: chapters per edition, each in Dutch and English
// Markdown with placeholders. Pure: no database, no web.
import type { Lang, Questionnaire } from '../questionnaire/index.ts';

export const LANGS: readonly Lang[] = ['nl', 'en'];

/** Lower-case letters, digits, - and _ (a theme key is a valid slug). */
export const SLUG = /^[a-z0-9][a-z0-9_-]{0,59}$/;

/** Longest chapter text accepted (a chapter of the 2022 report is ~6,000 characters). */
export const MAX_BODY = 100_000;

export type ChapterTitle = { nl: string; en: string };

export type Chapter = {
  slug: string;
  position: number;
  title: ChapterTitle;
  /** The theme whose results the chapter discusses: its text stands with that theme's figures. */
  theme: string | null;
};

/** Where a chapter's text stands in the report: with the summary, the response, a theme, or on its own. */
export type Placement = { kind: 'summary' } | { kind: 'response' } | { kind: 'theme'; theme: string } | { kind: 'own' };

/** The two fixed slugs that attach to the generated summary and response chapters. */
export const SUMMARY_SLUG = 'samenvatting';
export const RESPONSE_SLUG = 'aanpak-en-respons';

export function placement(ch: Pick<Chapter, 'slug' | 'theme'>): Placement {
  if (ch.theme) return { kind: 'theme', theme: ch.theme };
  if (ch.slug === SUMMARY_SLUG) return { kind: 'summary' };
  if (ch.slug === RESPONSE_SLUG) return { kind: 'response' };
  return { kind: 'own' };
}

/** The theme kinds that get a chapter of their own by default (the report's action lines, pillars and current question). */
const CHAPTER_KINDS = new Set(['actielijn', 'pijler', 'actualiteit']);

/**
 * The chapters a new edition starts with, like the 2022 report: summary, introduction, approach and
 * response, one per action line and pillar (and the current question) from the questionnaire, and
 * conclusions. The bureau edits this list.
 */
export function defaultChapters(qn: Questionnaire): Chapter[] {
  const fixed = (slug: string, nl: string, en: string) => ({ slug, title: { nl, en }, theme: null });
  const list = [
    fixed(SUMMARY_SLUG, 'Samenvatting', 'Summary'),
    fixed('inleiding', 'Inleiding', 'Introduction'),
    fixed(RESPONSE_SLUG, 'Aanpak en respons', 'Approach and response'),
    ...qn.themes.filter((t) => CHAPTER_KINDS.has(t.kind ?? '')).map((t) => ({ slug: t.key, title: { nl: t.title.nl, en: t.title.en }, theme: t.key })),
    fixed('conclusies', 'Conclusies en aanbevelingen', 'Conclusions and recommendations'),
  ];
  return list.map((c, i) => ({ ...c, position: i + 1 }));
}

/** One chapter text as the bureau saved it last (the draft), with who and when. */
export type Draft = { slug: string; lang: Lang; revision: number; body: string; savedAt: Date; by: string | null; via: 'web' | 'cli' };

/** What is published: per chapter its titles and both texts, frozen when published. */
export type PublishedChapter = { slug: string; title: ChapterTitle; theme: string | null; body: { nl: string; en: string } };
export type PublishedText = { publishedAt: Date | null; chapters: PublishedChapter[] };
