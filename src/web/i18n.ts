// Every string on screen, in Dutch (first) and English. The English table must have every key.
import type { Lang, Text } from '../modules/questionnaire/questionnaire.model.ts';

const nl = {
  'site.name': 'Benchmark Eén tegen eenzaamheid',
  'site.owner': 'In opdracht van het Ministerie van Volksgezondheid, Welzijn en Sport',
  'nav.skip': 'Naar de inhoud',
  'nav.language': 'English',
  'nav.languageLabel': 'Read this page in English',
  'nav.home': 'Home',
  'nav.label': 'Hoofdmenu',
  'nav.results': 'Resultaten',
  'nav.staff': 'Inloggen medewerkers',
  'footer.about': 'Deze benchmark brengt in kaart wat gemeenten doen tegen eenzaamheid. Er wordt geen oordeel gegeven over beleid.',
  'footer.data': 'Gemeentelijke indeling: CBS (CC BY 4.0).',
  'home.title': 'Benchmark Eén tegen eenzaamheid',
  'home.intro': 'Elk jaar vraagt het Ministerie van VWS gemeenten wat zij doen tegen eenzaamheid onder ouderen. Gemeenten vullen de vragenlijst in via een persoonlijke link die zij per e-mail ontvangen.',
  'home.demo.title': 'Demonstratie met fictieve gegevens',
  'home.demo.body': 'Deze omgeving bevat een demoset: de antwoorden van gemeenten zijn verzonnen en zo gekozen dat de uitkomsten lijken op het rapport 2022. Gravendonck is een fictieve voorbeeldgemeente. Wilt u beginnen zonder demogegevens? Start dan met een lege database: DEMO=0 npm start (met een nieuwe DATA_DIR).',
  'home.editions': 'Edities',
  'home.edition': 'Editie {year}',
  'home.state.draft': 'in voorbereiding',
  'home.state.open': 'open voor invullen tot en met {date}',
  'home.state.openUndated': 'open voor invullen',
  'home.results': 'resultaten {year} bekijken',
  'home.example': 'Voorbeeld: wat een gemeente terugkrijgt',
  'home.example.body': 'Elke gemeente die de vragenlijst verstuurt, krijgt een rapportage op internet en een factsheet (pdf). Hier ziet u ze voor de fictieve gemeente Gravendonck, editie {year}.',
  'home.example.report': 'Voorbeeldrapportage van Gravendonck',
  'home.example.factsheet': 'Voorbeeldfactsheet van Gravendonck (pdf)',
  'home.state.closed': 'gesloten',
  'home.state.published': 'resultaten gepubliceerd',
  'home.noLink': 'Heeft u uw persoonlijke link niet meer? Neem contact op met het onderzoeksbureau of met uw adviseur Eén tegen eenzaamheid.',
  'start.title': 'Vragenlijst {year}',
  'start.for': 'Voor de gemeente {name}',
  'start.intro': 'U kunt vragen overslaan, tussendoor stoppen en later verdergaan met dezelfde link. Een collega kan met dezelfde link verder. Alles wat u opslaat, blijft bewaard.',
  'start.closes': 'U kunt de vragenlijst invullen tot en met {date}.',
  'start.duration': 'Het invullen duurt ongeveer {minutes} minuten.',
  'start.contact': 'Vragen over de vragenlijst? Mail het onderzoeksbureau:',
  'start.contactPage': 'Vragen over de vragenlijst? Op de contactpagina staat wie u kunt bereiken.',
  'start.themes': 'Onderdelen',
  'start.progress': '{answered} van {total} vragen beantwoord',
  'start.continue': 'Verder met {theme}',
  'start.begin': 'Begin met de vragenlijst',
  'start.review': 'Controleer en verstuur uw antwoorden',
  'start.saved': 'Uw antwoorden zijn opgeslagen. U kunt later verder met dezelfde link.',
  'start.submitted': 'U heeft de vragenlijst verstuurd op {date}.',
  'start.closed': 'De vragenlijst is gesloten. U kunt uw antwoorden nog bekijken, maar niet meer wijzigen.',
  'start.status.done': 'Klaar',
  'start.status.busy': 'Bezig',
  'start.status.todo': 'Nog niet begonnen',
  'theme.step': 'Onderdeel {n} van {total}',
  'theme.previous': 'Vorige',
  'theme.back': 'Terug',
  'theme.saveReview': 'Opslaan en terug naar controleren',
  'theme.next': 'Opslaan en verder',
  'theme.toReview': 'Opslaan en naar controleren',
  'theme.saveLater': 'Opslaan en later verder',
  'theme.optional': 'Alle vragen zijn optioneel: u kunt een vraag overslaan.',
  'theme.requiredNote': 'Vragen met (verplicht) moet u beantwoorden voordat u de vragenlijst verstuurt. U kunt deze pagina ook zonder die antwoorden opslaan en later verdergaan. De andere vragen kunt u overslaan.',
  'question.comment': 'Toelichting (optioneel)',
  'question.maxChars': 'U kunt maximaal {max} tekens gebruiken.',
  'question.charsLeft': 'U hebt nog {n} tekens over',
  'question.charsOver': 'U hebt {n} tekens te veel',
  'question.required': '(verplicht)',
  'question.other': 'Anders, namelijk',
  'question.otherFor': 'Toelichting bij "{option}"',
  'question.multiHint': 'Kies alle antwoorden die van toepassing zijn.',
  'question.exclusiveHint': '"{option}" kunt u niet combineren met een ander antwoord.',
  'question.showIfHint': 'Beantwoord deze vraag alleen als u bij "{question}" hebt gekozen voor: {options}.',
  'question.clear': 'Geen antwoord',
  'question.item': 'Onderdeel',
  'question.notAnswered': 'Niet beantwoord',
  'question.notAsked': 'Niet gevraagd (niet van toepassing)',
  'errors.title': 'Er is een probleem',
  'errors.notSaved': 'Uw antwoorden op deze pagina zijn nog niet opgeslagen. Pas het volgende aan:',
  'error.otherMissing': 'Vul in wat u bedoelt met "Anders, namelijk", of kies een ander antwoord',
  'error.otherNotChosen': 'U heeft een tekst ingevuld bij "Anders, namelijk". Kies ook dat antwoord, of maak het tekstveld leeg',
  'error.exclusive': 'Het antwoord "{option}" kunt u niet combineren met andere antwoorden',
  'error.tooLong': 'De tekst is te lang: gebruik maximaal {max} tekens',
  'error.invalidOption': 'Kies een van de gegeven antwoorden',
  'conflict.title': 'Een collega heeft intussen antwoorden gewijzigd',
  'conflict.intro': 'Sinds u deze pagina opende, zijn de volgende antwoorden door iemand anders opgeslagen. Er is nog niets van u opgeslagen. Kies per vraag welk antwoord moet blijven en sla de pagina opnieuw op.',
  'conflict.theirs': 'Opgeslagen door een collega',
  'conflict.yours': 'Uw antwoord (hieronder in het formulier)',
  'conflict.keepMine': 'Mijn antwoord bewaren',
  'conflict.keepTheirs': 'Het antwoord van mijn collega bewaren',
  'conflict.choose': 'Welk antwoord moet blijven bij "{question}"?',
  'conflict.missingChoice': 'Kies welk antwoord moet blijven',
  'review.title': 'Controleer uw antwoorden',
  'review.intro': 'Hieronder staan al uw antwoorden. U kunt ze nog wijzigen. Verstuur de vragenlijst als u klaar bent.',
  'review.change': 'Wijzig',
  'review.changeTheme': 'Wijzig antwoorden bij {theme}',
  'review.submit': 'Vragenlijst versturen',
  'review.submitNote': 'Na het versturen kunt u uw antwoorden nog wijzigen zolang de vragenlijst open is.',
  'review.requiredMissing': 'U moet nog {n} verplichte vraag of vragen beantwoorden voordat u de vragenlijst kunt versturen:',
  'review.requiredRefused': 'De vragenlijst is niet verstuurd. Beantwoord eerst {n} verplichte vraag of vragen:',
  'review.requiredQuestion': 'Beantwoord vraag {n}: {question}',
  'done.title': 'Bedankt, uw antwoorden zijn verstuurd',
  'done.when': 'Verstuurd op {date}.',
  'done.next': 'Na afloop van de benchmark ontvangt uw gemeente een eigen rapportage en een factsheet.',
  'done.report': 'Bekijk de rapportage van uw gemeente',
  'done.answers': 'Uw antwoorden',
  'done.edit': 'Wijzig antwoorden',
  'done.editNote': 'Zolang de vragenlijst open is (tot en met {date}), kunt u uw antwoorden wijzigen en opnieuw versturen.',
  'done.pdf': 'Uw antwoorden als pdf',
  'done.pdfNote': 'Om te bewaren of af te drukken. Dezelfde pdf is per e-mail gestuurd naar de contactpersonen van uw gemeente.',
  'pdf.answers.title': 'Antwoorden van {name} — benchmark Eén tegen eenzaamheid {year}',
  'mail.confirmation.subject': 'Ontvangen: de antwoorden van {name} voor de benchmark Eén tegen eenzaamheid {year}',
  'mail.confirmation.body': 'Beste {contact},\n\nDe antwoorden van de gemeente {name} voor de benchmark Eén tegen eenzaamheid {year} zijn ontvangen op {date}. Dank u wel!\n\nIn de bijlage staan de vragen en de antwoorden (pdf), om te bewaren of af te drukken.\n\nZolang de vragenlijst open is, kunt u de antwoorden nog wijzigen met de persoonlijke link uit de uitnodiging.\n\nMet vriendelijke groet,\nBenchmark Eén tegen eenzaamheid',
  'link.invalid.title': 'Deze link werkt niet',
  'link.invalid.body': 'De link is niet (volledig) juist. Controleer of u de hele link uit de e-mail hebt gekopieerd. Lukt het niet, neem dan contact op met het onderzoeksbureau.',
  'link.tooMany.title': 'Te veel onjuiste links',
  'link.tooMany.body': 'Vanaf uw adres zijn te veel onjuiste links geprobeerd. Probeer het opnieuw na {time}. Gebruik de link uit uw e-mail.',
  'link.expired.title': 'Deze vragenlijst is gesloten',
  'link.expired.body': 'De vragenlijst {year} is gesloten op {date}. U kunt geen antwoorden meer invullen. Heeft u vragen, neem dan contact op met het onderzoeksbureau.',
  'link.notOpen.title': 'Deze vragenlijst is nog niet open',
  'link.notOpen.body': 'De vragenlijst {year} is nog niet geopend. U ontvangt een e-mail zodra u kunt beginnen.',
  'page.notFound.title': 'Pagina niet gevonden',
  'page.notFound.body': 'Deze pagina bestaat niet. Controleer het adres.',
  'page.error.title': 'Er ging iets mis',
  'page.error.body': 'Er ging aan onze kant iets mis. Er is niets verloren gegaan van wat al was opgeslagen. Probeer het over een paar minuten opnieuw.',
  'page.unavailable.title': 'Tijdelijk niet beschikbaar',
  'page.unavailable.body': 'De benchmark is even niet bereikbaar. Wat u al had opgeslagen, is bewaard. Probeer het over een paar minuten opnieuw.',
  'page.notEditable.title': 'Deze antwoorden kunnen niet meer worden gewijzigd',
  'page.notEditable.body': 'De vragenlijst is verstuurd of gesloten. Er is niets gewijzigd.',
  'page.badForm.title': 'Het formulier kon niet worden gelezen',
  'page.badForm.body': 'Wat er werd verstuurd, was geen leesbaar formulier. Er is niets opgeslagen of gewijzigd. Ga terug, laad de pagina opnieuw en probeer het nog een keer.',
  'page.badAddress.title': 'Dit adres klopt niet',
  'page.badAddress.body': 'Het adres bevat een teken dat er niet in hoort. Er is niets opgeslagen of gewijzigd. Controleer het adres, of ga naar de startpagina.',
  'page.tooLarge.title': 'Te groot om te versturen',
  'page.tooLarge.body': 'Het formulier of bestand is groter dan is toegestaan. Er is niets opgeslagen of gewijzigd. Kies een kleiner bestand of maak de tekst korter.',
  'page.sheetTooLarge.title': 'Bestand te groot',
  'page.sheetTooLarge.body': 'Het bestand is groter dan 5 MB en is niet gelezen; er is niets opgeslagen of gewijzigd. Een lijst of vragenlijst is veel kleiner: kopieer alleen de lijst naar een nieuwe werkmap (zonder andere werkbladen of afbeeldingen) en sla die op als .xlsx of als CSV.',
  'page.back': 'Terug naar het overzicht',
} as const;

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, string> = {
  'site.name': 'Benchmark One against loneliness',
  'site.owner': 'Commissioned by the Ministry of Health, Welfare and Sport',
  'nav.skip': 'Skip to content',
  'nav.language': 'Nederlands',
  'nav.languageLabel': 'Lees deze pagina in het Nederlands',
  'nav.home': 'Home',
  'nav.label': 'Main menu',
  'nav.results': 'Results',
  'nav.staff': 'Staff sign-in',
  'footer.about': 'This benchmark maps what municipalities do against loneliness. It does not judge policy.',
  'footer.data': 'Municipal boundaries and codes: CBS (CC BY 4.0).',
  'home.title': 'Benchmark One against loneliness',
  'home.intro': 'Every year the Ministry of Health, Welfare and Sport asks municipalities what they do against loneliness among older people. Municipalities answer the questionnaire through a personal link they receive by e-mail.',
  'home.demo.title': 'Demonstration with fictitious data',
  'home.demo.body': "This environment holds a demo data set: the municipalities' answers are made up, chosen so that the results resemble the 2022 report. Gravendonck is a fictitious example municipality. Want to start without demo data? Start with an empty database: DEMO=0 npm start (with a new DATA_DIR).",
  'home.editions': 'Editions',
  'home.edition': 'Edition {year}',
  'home.state.draft': 'in preparation',
  'home.state.open': 'open for answers until {date} inclusive',
  'home.state.openUndated': 'open for answers',
  'home.results': 'see the results of {year}',
  'home.example': 'Example: what a municipality gets back',
  'home.example.body': 'Every municipality that submits the questionnaire gets a report on the web and a factsheet (PDF). Here you see them for the fictitious municipality of Gravendonck, edition {year}.',
  'home.example.report': 'Example report of Gravendonck',
  'home.example.factsheet': 'Example factsheet of Gravendonck (PDF)',
  'home.state.closed': 'closed',
  'home.state.published': 'results published',
  'home.noLink': 'Lost your personal link? Contact the research bureau or your One against loneliness advisor.',
  'start.title': 'Questionnaire {year}',
  'start.for': 'For the municipality of {name}',
  'start.intro': 'You may skip questions, stop at any time and continue later with the same link. A colleague can continue with the same link. Everything you save is kept.',
  'start.closes': 'You can answer the questionnaire until {date} inclusive.',
  'start.duration': 'Answering takes about {minutes} minutes.',
  'start.contact': 'Questions about the questionnaire? E-mail the research bureau:',
  'start.contactPage': 'Questions about the questionnaire? The contact page says whom to reach.',
  'start.themes': 'Sections',
  'start.progress': '{answered} of {total} questions answered',
  'start.continue': 'Continue with {theme}',
  'start.begin': 'Start the questionnaire',
  'start.review': 'Check and send your answers',
  'start.saved': 'Your answers have been saved. You can continue later with the same link.',
  'start.submitted': 'You sent the questionnaire on {date}.',
  'start.closed': 'The questionnaire is closed. You can still read your answers, but no longer change them.',
  'start.status.done': 'Done',
  'start.status.busy': 'In progress',
  'start.status.todo': 'Not started',
  'theme.step': 'Section {n} of {total}',
  'theme.previous': 'Previous',
  'theme.back': 'Back',
  'theme.saveReview': 'Save and return to checking',
  'theme.next': 'Save and continue',
  'theme.toReview': 'Save and check answers',
  'theme.saveLater': 'Save and continue later',
  'theme.optional': 'All questions are optional: you may skip a question.',
  'theme.requiredNote': 'Questions marked (required) must be answered before you send the questionnaire. You can also save this page without those answers and continue later. You may skip the other questions.',
  'question.comment': 'Explanation (optional)',
  'question.maxChars': 'You can use up to {max} characters.',
  'question.charsLeft': 'You have {n} characters remaining',
  'question.charsOver': 'You have {n} characters too many',
  'question.required': '(required)',
  'question.other': 'Other, namely',
  'question.otherFor': 'Explanation for "{option}"',
  'question.multiHint': 'Choose all answers that apply.',
  'question.exclusiveHint': '"{option}" cannot be combined with another answer.',
  'question.showIfHint': 'Only answer this question if you chose one of these at "{question}": {options}.',
  'question.clear': 'No answer',
  'question.item': 'Item',
  'question.notAnswered': 'Not answered',
  'question.notAsked': 'Not asked (not applicable)',
  'errors.title': 'There is a problem',
  'errors.notSaved': 'Your answers on this page have not been saved yet. Please correct the following:',
  'error.otherMissing': 'Say what you mean by "Other, namely", or choose another answer',
  'error.otherNotChosen': 'You entered a text for "Other, namely". Choose that answer too, or clear the text field',
  'error.exclusive': 'The answer "{option}" cannot be combined with other answers',
  'error.tooLong': 'The text is too long: use at most {max} characters',
  'error.invalidOption': 'Choose one of the answers given',
  'conflict.title': 'A colleague has changed answers in the meantime',
  'conflict.intro': 'Since you opened this page, someone else saved the answers below. Nothing of yours has been saved yet. For each question, choose which answer should stay and save the page again.',
  'conflict.theirs': 'Saved by a colleague',
  'conflict.yours': 'Your answer (in the form below)',
  'conflict.keepMine': 'Keep my answer',
  'conflict.keepTheirs': "Keep my colleague's answer",
  'conflict.choose': 'Which answer should stay for "{question}"?',
  'conflict.missingChoice': 'Choose which answer should stay',
  'review.title': 'Check your answers',
  'review.intro': 'Below are all your answers. You can still change them. Send the questionnaire when you are done.',
  'review.change': 'Change',
  'review.changeTheme': 'Change answers for {theme}',
  'review.submit': 'Send questionnaire',
  'review.submitNote': 'After sending you can still change your answers while the questionnaire is open.',
  'review.requiredMissing': 'You still need to answer {n} required question(s) before you can send the questionnaire:',
  'review.requiredRefused': 'The questionnaire has not been sent. First answer {n} required question(s):',
  'review.requiredQuestion': 'Answer question {n}: {question}',
  'done.title': 'Thank you, your answers have been sent',
  'done.when': 'Sent on {date}.',
  'done.next': 'After the benchmark your municipality receives its own report and a factsheet.',
  'done.report': "View your municipality's report",
  'done.answers': 'Your answers',
  'done.edit': 'Change answers',
  'done.editNote': 'While the questionnaire is open (until {date} inclusive) you can change your answers and send them again.',
  'done.pdf': 'Your answers as a PDF',
  'done.pdfNote': 'To keep or to print. The same PDF has been e-mailed to the contact persons of your municipality.',
  'pdf.answers.title': 'Answers of {name} — benchmark Eén tegen eenzaamheid {year}',
  'mail.confirmation.subject': 'Received: the answers of {name} for the benchmark Eén tegen eenzaamheid {year}',
  'mail.confirmation.body': 'Dear {contact},\n\nThe answers of the municipality of {name} for the benchmark Eén tegen eenzaamheid {year} were received on {date}. Thank you!\n\nThe attachment holds the questions and the answers (PDF), to keep or to print.\n\nWhile the questionnaire is open, you can still change the answers with the personal link from the invitation.\n\nKind regards,\nBenchmark Eén tegen eenzaamheid',
  'link.invalid.title': 'This link does not work',
  'link.invalid.body': 'The link is not (fully) correct. Check that you copied the whole link from the e-mail. If it still fails, contact the research bureau.',
  'link.tooMany.title': 'Too many wrong links',
  'link.tooMany.body': 'Too many wrong links were tried from your address. Try again after {time}. Use the link from your e-mail.',
  'link.expired.title': 'This questionnaire is closed',
  'link.expired.body': 'The {year} questionnaire closed on {date}. You can no longer answer. If you have questions, contact the research bureau.',
  'link.notOpen.title': 'This questionnaire is not open yet',
  'link.notOpen.body': 'The {year} questionnaire has not opened yet. You will receive an e-mail as soon as you can start.',
  'page.notFound.title': 'Page not found',
  'page.notFound.body': 'This page does not exist. Check the address.',
  'page.error.title': 'Something went wrong',
  'page.error.body': 'Something went wrong on our side. Nothing you had already saved has been lost. Please try again in a few minutes.',
  'page.unavailable.title': 'Temporarily unavailable',
  'page.unavailable.body': 'The benchmark cannot be reached right now. What you had saved is kept. Please try again in a few minutes.',
  'page.notEditable.title': 'These answers can no longer be changed',
  'page.notEditable.body': 'The questionnaire has been sent or is closed. Nothing was changed.',
  'page.badForm.title': 'The form could not be read',
  'page.badForm.body': 'What was sent was not a readable form. Nothing was saved or changed. Go back, reload the page and try again.',
  'page.badAddress.title': 'This address is not right',
  'page.badAddress.body': 'The address contains a character that does not belong in it. Nothing was saved or changed. Check the address, or go to the home page.',
  'page.tooLarge.title': 'Too large to send',
  'page.tooLarge.body': 'The form or file is larger than allowed. Nothing was saved or changed. Choose a smaller file or shorten the text.',
  'page.sheetTooLarge.title': 'File too large',
  'page.sheetTooLarge.body': 'The file is larger than 5 MB and was not read; nothing was saved or changed. A list or questionnaire is much smaller: copy only the list to a new workbook (without other sheets or images) and save that as .xlsx or as CSV.',
  'page.back': 'Back to the overview',
};

