// Publication: what happens for the municipalities when an edition's results are published.
export { queueReportReady, type ReportReadyRecipient, reportReadyKey, reportReadyRecipients, type ReportReadyResult } from './report-ready.service.ts';
