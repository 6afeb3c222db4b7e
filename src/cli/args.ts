// Strict option parsing with Dutch one-line errors.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = 0) {
  try {
    const r = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (r.positionals.length > positionals) throw new CliError(`Te veel argumenten: ${r.positionals.slice(positionals).join(' ')}`);
    return r;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Ongeldige opties: ${(e as Error).message}`);
  }
}

export function year(value: string | undefined, what = 'editie'): number {
  if (!value || !/^\d{4}$/.test(value)) throw new CliError(`Geef een ${what} als jaartal, bijvoorbeeld 2023 (kreeg: ${value ?? 'niets'})`);
  return Number(value);
}

export function isoDate(value: string | undefined, option: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new CliError(`${option} verwacht een datum als JJJJ-MM-DD (kreeg: ${value ?? 'niets'})`);
  }
  return value;
}
