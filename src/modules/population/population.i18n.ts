// Texts of the population import (CLI and /beheer/indeling/inwoners) and of the size classes,
// Dutch first, English beside it.
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import type { PopulationProblem, PopulationReport } from './population.model.ts';
import { SIZE_CLASSES, type SizeClassId, sizeClass } from './size-class.model.ts';
import { SAVE_AS_UTF8 } from '../../web/text-file.ts';

const nl = {
  'year.invalid': 'het jaar "{year}" is geen jaartal (verwacht bijvoorbeeld 2024)',
  'year.noRegister': 'er is geen gemeentelijke indeling van {year}; importeer die eerst (Gemeentelijke indeling)',
  'file.empty': 'het bestand is leeg',
  'file.tooBig': 'het bestand is te groot (hoogstens {max})',
  'file.unreadable': 'het bestand is geen leesbare CSV ({reason})',
  'file.encoding': `het bestand is geen tekst in UTF-8 (deze regel heeft een teken dat niet te lezen is); ${SAVE_AS_UTF8.nl}`,
  'file.columns': 'kolom(men) {missing} ontbreken; gevonden: {found}; verwacht: {expected}',
  'file.noRows': 'het bestand heeft alleen een kopregel',
  'row.code': '"{value}" is geen CBS-gemeentecode (GM en vier cijfers)',
  'row.unknown': '{value} staat niet in de gemeentelijke indeling van dit jaar',
  'row.duplicate': '{value} staat ook al op regel {other}',
  'row.name': 'de naam ontbreekt',
  'row.inhabitants': '"{value}" is geen geheel aantal inwoners',
  'row.range': '{value} inwoners kan niet (verwacht 1 tot {max})',
  'muni.missing': '{code} ({name}) staat in de gemeentelijke indeling maar niet in het bestand',
  'where.line': 'regel {line}',
  'where.field': 'veld {field}',
  'page.title': 'Inwonertallen',
  'page.intro': 'Het aantal inwoners per gemeente op 1 januari (CBS) bepaalt de grootteklasse van een gemeente: de vergelijking met "gemeenten van vergelijkbare grootte" in de resultaten en de webrapportage. Een editie gebruikt de inwonertallen van het jaar van haar gemeentelijke indeling; zonder inwonertallen heeft ze geen vergelijking naar grootte.',
  'page.classes': 'Grootteklassen: {classes}.',
  'page.years': 'Inwonertallen in de database',
  'page.none': 'Er zijn nog geen inwonertallen.',
  'page.col.year': 'Jaar',
  'page.col.municipalities': 'Gemeenten',
  'page.col.inhabitants': 'Inwoners',
  'page.col.source': 'Bestand',
  'page.col.imported': 'Ingelezen',
  'page.col.editions': 'Edities',
  'page.upload': 'Inwonertallen van een jaar inlezen',
  'page.year': 'Jaar van de gemeentelijke indeling',
  'page.yearHint': 'Bijvoorbeeld 2025. De gemeentelijke indeling van dat jaar moet er al zijn.',
  'page.file': 'CSV-bestand',
  'page.fileHint': 'Kolommen code,name,inhabitants (zoals data/population/population-2024.csv). Alles of niets: bij één fout wordt niets opgeslagen. Bestaande cijfers van het jaar worden vervangen.',
  'page.dryRun': 'Alleen controleren, niets opslaan',
  'page.submit': 'Inlezen',
  'page.error.year': 'Vul een jaartal in, bijvoorbeeld 2025.',
  'page.error.file': 'Kies een CSV-bestand.',
  'page.cli': 'Op de opdrachtregel: npm run cli -- import-population --year 2025 inwoners-2025.csv',
  'page.registerLink': 'Terug naar de gemeentelijke indeling',
  'problem': 'Fout',
  'result.bad': 'Niets opgeslagen: {n} problemen in {file}.',
  'result.checked': 'Gecontroleerd, niets opgeslagen: {file} is in orde.',
  'result.done': 'Inwonertallen {year} opgeslagen uit {file}.',
  'result.caption': 'Problemen per regel en veld',
  'result.col.line': 'Regel',
  'result.col.field': 'Veld',
  'result.col.problem': 'Probleem',
  'summary': '{year}: {rows} gemeenten; {classes}',
  'summary.replaces': 'vervangt de eerdere inwonertallen van {year}',
} as const;

export type PopulationKey = keyof typeof nl;

