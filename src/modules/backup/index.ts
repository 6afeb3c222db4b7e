// Backup and restore of the whole database through the Db interface (PGlite and PostgreSQL alike).
export { type BackupSummary, writeBackup } from './write.ts';
export { readBackupHeader, restoreBackup, type RestoreOptions, type RestoreSummary } from './restore.ts';
export { BackupError, FORMAT as BACKUP_FORMAT, type Header as BackupHeader } from './format.ts';
export { listTables, REFERENCE_TABLES, tablesWithData, type TableInfo } from './schema.ts';
