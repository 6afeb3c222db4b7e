// The accessibility statement after the Dutch model (status, what was tested and how, known
// limitations, contact). "How" names the tests that run with every change, so the statement and
// the checks cannot drift apart unnoticed; update it when a limitation is fixed or a test added.
import type { Lang } from '../questionnaire/index.ts';
import { BureauContact, type ContactDetails } from './contact.views.tsx';

const STATED = { nl: '7 december 2026', en: '7 December 2026' };

/** The automated checks, per file in tests/: what each one proves. */
const TESTS: Array<{ file: string; nl: string; en: string }> = [
  { file: 'tests/e2e/*.test.ts', nl: 'axe-core in Chromium op elke pagina die de browsertests bezoeken (gemeente, bureau, adviseur, ministerie, publiek), één ronde zonder JavaScript', en: 'axe-core in Chromium on every page the browser tests visit (municipality, bureau, advisor, ministry, public), one round without JavaScript' },
  { file: 'tests/e2e/accessibility-audit.test.ts', nl: 'beheerpagina’s op 320 px breed zonder horizontaal scrollen; elke pagina van de vragenlijst op 320 px met de tekstafstand van WCAG 1.4.12 ook; de focus op de melding "opgeslagen"; de melding in een live-regio als een antwoord dat andere uitsluit wordt aangevinkt; tabellen zijn alleen een tabstop als ze scrollen; axe op deze pagina’s', en: 'staff pages at 320 px wide without scrolling sideways; every page of the questionnaire at 320 px with the text spacing of WCAG 1.4.12 too; focus on the "saved" message; the notice in a live region when an answer that excludes others is ticked; tables are a tab stop only when they scroll; axe on these pages' },
  { file: 'tests/pdf-accessibility.test.ts', nl: 'het landelijk rapport en de factsheet als PDF/UA-1: taal, titel, /Tabs /S op elke pagina, elke figuur met alternatieve tekst, en de cijfers van elke figuur in een getagde tabel of in die tekst', en: 'the national report and the factsheet as PDF/UA-1: language, title, /Tabs /S on every page, every figure with alt text, and every figure’s numbers in a tagged table or in that text' },
];

export function AccessibilityStatement({ lang, contact }: { lang: Lang; contact: ContactDetails }) {
  const en = lang === 'en';
  return (
    <>
      <h1>{en ? 'Accessibility statement' : 'Toegankelijkheidsverklaring'}</h1>
      <p class="lead">
        {en
          ? 'The Ministry of Health, Welfare and Sport wants everyone to be able to use the benchmark Eén tegen eenzaamheid: the questionnaire, the results, the reports and the PDFs. This statement covers this website and the PDFs it publishes.'
          : 'Het Ministerie van Volksgezondheid, Welzijn en Sport wil dat iedereen de benchmark Eén tegen eenzaamheid kan gebruiken: de vragenlijst, de resultaten, de rapportages en de pdf’s. Deze verklaring geldt voor deze website en de pdf’s die zij publiceert.'}
      </p>
      <h2>{en ? 'Status' : 'Status'}</h2>
      <p>
        {en
          ? 'Status C: first measures taken. The website is built to meet WCAG 2.2 level AA (EN 301 549) and is checked with every change by the tests below, and by hand. An independent audit has not been done yet; until then we do not claim full or partial compliance.'
          : 'Status C: eerste maatregelen genomen. De website is gebouwd om te voldoen aan WCAG 2.2 niveau AA (EN 301 549) en wordt bij elke wijziging gecontroleerd met de tests hieronder, en met de hand. Een onafhankelijk onderzoek is nog niet gedaan; tot dan claimen we geen volledige of gedeeltelijke naleving.'}
      </p>
      <p>{en ? `Statement drawn up on ${STATED.en}.` : `Verklaring opgesteld op ${STATED.nl}.`}</p>
      <h2>{en ? 'What we tested and how' : 'Wat we hebben getest en hoe'}</h2>
      <p>
        {en
          ? 'By hand (December 2026): the questionnaire, the public and the staff pages by keyboard only, with the accessibility tree of the browser, at 400% zoom and 320 px wide, with the text spacing of WCAG 1.4.12, and the structure of the PDFs. Automatically, with every change:'
          : 'Met de hand (december 2026): de vragenlijst, de publieke pagina’s en de beheerpagina’s met alleen het toetsenbord, met de toegankelijkheidsboom van de browser, bij 400% zoom en 320 px breed, met de tekstafstand van WCAG 1.4.12, en de structuur van de pdf’s. Automatisch, bij elke wijziging:'}
      </p>
      <ul>
        {TESTS.map((t) => (
          <li><code>{t.file}</code>: {en ? t.en : t.nl}</li>
        ))}
      </ul>
      <p>{en ? 'Every form works without JavaScript; the script only adds conveniences.' : 'Elk formulier werkt zonder JavaScript; het script voegt alleen gemak toe.'}</p>
      <h2>{en ? 'Known limitations' : 'Bekende beperkingen'}</h2>
      <ul>
        <li>{en ? 'Charts are images that scale down: on a narrow screen their text gets small. The table beside every chart holds the same numbers and reflows.' : 'Grafieken zijn afbeeldingen die meeschalen: op een smal scherm wordt hun tekst klein. De tabel bij elke grafiek bevat dezelfde cijfers en past zich wel aan.'}</li>
        <li>{en ? 'In the national report (PDF) the numbers of the charts are in tables in the appendix, linked from every chart, not beside the chart.' : 'In het landelijk rapport (pdf) staan de cijfers van de grafieken in tabellen in de bijlage, met een link bij elke grafiek, niet naast de grafiek.'}</li>
        <li>{en ? 'Long Dutch words break at the edge of a narrow screen; not every browser hyphenates Dutch, so a word may break without a hyphen.' : 'Lange Nederlandse woorden breken af aan de rand van een smal scherm; niet elke browser kent de Nederlandse afbreekregels, dus een woord kan zonder afbreekstreepje breken.'}</li>
        <li>{en ? 'Wide tables in the staff pages scroll sideways within their box at 320 px.' : 'Brede tabellen in de beheerpagina’s scrollen op 320 px binnen hun kader opzij.'}</li>
        <li>{en ? 'Older PDFs of earlier editions were made before these measures; ask us for an accessible version.' : 'Oudere pdf’s van eerdere edities zijn gemaakt vóór deze maatregelen; vraag ons om een toegankelijke versie.'}</li>
      </ul>
      <h2>{en ? 'Contact' : 'Contact'}</h2>
      <p>{en ? 'Something you cannot use, or a question about accessibility? Tell us; we answer within five working days.' : 'Kunt u iets niet gebruiken, of heeft u een vraag over toegankelijkheid? Laat het ons weten; we antwoorden binnen vijf werkdagen.'}</p>
      <BureauContact lang={lang} contact={contact} />
      <p>{en ? 'Not satisfied with how we handled it? You can turn to the National Ombudsman (Nationale ombudsman).' : 'Niet tevreden over hoe we het hebben opgepakt? Dan kunt u terecht bij de Nationale ombudsman.'}</p>
    </>
  );
}
