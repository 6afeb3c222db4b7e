// Every command the CLI knows, in the order --help lists them.
import type { Command } from './cli-error.ts';
import { backupCommand } from './commands/backup.ts';
import { createAdminCommand } from './commands/create-admin.ts';
import { demoCommand } from './commands/demo.ts';
import { editionCommand } from './commands/edition.ts';
import { exportResponsesCommand } from './commands/export-responses.ts';
import { factsheetCommand } from './commands/factsheet.ts';
import { factsheetsCommand } from './commands/factsheets.ts';
import { importAdvisorsCommand } from './commands/import-advisors.ts';
import { importContactsCommand } from './commands/import-contacts.ts';
import { importPopulationCommand } from './commands/import-population.ts';
import { importRegisterCommand } from './commands/import-register.ts';
import { importResponsesCommand } from './commands/import-responses.ts';
import { importWijkFiguresCommand } from './commands/import-wijk-figures.ts';
import { statsCommand } from './commands/stats.ts';
import { linkCommand } from './commands/link.ts';
import { nationalReportCommand } from './commands/national-report.ts';
import { personalDataCommand } from './commands/personal-data.ts';
import { questionnaireCommand } from './commands/questionnaire.ts';
import { reportTextCommand } from './commands/report-text.ts';
import { restoreCommand } from './commands/restore.ts';
import { sendInvitationsCommand } from './commands/send-invitations.ts';
import { sendRemindersCommand } from './commands/send-reminders.ts';
import { migrateCommand } from './commands/migrate.ts';

export const commands: Command[] = [
  migrateCommand, demoCommand, editionCommand, importRegisterCommand, importPopulationCommand, createAdminCommand, linkCommand,
  importContactsCommand, sendInvitationsCommand, sendRemindersCommand,
  importResponsesCommand, exportResponsesCommand, statsCommand, importAdvisorsCommand, importWijkFiguresCommand, nationalReportCommand, reportTextCommand,
  factsheetCommand, factsheetsCommand,
  questionnaireCommand,
  backupCommand, restoreCommand, personalDataCommand,
];
