// The sign-in module's strings, Dutch first; the English table must have every key.
import type { Lang } from '../questionnaire/questionnaire.model.ts';

/** A `t` for a module's own table, with the same {param} syntax as src/web/i18n.ts. */
export function translator<K extends string>(tables: Record<Lang, Record<K, string>>) {
  return (lang: Lang, key: K, params: Record<string, string | number> = {}): string =>
    tables[lang][key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

const nl = {
  'signIn.title': 'Inloggen',
  'signIn.intro': 'Inloggen is voor medewerkers van het onderzoeksbureau, het ministerie van VWS en de adviseurs Eén tegen eenzaamheid. Vul uw e-mailadres in. U ontvangt een e-mail met een link waarmee u inlogt.',
  'signIn.respondents': 'Vult u de vragenlijst in voor uw gemeente? Dan hoeft u niet in te loggen: gebruik de persoonlijke link uit de uitnodiging.',
  'signIn.email': 'E-mailadres',
  'signIn.submit': 'Stuur mij een inloglink',
  'signIn.sent.title': 'Kijk in uw e-mail',
  'signIn.sent.body': 'Als dit adres bekend is, ontvangt u een e-mail met een inloglink. De link werkt 15 minuten en één keer.',
  'signIn.sent.none': 'Geen e-mail ontvangen? Kijk ook bij uw ongewenste e-mail, of vraag over een paar minuten een nieuwe link aan.',
  'signIn.again': 'Vraag een nieuwe inloglink aan',
  'signIn.signedOut': 'U bent uitgelogd.',
  'signIn.needed': 'Log in om deze pagina te bekijken.',
  'signIn.error.email': 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl',
  'errors.title': 'Er is een probleem',
  'errors.prefix': 'Fout: ',
  'token.title': 'Inloggen bij de benchmark',
  'token.body': 'Kies "Inloggen" om in te loggen. Deze link werkt één keer.',
  'token.submit': 'Inloggen',
  'token.invalid.title': 'Deze inloglink werkt niet',
  'token.invalid.body': 'De link is niet (volledig) juist. Controleer of u de hele link uit de e-mail hebt gebruikt, of vraag een nieuwe inloglink aan.',
  'token.expired.title': 'Deze inloglink is verlopen',
  'token.expired.body': 'Een inloglink werkt 15 minuten. Vraag een nieuwe inloglink aan.',
  'token.used.title': 'Deze inloglink is al gebruikt',
  'token.used.body': 'Een inloglink werkt maar één keer. Bent u uitgelogd of werkt het niet? Vraag een nieuwe inloglink aan.',
  'rateLimit.title': 'Te veel aanvragen',
  'rateLimit.body': 'Er zijn in korte tijd te veel inloglinks aangevraagd. U kunt vanaf {time} opnieuw een inloglink aanvragen.',
  'csrf.title': 'Het formulier kon niet worden verwerkt',
  'csrf.body': 'Het formulier is verlopen of kwam niet van deze website. Er is niets opgeslagen of gewijzigd. Ga terug, laad de pagina opnieuw en probeer het nog een keer.',
  'forbidden.title': 'Geen toegang',
  'forbidden.body': 'U bent ingelogd als {name} met de rol {role}. Met deze rol heeft u geen toegang tot deze pagina.',
  'forbidden.back': 'Naar de startpagina van het beheer',
  'role.admin': 'onderzoeksbureau (beheerder)',
  'role.ministry': 'ministerie van VWS',
  'role.advisor': 'adviseur',
  'signOut': 'Uitloggen',
} as const;

export type AuthKey = keyof typeof nl;

const en: Record<AuthKey, string> = {
  'signIn.title': 'Sign in',
  'signIn.intro': 'Signing in is for staff of the research bureau, the Ministry of Health, Welfare and Sport and the One against loneliness advisors. Enter your e-mail address. You will receive an e-mail with a link to sign in.',
  'signIn.respondents': 'Are you answering the questionnaire for your municipality? Then you do not need to sign in: use the personal link from the invitation.',
  'signIn.email': 'E-mail address',
  'signIn.submit': 'Send me a sign-in link',
  'signIn.sent.title': 'Check your e-mail',
  'signIn.sent.body': 'If this address is known, you will receive an e-mail with a sign-in link. The link works for 15 minutes and once only.',
  'signIn.sent.none': 'No e-mail? Also check your junk mail, or request a new link in a few minutes.',
  'signIn.again': 'Request a new sign-in link',
  'signIn.signedOut': 'You have signed out.',
  'signIn.needed': 'Sign in to see this page.',
  'signIn.error.email': 'Enter a valid e-mail address, for example name@organisation.nl',
  'errors.title': 'There is a problem',
  'errors.prefix': 'Error: ',
  'token.title': 'Sign in to the benchmark',
  'token.body': 'Choose "Sign in" to sign in. This link works once.',
  'token.submit': 'Sign in',
  'token.invalid.title': 'This sign-in link does not work',
  'token.invalid.body': 'The link is not (entirely) correct. Check that you used the whole link from the e-mail, or request a new sign-in link.',
  'token.expired.title': 'This sign-in link has expired',
  'token.expired.body': 'A sign-in link works for 15 minutes. Request a new sign-in link.',
  'token.used.title': 'This sign-in link has already been used',
  'token.used.body': 'A sign-in link works only once. Signed out, or is it not working? Request a new sign-in link.',
  'rateLimit.title': 'Too many requests',
  'rateLimit.body': 'Too many sign-in links were requested in a short time. You can request a new sign-in link from {time}.',
  'csrf.title': 'The form could not be processed',
  'csrf.body': 'The form has expired or did not come from this website. Nothing was saved or changed. Go back, reload the page and try again.',
  'forbidden.title': 'No access',
  'forbidden.body': 'You are signed in as {name} with the role {role}. This role has no access to this page.',
  'forbidden.back': 'To the start page of the administration',
  'role.admin': 'research bureau (administrator)',
  'role.ministry': 'Ministry of Health, Welfare and Sport',
  'role.advisor': 'advisor',
  'signOut': 'Sign out',
};

export const at = translator<AuthKey>({ nl, en });
