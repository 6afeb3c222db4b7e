// Reading an uploaded spreadsheet (XLSX) safely, shared by every import: the questionnaire workbook,
// the contact list and the advisors. Streaming, within limits, zip bombs refused before parsing.
export {
  cellText, clean, count, type FileProblem, type Grid, type GridRow, isZip, megabytes, type ReadOptions, type ReadResult, readSpreadsheet,
  type SpreadsheetLimits,
} from './spreadsheet.read.ts';
export { checkZip, type ZipCheck, type ZipLimits } from './spreadsheet.zip.ts';
export { columnLetter, LIST_LIMITS, type ListProblem, listProblemText, type ListResult, type ListRow, readListSheet } from './spreadsheet.list.ts';
