// Public surface of the statistics module: pure functions, arrays in, numbers out.
export {
  type QuestionnaireSet,
  type RegisterByEdition,
  type Scope,
  type ScopeKind,
  type SizeClassesByEdition,
  type StatsRow,
  type SubmittedResponse,
  groupKey,
  percentOf,
  scopeKind,
} from './stats.model.ts';
export { computeStats, defaultPanelEditions, panelMembers, type StatsOptions } from './compute-stats.ts';
export { type ModalAnswer, modalAnswers } from './modal.ts';
export {
  type ChangeReason,
  type LineageEntry,
  type Trend,
  type TrendChange,
  currentKeyOf,
  questionLineage,
  trendRows,
} from './trends.ts';
export { type SuppressOptions, suppress } from './suppress.ts';
export { CSV_HEADER, type CsvOptions, type OutputOptions, csvField, toCsv, toJson, toJsonRows } from './export.ts';
export { countingMerges, type MergedQuestion, mergedQuestions, withMergedAnswers } from './merged.ts';
