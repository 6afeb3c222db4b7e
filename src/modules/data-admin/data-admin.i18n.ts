// Strings of the data page (/beheer/gegevens), Dutch first.
import type { Lang } from '../questionnaire/questionnaire.model.ts';

const nl = {
  'data.title': 'Gegevens: exporteren en importeren',
  'data.intro': 'Download de antwoorden en statistieken per editie, of importeer antwoorden van edities die buiten het platform zijn uitgevoerd.',
  'data.downloads': 'Downloads',
  'data.edition': 'Editie',
  'data.responses': 'Antwoorden',
  'data.stats': 'Statistieken',
  'data.csv': 'lange CSV',
  'data.xlsx': 'Excel (breed + codeboek)',
  'data.sps': 'SPSS-syntax',
  'data.spsCsv': 'bijbehorende CSV',
  'data.statsCsv': 'CSV (alle cijfers)',
  'data.statsJson': 'JSON (met onderdrukking)',
  'data.submitted': '{n} ingestuurd',
  'data.import': 'Antwoorden importeren',
  'data.importIntro': 'Een lange CSV zoals beschreven in de documentatie (edition, municipality_code, question, item, value, other_text, comment). Eerst ziet u een controle; pas na bevestigen wordt er iets opgeslagen. Alles of niets: een bestand met fouten wordt niet geïmporteerd.',
  'data.file': 'CSV-bestand',
  'data.check': 'Controleren',
  'data.noFile': 'Kies een CSV-bestand',
  'data.tooBig': 'Het bestand is te groot (maximaal 20 MB)',
  'data.preview': 'Controle van {file}',
  'data.hasErrors': 'Het bestand heeft {n} fout(en). Er is niets geïmporteerd. Verbeter het bestand en probeer het opnieuw.',
  'data.line': 'Regel',
  'data.problem': 'Probleem',
  'data.ok': 'Het bestand is in orde: {pairs} vragenlijsten, waarvan {created} nieuw, {replaced} gewijzigd en {unchanged} ongewijzigd.',
  'data.confirm': 'Importeren',
  'data.cancel': 'Annuleren',
  'data.done': 'Geïmporteerd: {created} nieuw, {replaced} vervangen, {unchanged} ongewijzigd.',
  'data.expired': 'Deze import is niet meer beschikbaar. Upload het bestand opnieuw.',
} as const;

type Key = keyof typeof nl;
const en: Record<Key, string> = {
  'data.title': 'Data: export and import',
  'data.intro': 'Download the answers and statistics per edition, or import answers of editions that were run outside the platform.',
  'data.downloads': 'Downloads',
  'data.edition': 'Edition',
  'data.responses': 'Answers',
  'data.stats': 'Statistics',
  'data.csv': 'long CSV',
  'data.xlsx': 'Excel (wide + codebook)',
  'data.sps': 'SPSS syntax',
  'data.spsCsv': 'matching CSV',
  'data.statsCsv': 'CSV (all figures)',
  'data.statsJson': 'JSON (with suppression)',
  'data.submitted': '{n} submitted',
  'data.import': 'Import answers',
  'data.importIntro': 'A long CSV as described in the documentation (edition, municipality_code, question, item, value, other_text, comment). You first see a check; nothing is saved until you confirm. All or nothing: a file with errors is not imported.',
  'data.file': 'CSV file',
  'data.check': 'Check',
  'data.noFile': 'Choose a CSV file',
  'data.tooBig': 'The file is too large (at most 20 MB)',
  'data.preview': 'Check of {file}',
  'data.hasErrors': 'The file has {n} error(s). Nothing was imported. Correct the file and try again.',
  'data.line': 'Line',
  'data.problem': 'Problem',
  'data.ok': 'The file is fine: {pairs} questionnaires, of which {created} new, {replaced} changed and {unchanged} unchanged.',
  'data.confirm': 'Import',
  'data.cancel': 'Cancel',
  'data.done': 'Imported: {created} new, {replaced} replaced, {unchanged} unchanged.',
  'data.expired': 'This import is no longer available. Upload the file again.',
};

export function dt(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return (lang === 'en' ? en : nl)[key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}
