// Data in and out: the long CSV import, exports (CSV, XLSX, SPSS) and statistics from the database.
export { type LineError, LONG_COLUMNS, type LongRow, longRows, readLongCsv, writeCsv } from './long-csv.ts';
export { checkImport, type CheckResult, type ImportContext, type ImportPair } from './import-check.ts';
export { type Outcome, writePairs } from './import-write.ts';
export {
  formatImportReport, type ImportAudit, type ImportOptions, type ImportReport, importResponses, listResponseImports, loadImportContext,
} from './import-responses.ts';
export { BASE_COLUMNS, type ExportData, type ExportResponse, loadExportData, type WideColumn, wideColumns } from './wide.ts';
export { exportCsv, exportXlsx } from './export-responses.ts';
export { exportSps, type SpssFiles, spssNames } from './export-sps.ts';
export { parsePanelRange, parseScope, SCOPE_HELP, StatsRequestError, type StatsRequest, statsFor } from './stats-query.ts';
