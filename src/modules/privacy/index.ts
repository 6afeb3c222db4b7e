// AVG (GDPR): a person's data by e-mail address (export, erase) and the retention period.
export { erasePersonalData, type ErasureResult } from './erase.ts';
export { countFound, type FoundCounts, findPersonalData, type PersonalData } from './find.ts';
export { type ErasureLogEntry, listErasures } from './log.ts';
export { privacyRoutes } from './privacy.routes.tsx';
export { applyRetention, DEFAULT_RETENTION_DAYS, type RetentionResult, retentionDays, startRetentionLoop } from './retention.ts';
