// The bureau's text of the national report (issue 18): chapters in Markdown with placeholders
// resolved from the statistics, edited in /beheer, shown on the results pages and in the PDF.
export { type HtmlOptions, placeholdersIn, renderHtml, renderTypst, typstString } from './markdown.model.ts';
export { type CatalogueGroup, createResolver, PLACEHOLDER, type PlaceholderProvider, type Problem, type Resolved, type Resolver } from './placeholder.model.ts';
export { type Chapter, defaultChapters, type Draft, LANGS, placement, type PublishedChapter, type PublishedText, RESPONSE_SLUG, SUMMARY_SLUG } from './report-text.model.ts';
export { findPublication, listVersions, textForResults } from './report-text.repo.ts';
export {
  addChapter, chapterStates, type ChapterState, editionData, editionProblems, ensureChapters, moveChapter, placeholderProviders, problemsIn, publishText,
  removeChapter, renameChapter, ReportTextError, saveDraft, StaleRevisionError, type TextProblem, TextProblemsError,
} from './report-text.service.ts';
