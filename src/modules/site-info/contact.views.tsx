// Contact: whom to ask what. The bureau's e-mail address and phone number come from the configuration.
import type { Lang } from '../questionnaire/index.ts';
import { SITE_INFO_PATHS } from './footer.views.tsx';

export type ContactDetails = { contactEmail?: string; contactPhone?: string };

/** The bureau's address and phone as a list, or a sentence saying where they are given. */
export function BureauContact({ lang, contact }: { lang: Lang; contact: ContactDetails }) {
  if (!contact.contactEmail && !contact.contactPhone) {
    return <p>{lang === 'en' ? 'The research bureau’s e-mail address and phone number are in the invitation to the questionnaire and in every e-mail from the benchmark.' : 'Het e-mailadres en telefoonnummer van het onderzoeksbureau staan in de uitnodiging voor de vragenlijst en in elke e-mail van de benchmark.'}</p>;
  }
  return (
    <ul>
      {contact.contactEmail ? <li>{lang === 'en' ? 'E-mail' : 'E-mail'}: <a href={`mailto:${contact.contactEmail}`}>{contact.contactEmail}</a></li> : null}
      {contact.contactPhone ? <li>{lang === 'en' ? 'Phone' : 'Telefoon'}: <a href={`tel:${contact.contactPhone.replace(/[^\d+]/g, '')}`}>{contact.contactPhone}</a></li> : null}
    </ul>
  );
}

export function ContactPage({ lang, contact }: { lang: Lang; contact: ContactDetails }) {
  if (lang === 'en') {
    return (
      <>
        <h1>Contact</h1>
        <p class="lead">The benchmark Eén tegen eenzaamheid is carried out by a research bureau on behalf of the Ministry of Health, Welfare and Sport (VWS).</p>
        <h2>Questions about the questionnaire, your link or the results</h2>
        <BureauContact lang={lang} contact={contact} />
        <p>We answer within five working days.</p>
        <h2>Municipalities</h2>
        <p>Lost your personal link to the questionnaire, or want a colleague to fill it in? Ask the bureau: we send the link to the contact person of your municipality. Your advisor of the action programme can help with the content; their name is on your factsheet.</p>
        <h2>Accessibility and privacy</h2>
        <p>Something on this website you cannot use? See the <a href={SITE_INFO_PATHS.accessibility}>accessibility statement</a>. What we do with personal data: the <a href={SITE_INFO_PATHS.privacy}>privacy statement</a>.</p>
      </>
    );
  }
  return (
    <>
      <h1>Contact</h1>
      <p class="lead">De benchmark Eén tegen eenzaamheid wordt uitgevoerd door een onderzoeksbureau in opdracht van het Ministerie van Volksgezondheid, Welzijn en Sport (VWS).</p>
      <h2>Vragen over de vragenlijst, uw link of de resultaten</h2>
      <BureauContact lang={lang} contact={contact} />
      <p>We antwoorden binnen vijf werkdagen.</p>
      <h2>Gemeenten</h2>
      <p>Persoonlijke link naar de vragenlijst kwijt, of moet een collega hem invullen? Neem contact op met het bureau: we sturen de link naar de contactpersoon van uw gemeente. Voor vragen over de inhoud helpt uw adviseur van het actieprogramma; zijn of haar naam staat op uw factsheet.</p>
      <h2>Toegankelijkheid en privacy</h2>
      <p>Kunt u iets op deze website niet gebruiken? Zie de <a href={SITE_INFO_PATHS.accessibility}>toegankelijkheidsverklaring</a>. Wat we met persoonsgegevens doen: de <a href={SITE_INFO_PATHS.privacy}>privacyverklaring</a>.</p>
    </>
  );
}