const tables: Record<Lang, Record<MessageKey, string>> = { nl, en };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

/** Picks the language of a questionnaire text. */
export function tx(lang: Lang, text: Text): string {
  return text[lang] || text.nl;
}

const months = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * YYYY-MM-DD of the day in the Netherlands (Sweden writes dates that way): what "today", "one a
 * day" and fieldwork dates mean, turning over at Dutch midnight.
 */
export function dutchDay(d: Date): string {
  return dayFormat.format(d);
}

/** "28 november 2026" from a Date or YYYY-MM-DD, in Dutch time. */
export function formatDate(lang: Lang, d: Date | string): string {
  const iso = typeof d === 'string' ? d : dutchDay(d);
  const [y, m, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day} ${months[lang][m - 1]} ${y}`;
}

// Formatters made once: toLocale…String with options builds a new one on every call (~0.1–1 ms),
// which a batch of 162 factsheets or the national PDF's thousands of labels pays again and again.
const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });
const dutchTime = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
const countFormats = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };

/**
 * Percentages look the same everywhere (decision 021): a share of municipalities or of adults (an
 * answer, a key result, loneliness in a wijk) with one decimal, "46,6%" / "46.6%"; a response rate
 * as a whole percentage, "62%", as the report has always given it (`decimals` 0).
 */
export function formatPercent(lang: Lang, value: number, decimals: 0 | 1 = 1): string {
  const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
  return `${percentFormat(lang, decimals).format(rounded)}%`;
}

// One formatter per language and precision.
const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(lang: Lang, decimals: 0 | 1): Intl.NumberFormat {
  const key = `${lang}${decimals}`;
  let f = percentFormats.get(key);
  if (!f) percentFormats.set(key, (f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false })));
  return f;
}

/** Counts with the thousands separator of the language: "1.234" / "1,234". */
export function formatCount(lang: Lang, n: number): string {
  return (countFormats[lang] ?? countFormats.nl).format(n);
}

/** "3 okt" / "3 Oct" from YYYY-MM-DD: a day on a chart's axis, where the year is in the title. */
export function formatShortDate(lang: Lang, day: string): string {
  const [, m, d] = day.slice(0, 10).split('-').map(Number);
  const month = months[lang][m - 1];
  // Dutch abbreviates maart as mrt; the others are their first three letters.
  return `${d} ${lang === 'nl' && m === 3 ? 'mrt' : month.slice(0, 3)}`;
}

export function formatDateTime(lang: Lang, d: Date): string {
  const time = dutchTime.format(d);
  return `${formatDate(lang, d)}, ${time}`;
}
