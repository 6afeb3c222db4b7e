// Footer links and the titles of the public information pages (issues 20, 22).
import type { Lang } from '../questionnaire/index.ts';

const nl = {
  'footer.nav': 'Over deze website',
  'accessibility.title': 'Toegankelijkheidsverklaring',
  'privacy.title': 'Privacyverklaring',
  'contact.title': 'Contact',
};
const en: typeof nl = {
  'footer.nav': 'About this website',
  'accessibility.title': 'Accessibility statement',
  'privacy.title': 'Privacy statement',
  'contact.title': 'Contact',
};

export type SiteInfoKey = keyof typeof nl;
export const st = (lang: Lang, key: SiteInfoKey): string => (lang === 'en' ? en : nl)[key];
