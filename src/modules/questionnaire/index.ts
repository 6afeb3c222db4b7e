// Public surface of the questionnaire module: the model, the loaders and the lineage helpers.
export * from './questionnaire.model.ts';
export {
  QuestionnaireError,
  loadQuestionnaireFile,
  loadQuestionnaires,
  validateLineage,
  validateQuestionnaire,
} from './questionnaire.load.ts';
export { type HistoryEntry, type QuestionnairesByEdition, mapCodeToCurrent, questionHistory, trendKey } from './lineage.ts';
export { carryReportRules, needsReportRules } from './questionnaire.upgrade.ts';