const en: Record<PopulationKey, string> = {
  'year.invalid': 'the year "{year}" is not a year (expected e.g. 2024)',
  'year.noRegister': 'there is no municipal register of {year}; import it first (Municipal register)',
  'file.empty': 'the file is empty',
  'file.tooBig': 'the file is too large (at most {max})',
  'file.unreadable': 'the file is not a readable CSV ({reason})',
  'file.encoding': `the file is not UTF-8 text (this line has a character that cannot be read); ${SAVE_AS_UTF8.en}`,
  'file.columns': 'column(s) {missing} missing; found: {found}; expected: {expected}',
  'file.noRows': 'the file holds only a header',
  'row.code': '"{value}" is not a CBS municipality code (GM and four digits)',
  'row.unknown': '{value} is not in the municipal register of this year',
  'row.duplicate': '{value} is also on line {other}',
  'row.name': 'the name is missing',
  'row.inhabitants': '"{value}" is not a whole number of inhabitants',
  'row.range': '{value} inhabitants is impossible (expected 1 to {max})',
  'muni.missing': '{code} ({name}) is in the municipal register but not in the file',
  'where.line': 'line {line}',
  'where.field': 'field {field}',
  'page.title': 'Population',
  'page.intro': 'The number of inhabitants per municipality on 1 January (CBS) sets a municipality\'s size class: the comparison with "municipalities of similar size" in the results and the web report. An edition uses the population of its register year; without it, it has no comparison by size.',
  'page.classes': 'Size classes: {classes}.',
  'page.years': 'Population in the database',
  'page.none': 'There are no population figures yet.',
  'page.col.year': 'Year',
  'page.col.municipalities': 'Municipalities',
  'page.col.inhabitants': 'Inhabitants',
  'page.col.source': 'File',
  'page.col.imported': 'Imported',
  'page.col.editions': 'Editions',
  'page.upload': 'Import the population of a year',
  'page.year': 'Year of the municipal register',
  'page.yearHint': 'For example 2025. The register of that year must be present.',
  'page.file': 'CSV file',
  'page.fileHint': 'Columns code,name,inhabitants (as data/population/population-2024.csv). All or nothing: with one error nothing is saved. Existing figures of the year are replaced.',
  'page.dryRun': 'Only check, save nothing',
  'page.submit': 'Import',
  'page.error.year': 'Enter a year, for example 2025.',
  'page.error.file': 'Choose a CSV file.',
  'page.cli': 'On the command line: npm run cli -- import-population --year 2025 population-2025.csv',
  'page.registerLink': 'Back to the municipal register',
  'problem': 'Error',
  'result.bad': 'Nothing saved: {n} problems in {file}.',
  'result.checked': 'Checked, nothing saved: {file} is fine.',
  'result.done': 'Population {year} saved from {file}.',
  'result.caption': 'Problems per line and field',
  'result.col.line': 'Line',
  'result.col.field': 'Field',
  'result.col.problem': 'Problem',
  'summary': '{year}: {rows} municipalities; {classes}',
  'summary.replaces': 'replaces the earlier population of {year}',
};

export function popText(lang: Lang, key: PopulationKey, params: Record<string, string | number> = {}): string {
  const s = (lang === 'en' ? en : nl)[key];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The Dutch (or English) name of a size class. */
export function sizeClassName(lang: Lang, id: SizeClassId): string {
  return sizeClass(id).name[lang];
}

export function problemMessage(lang: Lang, p: PopulationProblem): string {
  return popText(lang, p.key, p.params);
}

/** "regel 12, veld inhabitants: "abc" is geen geheel aantal inwoners" */
export function populationProblemLine(lang: Lang, p: PopulationProblem): string {
  const where = [
    p.line !== undefined ? popText(lang, 'where.line', { line: p.line }) : undefined,
    p.field ? popText(lang, 'where.field', { field: p.field }) : undefined,
  ].filter(Boolean).join(', ');
  return where ? `${where}: ${problemMessage(lang, p)}` : problemMessage(lang, p);
}

export function populationSummary(lang: Lang, r: PopulationReport): string {
  const classes = SIZE_CLASSES.map((c) => `${c.name[lang]}: ${r.classes[c.id] ?? 0}`).join(', ');
  const text = popText(lang, 'summary', { year: r.year, rows: r.rows.length, classes });
  return r.replaces ? `${text} (${popText(lang, 'summary.replaces', { year: r.year })})` : text;
}
