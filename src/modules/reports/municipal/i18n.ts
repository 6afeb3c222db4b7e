// Every string of the municipal web report, Dutch first; the English table (i18n.en.ts) has every key.
import type { Lang } from '../../questionnaire/index.ts';
import { en } from './i18n.en.ts';

export const nl = {
  'title': 'Rapportage {name}',
  'lead': 'Benchmark Eén tegen eenzaamheid {year}: wat uw gemeente doet tegen eenzaamheid onder ouderen, en wat zij nog meer kan doen.',
  'submitted': 'Vragenlijst verstuurd op {date}.',
  'context': 'Uw antwoorden worden vergeleken met die van de {n} gemeenten die de vragenlijst {year} hebben ingevuld.',
  'context.one': 'Uw antwoorden worden vergeleken met die van de ene gemeente die de vragenlijst {year} heeft ingevuld.',
  'prov.title': 'Voorlopige rapportage',
  'prov.body': 'De resultaten van {year} zijn nog niet gepubliceerd. U ziet al uw eigen antwoorden. Elke vergelijking met andere gemeenten is voorlopig: ze rust op de {municipalities} die de vragenlijst tot nu toe hebben verstuurd, en kan nog veranderen. Na de publicatie krijgen de contactpersonen van uw gemeente een e-mail; deze link blijft dezelfde.',
  'prov.label': 'voorlopig: vergeleken met {municipalities} die tot nu toe verstuurden',
  'prov.tag': 'Voorlopig',
  'count.one': '{n} gemeente',
  'count.other': '{n} gemeenten',
  'noJudgement': 'De benchmark beschrijft wat gemeenten doen; hij geeft geen oordeel over beleid.',
  'example.title': 'Voorbeeld',
  'example.body': '{name} is een fictieve gemeente. Deze voorbeeldrapportage laat zien wat een gemeente ontvangt nadat zij de vragenlijst heeft ingevuld. Haar antwoorden tellen nergens mee.',
  'factsheet.download': 'Download de factsheet (pdf, A4)',
  'toc': 'Onderdelen van de rapportage',
  'part1': '1. Eenzaamheid in uw gemeente',
  'part2': '2. Wat uw gemeente nu doet',
  'part3': '3. Wat uw gemeente nog meer kan doen',
  'print': 'Wilt u alles afdrukken? Kies dan eerst "Alle thema\'s".',
  'wijk.intro': 'Hoeveel volwassenen (18 jaar en ouder) voelen zich eenzaam? Per wijk, vergeleken met de hele gemeente en met Nederland.',
  'wijk.none': 'Voor {name} zijn er (nog) geen cijfers per wijk beschikbaar.',
  'wijk.summary': 'In {name} voelt {lonely} van de volwassenen zich eenzaam en {severe} ernstig of zeer ernstig eenzaam.',
  'wijk.summaryNational': 'In heel Nederland is dat {lonely} en {severe}.',
  'wijk.highest': 'Het hoogst is het aandeel eenzame volwassenen in {wijk} ({value}), het laagst in {low} ({lowValue}).',
  'wijk.synthetic.title': 'Synthetische cijfers (demo)',
  'wijk.synthetic.body': 'Deze cijfers per wijk zijn voor de demonstratie gegenereerd. Het zijn geen metingen en ze zeggen niets over de echte wijken.',
  'wijk.chart.title': 'Aandeel volwassenen dat zich eenzaam en ernstig eenzaam voelt, per wijk van {name} ({year})',
  'wijk.chart.desc': 'Staafdiagram: per wijk, van hoog naar laag, het percentage eenzame en ernstig eenzame volwassenen; bovenaan de gemeente en Nederland. De tabel hieronder geeft dezelfde cijfers.',
  'wijk.axis': 'Percentage volwassenen',
  'wijk.lonely': 'Eenzaam',
  'wijk.severe': 'Ernstig eenzaam',
  'wijk.municipality': 'Gemeente {name}',
  'wijk.nl': 'Nederland',
  'wijk.table': 'Eenzaamheid per wijk, {year} (percentage volwassenen)',
  'wijk.wijk': 'Wijk',
  'wijk.missing': 'geen cijfer',
  'wijk.source': 'Bron: {source}, {year}.',
  'wijk.estimates': 'De cijfers per wijk zijn modelschattingen: ze zijn berekend uit de antwoorden van een steekproef en kenmerken van de wijk, en hebben een onzekerheidsmarge.',
  'wijk.chartTop': 'De grafiek toont de {shown} wijken met het hoogste aandeel eenzame volwassenen; de tabel geeft alle {n} wijken.',
  'wijk.syntheticNote': 'Synthetisch (demo): gegenereerde cijfers, geen metingen.',
  'themes.intro': 'Kies een thema. Per vraag ziet u uw antwoord naast het antwoord dat gemeenten het vaakst gaven, en welk deel van de gemeenten in uw provincie en in heel Nederland hetzelfde antwoordde.',
  'themes.nav': 'Kies een thema',
  'themes.all': 'Alle thema\'s',
  'theme.actielijn': 'Actielijn {n}: {title}',
  'theme.pijler': 'Pijler {n}: {title}',
  'q.yours': 'Uw antwoord',
  'q.modal': 'Meest gegeven antwoord',
  'q.modalShare': '{share} van {n} gemeenten',
  'q.same': 'Uw antwoord is ook het meest gegeven antwoord.',
  'q.differs': 'Uw antwoord wijkt af van het meest gegeven antwoord.',
  'q.notAnswered': 'U heeft deze vraag niet beantwoord.',
  'q.notAsked': 'Niet gevraagd (niet van toepassing op uw gemeente).',
  'q.noModal': 'Nog geen meest gegeven antwoord.',
  'q.comment': 'Uw toelichting',
  'q.item': 'Onderdeel',
  'cmp.caption': 'Gemeenten die hetzelfde antwoordden als u',
  'cmp.answer': 'Uw antwoord',
  'cmp.province': 'Provincie {name}',
  'cmp.national': 'Nederland',
  'cmp.share': '{share} ({count} van {n})',
  'cmp.suppressed': 'te weinig antwoorden (n={n})',
  'cmp.matrix': 'Per onderdeel: uw antwoord, het meest gegeven antwoord, en welk deel van de gemeenten in uw provincie en in Nederland hetzelfde antwoordde als u',
  'cmp.sameProvince': 'Provincie {name}',
  'cmp.sameNational': 'Nederland',
  'cmp.size': 'Gemeenten met {size}',
  'cmp.sameSize': 'Gemeenten met {size}',
  'cmp.matrixSize': 'Per onderdeel: uw antwoord, het meest gegeven antwoord, en welk deel van de gemeenten van vergelijkbare grootte en in Nederland hetzelfde antwoordde als u',
  'cmp.matrixNation': 'Per onderdeel: uw antwoord, het meest gegeven antwoord, en welk deel van de gemeenten in Nederland hetzelfde antwoordde als u',
  'cmp.choose': 'Vergelijk uw antwoorden met',
  'cmp.choose.province': 'gemeenten in de provincie {name} en heel Nederland',
  'cmp.choose.size': 'gemeenten van vergelijkbare grootte ({size}) en heel Nederland',
  'cmp.choose.nation': 'alleen heel Nederland',
  'cmp.show': 'Toon de vergelijking',
  'cmp.sizeNote': '{name} had op 1 januari {year} {inhabitants} inwoners (CBS); gemeenten van vergelijkbare grootte zijn de gemeenten met {size}.',
  'cmp.noSize': 'Vergelijken met gemeenten van vergelijkbare grootte kan hier niet: er is geen inwonertal van {year} voor {name}.',
  'q.itemNotAnswered': 'niet beantwoord',
  'cmp.none': 'geen antwoorden',
  'hist.caption': 'Uw antwoorden door de jaren heen',
  'hist.edition': 'Editie',
  'hist.new': 'Nieuw in {edition}: in eerdere edities niet gevraagd.',
  'hist.reworded': 'vraag toen anders gesteld',
  'tips.intro': 'Op basis van uw antwoorden hebben we tips voor u gezocht. Elke tip verwijst naar meer informatie.',
  'tips.none': 'Op basis van uw antwoorden hebben we geen aanvullende tips. Bespreek gerust met uw adviseur wat de volgende stap kan zijn.',
  'tips.because': 'Omdat u bij "{question}" antwoordde: {reason}',
  'tips.more': 'Meer informatie',
  'tips.moreAbout': 'over: {text}',
  'adv.title': 'Bespreek de resultaten met uw adviseur',
  'adv.intro': 'De adviseurs Eén tegen eenzaamheid denken kosteloos met uw gemeente mee. Uw adviseur bespreekt deze rapportage graag met u.',
  'adv.none': 'Voor uw gemeente is (nog) geen adviseur bekend. U vindt de adviseurs Eén tegen eenzaamheid op www.eentegeneenzaamheid.nl.',
  'adv.yours': 'Uw adviseur',
  'adv.email': 'E-mail',
  'adv.phone': 'Telefoon',
  'adv.form': 'Vraag een gesprek aan',
  'adv.formIntro': 'Wij sturen uw adviseur een e-mail met het verzoek contact met u op te nemen. Uw naam en e-mailadres zijn niet verplicht, maar helpen uw adviseur u te bereiken.',
  'adv.name': 'Uw naam (niet verplicht)',
  'adv.from': 'Uw e-mailadres (niet verplicht)',
  'adv.message': 'Waarover wilt u praten? (niet verplicht)',
  'adv.send': 'Verstuur verzoek aan {name}',
  'adv.sent': 'Uw verzoek is verstuurd naar {name}. Uw adviseur neemt contact met u op.',
  'adv.already': 'Vandaag is al een verzoek naar {name} verstuurd voor uw gemeente. Uw adviseur neemt contact op; morgen kunt u zo nodig opnieuw een verzoek sturen.',
  'adv.staff': 'De gemeente kan vanuit haar eigen rapportage een gesprek met de adviseur aanvragen.',
  'adv.exampleNote': 'In de voorbeeldrapportage wordt geen verzoek verstuurd.',
  'err.email': 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl, of laat het veld leeg',
  'err.tooLong': 'De tekst is te lang: gebruik maximaal {max} tekens',
  'err.title': 'Er is een probleem',
  'notYet.title': 'Uw rapportage komt na het versturen',
  'notYet.body': 'Zodra uw gemeente de vragenlijst {year} heeft verstuurd, vindt u hier de rapportage: eenzaamheid per wijk, wat uw gemeente nu doet vergeleken met andere gemeenten, en tips.',
  'notYet.link': 'Naar de vragenlijst',
  'notFound.title': 'Rapportage niet gevonden',
  'notFound.body': 'Deze rapportage bestaat niet, of u heeft er geen toegang toe.',
  'pct': '{value}%',
} as const;

export type ReportKey = keyof typeof nl;

export function rt(lang: Lang, key: ReportKey, params: Record<string, string | number> = {}): string {
  return (lang === 'en' ? en : nl)[key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

/** 47.3 → "47,3%" (nl) or "47.3%" (en); whole numbers without decimals. */
export function pct(lang: Lang, value: number): string {
  const s = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return rt(lang, 'pct', { value: lang === 'nl' ? s.replace('.', ',') : s });
}

/** "1 gemeente" / "12 gemeenten". */
export function municipalities(lang: Lang, n: number): string {
  return rt(lang, n === 1 ? 'count.one' : 'count.other', { n });
}

/** Before publication, the label every comparison carries (with how many it rests on); null after. */
export function provisionalLabel(r: { lang: Lang; published: boolean; respondents: number }): string | null {
  return r.published ? null : rt(r.lang, 'prov.label', { municipalities: municipalities(r.lang, r.respondents) });
}
