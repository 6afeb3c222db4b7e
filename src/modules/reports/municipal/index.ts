// The municipal web report (webrapportage): per municipality and edition, how big loneliness is
// per wijk, what the municipality does now compared with others, and what more it can do.
// buildMunicipalReport is the data the factsheet reuses.
export { readRequest, requestConversation } from './advisor-request.ts';
export { editionContext, MIN_N } from './context.ts';
export { advisorOf, buildMunicipalReport, isExample } from './data.ts';
export { pct, type ReportKey, rt } from './i18n.ts';
export type * from './model.ts';
export { municipalReportRoutes, staffReportRoutes } from './routes.tsx';
export { type TipHit, tipsFor } from './tips.ts';
export { themeTitle } from './views/practice.tsx';
export { classLabels, type WijkMapView, wijkMapView } from './wijk-map.ts';
