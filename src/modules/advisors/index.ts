// Advisors and the phone round: advisors with their regions (import), an advisor's overview with
// reminders, the call log and the call list. Other modules import only from here.
export { type Advisor, advisorOfAccount, findAdvisor, latestRegisterYear, listAdvisors } from './advisors.repo.ts';
export { type Call, isOutcome, listCalls, logCall, OUTCOMES, type Outcome } from './calls.repo.ts';
export { chooseEdition, type EditionChoice } from './edition-choice.ts';
export { type Features, schemaFeatures } from './features.ts';
export { importAdvisors, type ImportOptions } from './import.apply.ts';
export { badRows, goodRows, type ImportReport, type Problem } from './import.model.ts';
export { readTable, type Table, UnreadableFileError } from './read-table.ts';
export type { ReminderResult, SendOneReminder } from './reminder.ts';
export { type AdvisorRoutesOptions, createAdvisorRoutes } from './routes.ts';
export { advisorFilter, inScope, mayAct, type Scope, scopeOf } from './scope.ts';
export { listStatuses, type MunicipalityStatus, type Status, STATUSES } from './status.repo.ts';
export { problemText } from './views/import-report.tsx';
