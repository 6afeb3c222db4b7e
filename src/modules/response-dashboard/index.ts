// The live response: funnel and response rate nationally, per province, per advisor, on a map,
// over the editions. Mount at /beheer: `app.route('/beheer', responseDashboardRoutes)`.
export { type Counts, count, rate, type ResponseRow, type ResponseSummary, summarize } from './response.model.ts';
export { responseRows } from './response.repo.ts';
export { responseDashboardRoutes } from './response.routes.tsx';
export { type StepEvent, type StepKind, type Timeline, timeline, type TimelineDay, type TimelineStep } from './timeline.model.ts';
export { timelineInput } from './timeline.repo.ts';
export { timelineDescription, timelineFigure, timelineTable } from './charts.ts';
export { TimelineStepsTable } from './views/timeline-section.tsx';
