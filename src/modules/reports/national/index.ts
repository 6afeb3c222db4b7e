// National results: public pages (aggregates only) and the national report as PDF.
export { loadResults, MIN_N, publishedEditions, type ResultsData } from './data.ts';
export { buildNationalReportPdf, nationalReportPdf } from './pdf/build.ts';
export { nationalResultsRoutes } from './routes.tsx';
