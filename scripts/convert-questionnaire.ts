// Converts the reconstructed questionnaire content (shared YAML, editions 2019–2023) into the
// product's own definitions: data/questionnaires/<year>.json, one self-contained Questionnaire each.
// Usage: npm run convert-questionnaire [-- path/to/een-tegen-eenzaamheid.yaml]
// Keys and codes are copied unchanged (they are the data contract); every Dutch text gets its
// English from the table EN below, and a missing translation stops the conversion.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isScalar, parseDocument, visit } from 'yaml';
import { QuestionnaireError, validateLineage, validateQuestionnaire } from '../src/modules/questionnaire/questionnaire.load.ts';
import type { Option, Question, Questionnaire, Text } from '../src/modules/questionnaire/questionnaire.model.ts';

/** English for every Dutch text in the YAML, keyed by the Dutch text. */
const EN: Record<string, string> = {
  'Eén tegen eenzaamheid': 'One against loneliness',
  // themes
  'Signaleren en bespreekbaar maken': 'Identifying loneliness and making it open to discussion', Signaleren: 'Identifying',
  'Hoe brengt de gemeente eenzaamheid onder de aandacht en hoe wordt eenzaamheid gesignaleerd?': 'How does the municipality raise awareness of loneliness, and how is loneliness identified?',
  'Doorbreken en duurzaam aanpakken': 'Breaking through loneliness with a lasting approach', Doorbreken: 'Breaking through',
  'Welke producten en diensten van het actieprogramma zet de gemeente in om eenzaamheid te doorbreken?': 'Which products and services of the action programme does the municipality use to break through loneliness?',
  'Bestuurlijk commitment': 'Administrative commitment',
  'Het politiek-bestuurlijke draagvlak voor de aanpak van eenzaamheid.': 'Political and administrative support for tackling loneliness.',
  'Sterk netwerk': 'Strong network',
  'Wie zijn er in het lokale netwerk betrokken en wat is hun rol?': 'Who is involved in the local network, and what is their role?',
  'Betrek mensen, eenzamen zelf': 'Involve people, including lonely people themselves', Betrokkenheid: 'Involvement',
  'In hoeverre worden mensen met eenzaamheid actief opgezocht en betrokken bij de aanpak?': 'To what extent are people experiencing loneliness actively reached out to and involved in the approach?',
  'Duurzame aanpak': 'Lasting approach',
  'In hoeverre maakt de gemeente gebruik van best practices?': 'To what extent does the municipality make use of best practices?',
  'Monitoring en evaluatie': 'Monitoring and evaluation',
  'Monitort en evalueert de gemeente haar aanpak?': 'Does the municipality monitor and evaluate its approach?',
  'Actuele vraag': 'Topical question', Actualiteit: 'Topical',
  'Ieder jaar een vraag die inspeelt op de actualiteit (2021 corona, 2022 doelgroepen).': 'Each year one question on a current topic (2021 coronavirus, 2022 target groups).',
  'Uitdagingen en ondersteuningsbehoeften': 'Challenges and support needs', Uitdagingen: 'Challenges',
  'Waar heeft de gemeente de meeste moeite mee en waar is ondersteuning nodig?': 'What does the municipality find hardest, and where does it need support?',
  // scales and common labels
  Ja: 'Yes', Nee: 'No', 'Anders, namelijk': 'Other, namely', 'Weet ik niet': "Don't know",
  'Wordt ingezet': 'In use', 'Bekend, maar wordt niet ingezet': 'Known, but not used', 'Niet bekend': 'Not known',
  Kartrekker: 'Takes the lead', 'Actief betrokken': 'Actively involved', 'Wordt op de hoogte gehouden': 'Kept informed', 'Niet betrokken': 'Not involved',
  // Actielijn 1
  'Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?': 'Does your municipality take part in the national Week against Loneliness?',
  'Doe mee aan de landelijke Week tegen Eenzaamheid (jaarlijks eind september/begin oktober) en sluit lokale activiteiten aan op de landelijke campagne.': 'Take part in the national Week against Loneliness (every year in late September/early October) and link local activities to the national campaign.',
  'Maakt uw gemeente gebruik van het landelijk communicatiemateriaal van de Week tegen Eenzaamheid?': 'Does your municipality use the national communication materials of the Week against Loneliness?',
  'Het landelijke communicatiemateriaal (posters, social media, advertenties) is gratis te gebruiken en aan te vullen met een lokale afzender.': 'The national communication materials (posters, social media, advertisements) are free to use and can carry your local sender.',
  'Er is een digitaal/telefonisch signaalpunt voor eenzaamheid in uw gemeente, voor iedereen toegankelijk.': 'Your municipality has an online/telephone reporting point for loneliness that is open to everyone.',
  'Richt een laagdrempelig signaalpunt in waar inwoners, buren en professionals zorgen over eenzaamheid kunnen melden.': 'Set up an easily accessible reporting point where residents, neighbours and professionals can report concerns about loneliness.',
  'Er is een (al dan niet digitaal) signaleringsnetwerk (mede) gericht op eenzaamheid met betrokken organisaties (bijvoorbeeld wijkteam, welzijnsorganisaties).': 'There is a signalling network (online or not) focused (partly) on loneliness, with the organisations involved (for example the neighbourhood team, welfare organisations).',
  'Verbind wijkteams, welzijn, huisartsen, woningcorporaties en vrijwilligers in een signaleringsnetwerk, zodat signalen van eenzaamheid niet blijven liggen.': 'Connect neighbourhood teams, welfare services, GPs, housing associations and volunteers in a signalling network, so that signs of loneliness are followed up.',
  // Actielijn 2
  'In welke mate worden de volgende producten en diensten van het Actieprogramma Eén tegen eenzaamheid ingezet in uw gemeente?': 'To what extent are the following products and services of the One against loneliness action programme used in your municipality?',
  'Adviseurs Eén tegen eenzaamheid': 'One against loneliness advisors',
  "Toolkit 'Campagne en communicatie'": "Toolkit 'Campaign and communication'", "Toolkit 'Lokale coalitie'": "Toolkit 'Local coalition'",
  "Toolkit 'Huisbezoeken/Over de drempel'": "Toolkit 'Home visits/Over de drempel (Across the threshold)'",
  "Toolkit 'Deskundigheidsbevordering'": "Toolkit 'Professional development'", "Toolkit 'Interventies'": "Toolkit 'Interventions'",
  "Databank 'Effectieve interventies' van Movisie": "Movisie database 'Effective interventions'",
  'De adviseurs Eén tegen eenzaamheid denken kosteloos mee over de lokale aanpak. Bespreek deze resultaten met uw adviseur.': 'The One against loneliness advisors help think through your local approach free of charge. Discuss these results with your advisor.',
  'De toolkit Deskundigheidsbevordering helpt professionals en vrijwilligers eenzaamheid te herkennen en bespreekbaar te maken.': 'The Professional development toolkit helps professionals and volunteers recognise loneliness and talk about it.',
  'De toolkit Interventies geeft een overzicht van bewezen aanpakken om eenzaamheid te doorbreken.': 'The Interventions toolkit gives an overview of proven approaches to break through loneliness.',
  'In de databank Effectieve sociale interventies van Movisie staan interventies waarvan de werkzaamheid is onderzocht.': "Movisie's database of Effective social interventions lists interventions whose effectiveness has been studied.",
  // Pijler 1
  'Wat beschrijft de bestuurlijke commitment ten aanzien van eenzaamheid het beste voor uw gemeente?': "What best describes your municipality's administrative commitment to tackling loneliness?",
  'Er is (nog) geen bestuurlijk commitment voor de aanpak van eenzaamheid': 'There is no administrative commitment to tackling loneliness (yet)',
  'Het thema eenzaamheid is geadresseerd in de gemeenteraad': 'Loneliness has been raised in the municipal council',
  'De wethouder zet zich actief in om eenzaamheid te verminderen en te voorkomen': 'The alderman is actively working to reduce and prevent loneliness',
  'Er is een door B&W geaccordeerd uitvoeringsplan of een langetermijnvisie gericht op de aanpak van eenzaamheid': 'There is an implementation plan or long-term vision on tackling loneliness approved by the municipal executive (B&W)',
  'Agendeer eenzaamheid bij de wethouder en in de gemeenteraad; een bestuurlijk vastgesteld plan maakt de aanpak minder afhankelijk van personen.': 'Put loneliness on the agenda of the alderman and the municipal council; a formally adopted plan makes the approach less dependent on individuals.',
  'Vertaal de aandacht in de raad naar een door het college vastgesteld uitvoeringsplan.': "Turn the council's attention into an implementation plan adopted by the municipal executive.",
  "Wat beschrijft de huidige status (budgettair) van uw gemeente voor de pijler 'bestuurlijke commitment' het beste?": "What best describes your municipality's current budgetary status for the pillar 'administrative commitment'?",
  'Er is geen specifiek budget voor de aanpak van eenzaamheid': 'There is no specific budget for tackling loneliness',
  'Er is eenmalig budget vrijgemaakt': 'A one-off budget has been made available',
  'Er is structureel budget gereserveerd op de gemeentelijke begroting': 'A structural budget has been reserved in the municipal budget',
  'Hoe is in uw gemeente de financiering voor de aanpak van eenzaamheid geregeld?': 'How is the approach to loneliness funded in your municipality?',
  'We zetten middelen uit de coronasteunpakketten voor welzijn in': 'We use funds from the coronavirus support packages for welfare',
  'Structureel budget op de begroting maakt een duurzame aanpak mogelijk.': 'A structural budget in the municipal budget makes a lasting approach possible.',
  'Eenmalig budget helpt bij de start; borg de aanpak met structureel budget op de gemeentelijke begroting.': 'A one-off budget helps to get started; secure the approach with a structural budget in the municipal budget.',
  'De coronasteunmiddelen zijn tijdelijk; zorg voor structurele financiering na afloop.': 'The coronavirus support funds are temporary; arrange structural funding for when they end.',
  // Pijler 2
  'Is er een lokale coalitie of lokaal netwerk opgezet in uw gemeente voor de aanpak van eenzaamheid?': 'Has a local coalition or local network been set up in your municipality to tackle loneliness?',
  'Nee, er is (nog) geen lokale coalitie': 'No, there is no local coalition (yet)',
  'Ja, we zijn de samenwerking aan het initiëren/starten': 'Yes, we are initiating/starting the collaboration',
  'Ja, we zijn de samenwerking aan het verkennen en concretiseren': 'Yes, we are exploring the collaboration and making it concrete',
  'Ja, we houden de samenwerking levend en bestendigen deze': 'Yes, we keep the collaboration alive and consolidate it',
  'Begin met een lokale coalitie van gemeente, welzijn, zorg, vrijwilligers en ondernemers; de toolkit Lokale coalitie helpt bij de start.': 'Start a local coalition of the municipality, welfare, care, volunteers and businesses; the Local coalition toolkit helps you get started.',
  'Maak afspraken over rollen en een kartrekker, zodat de coalitie snel kan concretiseren.': 'Agree on roles and a lead, so that the coalition can quickly take concrete shape.',
  'Is er een kartrekker aangewezen om de coalitie/het netwerk te faciliteren?': 'Has a lead been appointed to facilitate the coalition/network?',
  'Wijs een kartrekker aan die de coalitie faciliteert en partijen bij elkaar brengt.': 'Appoint a lead who facilitates the coalition and brings the parties together.',
  'Welke partijen dragen op welke manier bij aan de lokale coalitie of het lokale netwerk?': 'Which parties contribute to the local coalition or local network, and in what way?',
  Gemeente: 'Municipality', Welzijnsorganisaties: 'Welfare organisations', Zorgorganisaties: 'Care organisations',
  Vrijwilligersorganisaties: 'Volunteer organisations', 'Ouderen- en seniorenorganisaties': "Older people's and seniors' organisations",
  Woningcorporaties: 'Housing associations', 'Huisartsen en eerstelijnszorg': 'GPs and primary care', GGD: 'Municipal public health service (GGD)',
  Bibliotheek: 'Library', 'Kerken en levensbeschouwelijke organisaties': 'Churches and religious or ideological organisations',
  'Cultuur- en sportorganisaties': 'Cultural and sports organisations', Onderwijs: 'Education', Ondernemers: 'Businesses',
  'Financiële sector (banken, verzekeraars)': 'Financial sector (banks, insurers)', 'Inwoners en ervaringsdeskundigen': 'Residents and experts by experience',
  'Ondernemers (supermarkt, kapper, bank) zien inwoners vaak; betrek hen bij signaleren en bij activiteiten.': 'Businesses (supermarket, hairdresser, bank) see residents often; involve them in identifying loneliness and in activities.',
  'Scholen en mbo-instellingen kunnen jongeren met eenzaamheid bereiken; nodig het onderwijs uit voor de coalitie.': 'Schools and vocational colleges (mbo) can reach lonely young people; invite education to join the coalition.',
  // Pijler 3
  'Vindt in uw gemeente een bezoek plaats aan 75-plussers, waarbij eenzaamheid (ook) een gespreksthema is? Kies het antwoord dat het beste past bij de huidige situatie in uw gemeente.': 'Does your municipality visit people aged 75 and over, with loneliness as (one of the) topics of conversation? Choose the answer that best fits the current situation in your municipality.',
  'Ja, alle 75-plussers krijgen een bezoek aangeboden': 'Yes, everyone aged 75 and over is offered a visit',
  'Ja, een deel van de 75-plussers (bijvoorbeeld bepaalde leeftijden of wijken) krijgt een bezoek aangeboden': 'Yes, some people aged 75 and over (for example certain ages or neighbourhoods) are offered a visit',
  'Nee, maar dit is in voorbereiding': 'No, but this is being prepared',
  'Een huisbezoek aan 75-plussers is een bewezen manier om eenzaamheid vroeg te signaleren; de toolkit Over de drempel helpt bij de opzet.': 'Home visits to people aged 75 and over are a proven way to identify loneliness early; the Over de drempel (Across the threshold) toolkit helps you set them up.',
  'De toolkit Over de drempel helpt bij het opzetten van huisbezoeken met vrijwilligers.': 'The Over de drempel (Across the threshold) toolkit helps you set up home visits by volunteers.',
  'Wie voert de huisbezoeken uit?': 'Who carries out the home visits?',
  Vrijwilligers: 'Volunteers', 'Medewerkers van een welzijnsorganisatie': 'Staff of a welfare organisation',
  'Medewerkers van de gemeente': 'Municipal staff', 'Sociaal werkers': 'Social workers', Zorgmedewerkers: 'Care workers',
  'Worden eenzame mensen of hun vertegenwoordigers betrokken bij het beleid om eenzaamheid te verminderen en te voorkomen?': 'Are lonely people or their representatives involved in the policy to reduce and prevent loneliness?',
  'Ja, zowel bij het beleid als bij de organisatie en ontwikkeling van activiteiten': 'Yes, both in the policy and in organising and developing activities',
  'Ja, bij de organisatie en ontwikkeling van activiteiten': 'Yes, in organising and developing activities',
  'Ja, bij het beleid': 'Yes, in the policy',
  'Betrek mensen met (ervaring met) eenzaamheid bij het vormgeven van beleid en activiteiten; zij weten wat werkt en wat drempels zijn.': 'Involve people with (experience of) loneliness in shaping policy and activities; they know what works and what the barriers are.',
  // Pijler 4
  'Maakt uw gemeente gebruik van best practices op het gebied van eenzaamheid?': 'Does your municipality use best practices on loneliness?',
  'Ja, op basis van de kennis van de adviseurs Eén tegen eenzaamheid': 'Yes, based on the knowledge of the One against loneliness advisors',
  'Ja, op basis van onderzoeken van ZonMw': 'Yes, based on ZonMw research',
  "Ja, uit de databank 'Effectieve interventies' van Movisie": "Yes, from Movisie's 'Effective interventions' database",
  'Ja, op basis van ervaringen van andere gemeenten': 'Yes, based on the experiences of other municipalities',
  'Ja, anders, namelijk': 'Yes, other, namely', 'Nee, we maken geen gebruik van best practices': 'No, we do not use best practices',
  'Leer van gemeenten die al verder zijn; de databank van Movisie en de adviseurs Eén tegen eenzaamheid bieden bewezen aanpakken.': 'Learn from municipalities that are further ahead; the Movisie database and the One against loneliness advisors offer proven approaches.',
  // Pijler 5
  'De gemeente monitort en evalueert de activiteiten en projecten gericht op het doorbreken van eenzaamheid.': 'The municipality monitors and evaluates the activities and projects aimed at breaking through loneliness.',
  'Gedeeltelijk, voor een deel van de activiteiten en projecten': 'Partly, for some of the activities and projects',
  'Gebruik de cijfers van de GGD-gezondheidsmonitor en evalueer activiteiten, zodat u kunt bijsturen.': 'Use the figures of the GGD health monitor and evaluate activities, so that you can adjust course.',
  'Breid de evaluatie uit naar alle activiteiten en projecten; de GGD-gezondheidsmonitor geeft cijfers per wijk.': 'Extend the evaluation to all activities and projects; the GGD health monitor gives figures per neighbourhood.',
  // Actualiteit
  'Heeft de coronacrisis gevolgen gehad voor de lokale aanpak van eenzaamheid?': 'Has the coronavirus crisis affected the local approach to loneliness?',
  'Ja, de aanpak is geïntensiveerd': 'Yes, the approach has been intensified',
  'Ja, de aanpak is aangepast (bijvoorbeeld digitaal of op afstand)': 'Yes, the approach has been adapted (for example online or at a distance)',
  'Ja, de aanpak is vertraagd of (tijdelijk) stilgelegd': 'Yes, the approach has been delayed or (temporarily) halted',
  'Nee, geen gevolgen': 'No, no effect',
  'Heeft uw gemeente in de lokale aanpak aandacht voor een van de volgende doelgroepen?': 'Does your municipality pay attention to any of the following target groups in its local approach?',
  Ouderen: 'Older people', Jongeren: 'Young people', 'Mensen met (een partner met) gezondheidsproblemen': 'People with health problems (or whose partner has them)',
  'Mensen met een lagere sociaaleconomische status': 'People with a lower socio-economic status', Mantelzorgers: 'Informal carers',
  'Mensen met een migratieachtergrond': 'People with a migration background', 'LHBTIQ+-personen': 'LGBTIQ+ people',
  'LHBTIQ+-personen ervaren vaker eenzaamheid; maak hen expliciet onderdeel van de lokale aanpak.': 'LGBTIQ+ people experience loneliness more often; make them an explicit part of the local approach.',
  'Bereik mensen met een migratieachtergrond via zelforganisaties en sleutelfiguren.': "Reach people with a migration background through migrants' own organisations and key figures.",
  // Uitdagingen
  'Wat vormen de grootste uitdagingen en ondersteuningsbehoeften in de aanpak van eenzaamheid in uw gemeente?': 'What are the biggest challenges and support needs in tackling loneliness in your municipality?',
  'Werken aan een duurzame aanpak': 'Working on a lasting approach', 'Een sterk netwerk of lokale coalitie creëren': 'Creating a strong network or local coalition',
  'De doelgroep (mensen met eenzaamheid) zelf betrekken': 'Involving the target group (people experiencing loneliness) themselves',
  'Ondernemers betrekken': 'Involving businesses', 'Eenzaamheid signaleren en bespreekbaar maken': 'Identifying loneliness and making it open to discussion',
  'Monitoren en evalueren': 'Monitoring and evaluating', 'Bestuurlijk commitment creëren': 'Creating administrative commitment',
};

