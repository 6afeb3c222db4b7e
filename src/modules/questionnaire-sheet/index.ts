// The questionnaire as an XLSForm workbook (issue 17): export, import with problems by sheet/row/column,
// the differences with the current questionnaire, and the /beheer pages. Mount at /beheer:
// `app.route('/beheer', createQuestionnaireSheetRoutes())`.
export { describeDiff, type DiffSection, diffSummary } from './sheet.describe.ts';
export { diffQuestionnaires, isEmptyDiff, type QuestionnaireDiff } from './sheet.diff.ts';
export { sheetRows as workbookRows, writeSheet } from './sheet.export.ts';
export { importSheet } from './sheet.import.ts';
export { LIMITS, problemLine, type SheetProblem } from './sheet.model.ts';
export { createQuestionnaireSheetRoutes } from './sheet.routes.tsx';
export { applyWorkbook, exportWorkbook, fileLabel, type Preview, previewWorkbook } from './sheet.service.ts';
