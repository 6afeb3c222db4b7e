// The privacy statement: what personal data the benchmark holds, why, how long, and the reader's
// rights. Kept in step with the code: retention from RETENTION_DAYS, cookies as set in auth and lang.
import type { Lang } from '../questionnaire/index.ts';
import { BureauContact, type ContactDetails } from './contact.views.tsx';

export function PrivacyStatement({ lang, contact, retentionDays }: { lang: Lang; contact: ContactDetails; retentionDays: number }) {
  if (lang === 'en') {
    return (
      <>
        <h1>Privacy statement</h1>
        <p class="lead">The Ministry of Health, Welfare and Sport (VWS) is the controller of the benchmark Eén tegen eenzaamheid; the research bureau that runs it processes personal data on the ministry’s behalf.</p>
        <h2>What we hold and why</h2>
        <ul>
          <li><strong>Contact persons of municipalities</strong> (name, e-mail address, phone number, job title), from the ministry’s contact list: to invite and remind them and to send the answers after submitting.</li>
          <li><strong>Accounts</strong> of the bureau, the advisors and the ministry (name, e-mail address): to sign in with a one-time link.</li>
          <li><strong>Call notes</strong> of the advisors’ call round: to follow up the questionnaire.</li>
          <li><strong>Answers of municipalities</strong>: they are about municipal policy, not about persons. Results are published per municipality (web report, factsheet) and nationally; comments are never published.</li>
        </ul>
        <h2>How long</h2>
        <p>Contact persons, call notes and sent e-mails of an edition are erased {retentionDays} days after its results are published; sign-in e-mails after {retentionDays} days. Accounts stay until they are removed.</p>
        <h2>Cookies</h2>
        <p>Only two functional cookies: the session of a signed-in user and the chosen language. No tracking, no analytics, no third parties.</p>
        <h2>Your rights</h2>
        <p>You may see, correct or have erased the data we hold about you. Ask the bureau:</p>
        <BureauContact lang={lang} contact={contact} />
        <p>If you are not satisfied with our answer, you can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).</p>
      </>
    );
  }
  return (
    <>
      <h1>Privacyverklaring</h1>
      <p class="lead">Het Ministerie van Volksgezondheid, Welzijn en Sport (VWS) is verwerkingsverantwoordelijke voor de benchmark Eén tegen eenzaamheid; het onderzoeksbureau dat de benchmark uitvoert, verwerkt persoonsgegevens namens het ministerie.</p>
      <h2>Welke gegevens en waarom</h2>
      <ul>
        <li><strong>Contactpersonen van gemeenten</strong> (naam, e-mailadres, telefoonnummer, functie), uit de contactlijst van het ministerie: om uit te nodigen, te herinneren en de antwoorden na het versturen toe te sturen.</li>
        <li><strong>Accounts</strong> van het bureau, de adviseurs en het ministerie (naam, e-mailadres): om in te loggen met een eenmalige link.</li>
        <li><strong>Belnotities</strong> van de belactie van de adviseurs: om de vragenlijst op te volgen.</li>
        <li><strong>Antwoorden van gemeenten</strong>: die gaan over gemeentelijk beleid, niet over personen. Resultaten worden per gemeente (webrapportage, factsheet) en landelijk gepubliceerd; toelichtingen nooit.</li>
      </ul>
      <h2>Hoe lang</h2>
      <p>Contactpersonen, belnotities en verstuurde e-mails van een editie worden {retentionDays} dagen na publicatie van de resultaten gewist; e-mails met een inloglink na {retentionDays} dagen. Accounts blijven tot ze worden verwijderd.</p>
      <h2>Cookies</h2>
      <p>Alleen twee functionele cookies: de sessie van wie is ingelogd en de gekozen taal. Geen tracking, geen statistieken, geen derde partijen.</p>
      <h2>Uw rechten</h2>
      <p>U mag de gegevens over u inzien, laten verbeteren of laten wissen. Neem hiervoor contact op met het bureau:</p>
      <BureauContact lang={lang} contact={contact} />
      <p>Bent u niet tevreden met ons antwoord, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.</p>
    </>
  );
}