// biome-ignore lint/suspicious/noExplicitAny: raw YAML content, checked field by field and by validateQuestionnaire
type Raw = Record<string, any>;
const missing = new Set<string>();
const fail = (msg: string): never => {
  throw new Error(`convert-questionnaire: ${msg}`);
};

function text(nl: unknown, where: string): Text {
  if (typeof nl !== 'string' || !nl.trim()) return fail(`${where}: text missing`);
  const en = EN[nl];
  if (!en) missing.add(nl);
  return { nl, en: en ?? '?' };
}

/** Unknown YAML fields would otherwise be dropped without anyone noticing. */
function known(obj: Raw, fields: string[], where: string): void {
  for (const k of Object.keys(obj)) if (!fields.includes(k)) fail(`${where}: unknown field "${k}"`);
}

const inEdition = (x: Raw, year: number) => !x.editions || x.editions.includes(year);

/**
 * In a YAML flow mapping ", " separates entries, so `{code: nee, label: Nee, er is geen ...}` parses
 * as label "Nee" plus a key "er is geen ..." without value. Rejoin such labels from the source text.
 */
function parseYaml(src: string): Raw {
  const doc = parseDocument(src);
  if (doc.errors.length) fail(doc.errors.map((e) => e.message).join('\n'));
  let repaired = 0;
  visit(doc, {
    Map(_, map) {
      if (!map.flow) return;
      const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === 'label');
      const label = map.items[at];
      let end = at + 1;
      while (at >= 0 && map.items[end]?.value === null) end++;
      if (!label || end === at + 1 || !isScalar(label.value) || !label.value.range) return;
      const lastKey = map.items[end - 1]?.key;
      if (!isScalar(lastKey) || !lastKey.range) return;
      label.value.value = src.slice(label.value.range[0], lastKey.range[1]);
      map.items.splice(at + 1, end - at - 1);
      repaired++;
    },
  });
  console.error(`note: rejoined ${repaired} labels that YAML flow syntax split at a comma`);
  return doc.toJS() as Raw;
}

