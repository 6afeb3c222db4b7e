// Every command the CLI knows, in the order --help lists them.
import type { Command } from './cli-error.ts';
import { createAdminCommand } from './commands/create-admin.ts';
import { demoCommand } from './commands/demo.ts';
import { editionCommand } from './commands/edition.ts';
import { linkCommand } from './commands/link.ts';
import { migrateCommand } from './commands/migrate.ts';

export const commands: Command[] = [migrateCommand, demoCommand, editionCommand, createAdminCommand, linkCommand];
