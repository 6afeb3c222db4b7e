// Texts of the wijk figures: import problems (CLI and admin) and the admin page, Dutch and English.
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import type { Problem } from './parse.ts';
import { SAVE_AS_UTF8 } from '../../web/text-file.ts';

const nl = {
  'file.empty': 'Het bestand is leeg.',
  'file.unreadable': 'Het bestand is geen leesbare CSV (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten).',
  'file.encoding': `Het bestand is geen tekst in UTF-8 (deze regel heeft een teken dat niet te lezen is); ${SAVE_AS_UTF8.nl}.`,
  'file.noRegion': 'Geen kolom met regiocodes gevonden (verwacht: Codering_…, WijkenEnBuurten, RegioS of wijk_code).',
  'file.noPeriod': 'Geen kolom met het jaar gevonden (verwacht: Perioden of jaar).',
  'file.missing': 'Kolom {prefix} ontbreekt.',
  'file.twice': 'Meer dan één kolom begint met {prefix}: {columns}.',
  'row.code': 'onbekende soort regiocode "{code}" (verwacht WKxxxxxx, GMxxxx of NL01)',
  'row.unknownWijk': 'wijkcode {code} staat niet in de wijkindeling 2024',
  'row.unknownMunicipality': 'gemeentecode {code} is onbekend',
  'row.period': 'geen jaar in "{value}"',
  'row.number': '{column}: "{value}" is geen getal',
  'row.range': '{column}: {value} ligt niet tussen 0 en 100',
  'row.duplicate': '{code} {year} staat ook al op regel {line}',
  'line': 'Regel {line}: {problem}',
  'page.title': 'Eenzaamheidscijfers per wijk',
  'page.intro': 'Upload het CSV-bestand van CBS/RIVM (dataset 50120NED, Gezondheid per wijk en buurt). Kolommen worden herkend aan hun begin (Eenzaam_, ErnstigZeerErnstigEenzaam_, EmotioneelEenzaam_, SociaalEenzaam_). Alleen volwassenen (18+) en de waarde zelf (geen marges) worden ingelezen; buurten worden overgeslagen. Echte cijfers vervangen de synthetische demo-cijfers van dezelfde gemeente.',
  'page.current': 'In de database',
  'page.none': 'Er zijn nog geen cijfers.',
  'page.year': 'Jaar',
  'page.kind': 'Soort',
  'page.real': 'gemeten (modelschattingen)',
  'page.synthetic': 'synthetische cijfers (demo)',
  'page.regions': 'Regio’s',
  'page.municipalities': 'Gemeenten',
  'page.file': 'CSV-bestand',
  'page.check': 'Controleren',
  'page.noFile': 'Kies een CSV-bestand.',
  'page.tooBig': 'Het bestand is te groot (maximaal 20 MB).',
  'preview.title': 'Controle van {file}',
  'preview.summary': '{rows} regels gelezen, {skipped} overgeslagen (buurten, andere leeftijden, marges), {figures} cijfers voor {regions} regio’s in {years}.',
  'preview.problems': '{n} regels met fouten',
  'preview.line': 'Regel',
  'preview.problem': 'Probleem',
  'preview.confirm': 'Importeren',
  'preview.confirmGood': 'Alleen de goede regels importeren',
  'preview.cancel': 'Annuleren',
  'preview.nothing': 'Er staan geen cijfers in dit bestand die kunnen worden geïmporteerd.',
  'done': '{figures} cijfers geïmporteerd voor {regions} regio’s.',
  'expired': 'De upload is verlopen of al verwerkt. Upload het bestand opnieuw.',
  'problem': 'Er is een probleem',
} as const;

export type WijkKey = keyof typeof nl;

const en: Record<WijkKey, string> = {
  'file.empty': 'The file is empty.',
  'file.unreadable': 'The file is not a readable CSV (for example a quote that is never closed).',
  'file.encoding': `The file is not UTF-8 text (this line has a character that cannot be read); ${SAVE_AS_UTF8.en}.`,
  'file.noRegion': 'No column with region codes found (expected: Codering_…, WijkenEnBuurten, RegioS or wijk_code).',
  'file.noPeriod': 'No column with the year found (expected: Perioden or jaar).',
  'file.missing': 'Column {prefix} is missing.',
  'file.twice': 'More than one column starts with {prefix}: {columns}.',
  'row.code': 'unknown kind of region code "{code}" (expected WKxxxxxx, GMxxxx or NL01)',
  'row.unknownWijk': 'wijk code {code} is not in the 2024 wijk register',
  'row.unknownMunicipality': 'municipality code {code} is unknown',
  'row.period': 'no year in "{value}"',
  'row.number': '{column}: "{value}" is not a number',
  'row.range': '{column}: {value} is not between 0 and 100',
  'row.duplicate': '{code} {year} is also on line {line}',
  'line': 'Line {line}: {problem}',
  'page.title': 'Loneliness figures per wijk',
  'page.intro': 'Upload the CSV file from CBS/RIVM (dataset 50120NED, Health per district and neighbourhood). Columns are recognised by how they begin (Eenzaam_, ErnstigZeerErnstigEenzaam_, EmotioneelEenzaam_, SociaalEenzaam_). Only adults (18+) and the value itself (no margins) are read; neighbourhoods are skipped. Real figures replace the synthetic demo figures of the same municipality.',
  'page.current': 'In the database',
  'page.none': 'There are no figures yet.',
  'page.year': 'Year',
  'page.kind': 'Kind',
  'page.real': 'measured (model estimates)',
  'page.synthetic': 'synthetic figures (demo)',
  'page.regions': 'Regions',
  'page.municipalities': 'Municipalities',
  'page.file': 'CSV file',
  'page.check': 'Check',
  'page.noFile': 'Choose a CSV file.',
  'page.tooBig': 'The file is too large (at most 20 MB).',
  'preview.title': 'Check of {file}',
  'preview.summary': '{rows} lines read, {skipped} skipped (neighbourhoods, other ages, margins), {figures} figures for {regions} regions in {years}.',
  'preview.problems': '{n} lines with errors',
  'preview.line': 'Line',
  'preview.problem': 'Problem',
  'preview.confirm': 'Import',
  'preview.confirmGood': 'Import only the good lines',
  'preview.cancel': 'Cancel',
  'preview.nothing': 'This file holds no figures that can be imported.',
  'done': '{figures} figures imported for {regions} regions.',
  'expired': 'The upload has expired or was already processed. Upload the file again.',
  'problem': 'There is a problem',
};

export function wt(lang: Lang, key: WijkKey, params: Record<string, string | number> = {}): string {
  return (lang === 'en' ? en : nl)[key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

export function problemText(lang: Lang, p: Problem): string {
  const text = wt(lang, p.key, p.params);
  return p.key.startsWith('row.') ? wt(lang, 'line', { line: p.line, problem: text }) : text;
}