function options(list: Raw[], year: number, where: string): Option[] {
  return list.filter((o) => inEdition(o, year)).map((o) => {
    known(o, ['code', 'label', 'other', 'exclusive', 'editions'], `${where} option ${o.code}`);
    return { code: o.code, label: text(o.label, `${where} ${o.code}`), ...(o.other && { other: true }), ...(o.exclusive && { exclusive: true }) };
  });
}

const QUESTION_FIELDS = ['key', 'theme', 'figure', 'editions', 'type', 'text', 'options', 'scale', 'items', 'comment', 'show_if', 'tips', 'replaces', 'reconstructed'];

function question(y: Raw, scales: Record<string, Option[]>, year: number): Question {
  const where = `question ${y.key}`;
  known(y, QUESTION_FIELDS, where);
  // `options: ja_nee` names a scale; the product format wants the options themselves
  const opts = typeof y.options === 'string' ? (scales[y.options] ?? fail(`${where}: unknown scale ${y.options}`)) : y.options && options(y.options, year, where);
  const items = y.items && options(y.items, year, where).map(({ code, label }) => ({ code, label }));
  // a tip for an item that this edition does not ask would point at nothing
  const dropped = new Set((y.items ?? []).map((it: Raw) => it.code).filter((c: string) => !items.some((it: Option) => it.code === c)));
  const tipCodes = Object.keys(y.tips ?? {}).filter((c) => !dropped.has(c));
  const tips = Object.fromEntries(tipCodes.map((c) => [c, { text: text(y.tips[c].text, `${where} tip ${c}`), url: y.tips[c].url }]));
  return {
    key: y.key, theme: y.theme, type: y.type, text: text(y.text, where),
    ...(opts && { options: opts }), ...(y.scale && { scale: y.scale }), ...(items && { items }),
    ...(y.comment && { comment: true }),
    ...(y.show_if && { showIf: { question: y.show_if.question, in: y.show_if.in } }),
    ...(tipCodes.length > 0 && { tips }),
    ...(y.replaces && { replaces: { key: y.replaces.key, options: y.replaces.options } }),
    ...(y.figure !== undefined && { figure: y.figure }), ...(y.reconstructed && { reconstructed: true }),
  };
}

