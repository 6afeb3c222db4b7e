// The links every footer carries (public, respondent and staff pages): accessibility, privacy, contact.
import type { Lang } from '../questionnaire/index.ts';
import { st } from './site-info.i18n.ts';

export const SITE_INFO_PATHS = { accessibility: '/toegankelijkheid', privacy: '/privacy', contact: '/contact' } as const;

export function FooterLinks({ lang }: { lang: Lang }) {
  return (
    <nav class="footer-links" aria-label={st(lang, 'footer.nav')}>
      <ul>
        <li><a class="utrecht-link" href={SITE_INFO_PATHS.accessibility}>{st(lang, 'accessibility.title')}</a></li>
        <li><a class="utrecht-link" href={SITE_INFO_PATHS.privacy}>{st(lang, 'privacy.title')}</a></li>
        <li><a class="utrecht-link" href={SITE_INFO_PATHS.contact}>{st(lang, 'contact.title')}</a></li>
      </ul>
    </nav>
  );
}
