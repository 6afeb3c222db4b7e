// The bureau's text of the national report (issue 18): chapters in Markdown with placeholders
// resolved from the statistics, edited in /beheer, shown on the results pages and in the PDF.
export { rtText } from './report-text.i18n.ts';
export { type HtmlOptions, placeholdersIn, renderHtml, renderTypst, typstString } from './markdown.model.ts';
export { type CatalogueGroup, createResolver, PLACEHOLDER, type PlaceholderProvider, type Problem, type Resolved, type Resolver } from './placeholder.model.ts';
export { type Chapter, defaultChapters, type Draft, LANGS, placement, type PublishedChapter, type PublishedText, RESPONSE_SLUG, SUMMARY_SLUG } from './report-text.model.ts';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/index.ts';
import { reportTextRoutes } from './report-text.routes.tsx';

/** Mount at /beheer: `app.route('/beheer', createReportTextRoutes())`. */
export function createReportTextRoutes() {
  const app = new Hono<AuthEnv>();
  reportTextRoutes(app);
  return app;
}

export { findPublication, listVersions, loadPlaceholders, type PlaceholderSource, placeholderSources, textForResults } from './report-text.repo.ts';
export {
  addChapter, chapterStates, type ChapterState, editionData, editionProblems, ensureChapters, moveChapter, problemsIn, publishText,
  removeChapter, renameChapter, ReportTextError, saveDraft, StaleRevisionError, type TextProblem, TextProblemsError, writeFirstDraft,
} from './report-text.service.ts';
export { draftFromData } from './draft.model.ts';