function convert(y: Raw, year: number): Questionnaire {
  known(y, ['programme', 'themes', 'scales', 'questions'], 'top level');
  const allScales: Record<string, Option[]> = {};
  for (const [name, list] of Object.entries(y.scales as Record<string, Raw[]>)) allScales[name] = options(list, year, `scale ${name}`);
  const questions = (y.questions as Raw[]).filter((q) => inEdition(q, year)).map((q) => question(q, allScales, year));
  const scales = Object.fromEntries(Object.entries(allScales).filter(([n]) => questions.some((q) => q.type === 'matrix' && q.scale === n)));
  const themes = (y.themes as Raw[]).filter((t) => questions.some((q) => q.theme === t.key)).map((t) => {
    known(t, ['key', 'kind', 'number', 'title', 'short', 'intro'], `theme ${t.key}`);
    const where = `theme ${t.key}`;
    return { key: t.key, kind: t.kind, ...(t.number !== undefined && { number: t.number }), title: text(t.title, where), short: text(t.short, where), intro: text(t.intro, where) };
  });
  return { edition: year, name: text(y.programme.name, 'programme'), themes, scales, questions };
}

function main(): void {
  const src = process.argv[2] ?? '../shared/questionnaire/een-tegen-eenzaamheid.yaml';
  const outDir = fileURLToPath(new URL('../data/questionnaires/', import.meta.url));
  const y = parseYaml(readFileSync(src, 'utf8'));
  const years = [...new Set((y.questions as Raw[]).flatMap((q) => q.editions as number[]))].sort((a, b) => a - b);
  const byEdition = new Map(years.map((year) => [year, convert(y, year)]));
  if (missing.size) fail(`no English translation for:\n${[...missing].map((t) => `  ${JSON.stringify(t)}`).join('\n')}`);
  const fileOf = (year: number) => `data/questionnaires/${year}.json`;
  for (const [year, qn] of byEdition) validateQuestionnaire(qn, fileOf(year));
  validateLineage(byEdition, fileOf);
  mkdirSync(outDir, { recursive: true });
  for (const [year, qn] of byEdition) writeFileSync(`${outDir}${year}.json`, `${JSON.stringify(qn, null, 2)}\n`);
  console.error(`wrote ${years.map(fileOf).join(', ')}`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof QuestionnaireError || e instanceof Error ? e.message : e);
  process.exit(1);
}
