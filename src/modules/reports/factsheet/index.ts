// The factsheet: per municipality and edition one or two A4 pages (PDF) that sum up the benchmark
// along the action lines and pillars, beside all municipalities, with three tips and the advisor.
// Built on the web report's model (buildMunicipalReport); the status rule is in status.ts.
export { allFactsheets, factsheetsZip, submittedCodes } from './batch.ts';
export { buildFactsheet, type Factsheet, type FactRow, type FactTheme } from './model.ts';
export { type NationalProfile, nationalProfile } from './national.ts';
export { buildFactsheetPdf, FactsheetError, type FactsheetOptions, factsheetPdf } from './pdf.ts';
export { factsheetRoutes } from './routes.tsx';
export { factsheetUrl } from './url.ts';
export { assess, type Level, type Mark, rowsOf } from './status.ts';
