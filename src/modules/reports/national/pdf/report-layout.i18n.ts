// The strings of the national report's cover and colophon (issue 18.4), Dutch first.
import { translator } from '../../../auth/index.ts';

const nl = {
  'cover.edition': 'Editie {year}',
  'cover.commissioner': 'Opdrachtgever',
  'cover.ministry': 'Ministerie van Volksgezondheid, Welzijn en Sport (VWS)',
  'colophon.title': 'Colofon',
  'colophon.publication': 'Uitgave',
  'colophon.edition': 'Editie',
  'colophon.commissioner': 'Opdrachtgever',
  'colophon.executed': 'Uitvoering',
  'colophon.bureau': 'Onderzoeksbureau van de benchmark Eén tegen eenzaamheid',
  'colophon.date': 'Datum',
  'colophon.source': 'Bron',
  'colophon.sourceText': 'Vragenlijst benchmark Eén tegen eenzaamheid {year}, ingevuld door {responded} gemeenten; gemeentelijke indeling CBS {registerYear}.',
  'colophon.reading': 'Leeswijzer',
  'colophon.readingText': 'Elke figuur heeft een nummer; de cijfers bij elke figuur staan in een tabel met hetzelfde nummer in de bijlage. Een * bij het jaar: het panel, de gemeenten die aan alle edities meededen. Een cijfer over te weinig gemeenten wordt niet getoond.',
  'colophon.accessible': 'Dit rapport is een toegankelijke pdf (PDF/UA-1): met koppen, leesvolgorde, alternatieve tekst bij elke figuur en tabellen met kopregels.',
  'panel.caption': '{figure} Panel: de {n} gemeenten die aan alle edities meededen',
} as const;
type Key = keyof typeof nl;

const en: Record<Key, string> = {
  'cover.edition': 'Edition {year}',
  'cover.commissioner': 'Commissioned by',
  'cover.ministry': 'Ministry of Health, Welfare and Sport (VWS)',
  'colophon.title': 'Colophon',
  'colophon.publication': 'Publication',
  'colophon.edition': 'Edition',
  'colophon.commissioner': 'Commissioned by',
  'colophon.executed': 'Carried out by',
  'colophon.bureau': 'The research bureau of the benchmark Eén tegen eenzaamheid',
  'colophon.date': 'Date',
  'colophon.source': 'Source',
  'colophon.sourceText': 'Questionnaire of the benchmark Eén tegen eenzaamheid {year}, completed by {responded} municipalities; municipal division CBS {registerYear}.',
  'colophon.reading': 'How to read',
  'colophon.readingText': 'Every figure has a number; the figures behind each chart are in the table with the same number in the appendix. A * after the year: the panel, the municipalities that took part in every edition. A figure about too few municipalities is not shown.',
  'colophon.accessible': 'This report is an accessible PDF (PDF/UA-1): with headings, reading order, alternative text for every figure and tables with header rows.',
  'panel.caption': '{figure} Panel: the {n} municipalities that took part in every edition',
};

export const lt = translator<Key>({ nl, en });
