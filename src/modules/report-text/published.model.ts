// The published text as the results pages and the PDF place it: each chapter where it belongs
// (summary, response, a theme's figures, or a chapter of its own between them), in one language.
// A chapter without text in the reader's language falls back to Dutch, as the questionnaire does.
import type { Lang } from '../questionnaire/index.ts';
import type { ResultsData } from '../reports/national/data.ts';
import { type Placement, placement, type PublishedChapter } from './report-text.model.ts';

export type PlacedChapter = { slug: string; title: string; body: string; lang: Lang; placement: Placement };

/** Chapters with text, in the list's order; `before` tells for an own chapter which generated part follows it. */
export function placedChapters(data: Pick<ResultsData, 'text'>, lang: Lang): PlacedChapter[] {
  return (data.text?.chapters ?? [])
    .map((c: PublishedChapter) => {
      const own = c.body[lang].trim();
      const textLang: Lang = own ? lang : 'nl';
      return { slug: c.slug, title: c.title[lang] || c.title.nl, body: own || c.body.nl, lang: textLang, placement: placement(c) };
    })
    .filter((c) => c.body.trim() !== '');
}

/**
 * Own chapters split by where they stand: before the response chapter (after the summary), or after
 * the theme chapters. An own chapter listed before the response chapter or the first theme chapter
 * goes before the response; every other one at the end.
 */
export function ownChapters(chapters: PlacedChapter[], all: Pick<PublishedChapter, 'slug' | 'theme'>[]): { beforeResponse: PlacedChapter[]; end: PlacedChapter[] } {
  const firstGenerated = all.findIndex((c) => { const k = placement(c).kind; return k === 'response' || k === 'theme'; });
  const beforeResponse: PlacedChapter[] = [];
  const end: PlacedChapter[] = [];
  for (const c of chapters) {
    if (c.placement.kind !== 'own') continue;
    const at = all.findIndex((x) => x.slug === c.slug);
    (firstGenerated >= 0 && at < firstGenerated ? beforeResponse : end).push(c);
  }
  return { beforeResponse, end };
}
