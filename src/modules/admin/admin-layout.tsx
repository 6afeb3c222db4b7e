// The administration's page frame: the site's header and footer classes, plus the menu, who is
// signed in and a sign-out button. No inline script or style (CSP).
import type { Child } from 'hono/jsx';
import { t } from '../../web/i18n.ts';
import { languageSwitchHref } from '../../web/layout.tsx';
import { authText, CsrfField, type Role, type Session } from '../auth/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { FooterLinks } from '../site-info/footer.views.tsx';
import { type AdminKey, adminText } from './admin.i18n.ts';

/** The menu; each section says which roles see it (the routes check again with requireRole). */
export const ADMIN_SECTIONS: { href: string; label: AdminKey; description?: AdminKey; roles: readonly Role[] }[] = [
  { href: '/beheer', label: 'admin.nav.start', roles: ['admin', 'ministry', 'advisor'] },
  { href: '/beheer/accounts', label: 'admin.nav.accounts', description: 'admin.start.accounts', roles: ['admin'] },
  { href: '/beheer/edities', label: 'admin.nav.editions', description: 'admin.start.editions', roles: ['admin', 'ministry'] },
  { href: '/beheer/gemeenten', label: 'admin.nav.municipalities', description: 'admin.start.municipalities', roles: ['admin', 'ministry', 'advisor'] },
  { href: '/beheer/veldwerk', label: 'admin.nav.fieldwork', description: 'admin.start.fieldwork', roles: ['admin'] },
  { href: '/beheer/outbox', label: 'admin.nav.outbox', description: 'admin.start.outbox', roles: ['admin'] },
  { href: '/beheer/mijn-gemeenten', label: 'admin.nav.myMunicipalities', description: 'admin.start.myMunicipalities', roles: ['advisor'] },
  { href: '/beheer/adviseurs', label: 'admin.nav.advisors', description: 'admin.start.advisors', roles: ['admin', 'ministry'] },
  { href: '/beheer/bellijst', label: 'admin.nav.callList', description: 'admin.start.callList', roles: ['admin', 'advisor'] },
  { href: '/beheer/respons', label: 'admin.nav.response', description: 'admin.start.response', roles: ['admin', 'ministry', 'advisor'] },
  { href: '/beheer/factsheets', label: 'admin.nav.factsheets', description: 'admin.start.factsheets', roles: ['admin'] },
  { href: '/beheer/indeling', label: 'admin.nav.register', description: 'admin.start.register', roles: ['admin'] },
  { href: '/beheer/wijkcijfers', label: 'admin.nav.wijkFigures', description: 'admin.start.wijkFigures', roles: ['admin'] },
  { href: '/beheer/privacy', label: 'admin.nav.privacy', description: 'admin.start.privacy', roles: ['admin'] },
  { href: '/beheer/gegevens', label: 'admin.nav.data', description: 'admin.start.data', roles: ['admin', 'ministry'] },
];

export type AdminPageProps = { lang: Lang; title: string; path: string; session: Session; children: Child };

export function AdminLayout({ lang, title, path, session, children }: AdminPageProps) {
  const other = lang === 'nl' ? 'en' : 'nl';
  const sections = ADMIN_SECTIONS.filter((s) => s.roles.includes(session.account.role));
  const role = authText(lang, `role.${session.account.role}`);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${adminText(lang, 'admin.name')} – ${t(lang, 'site.name')}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {/* NL Design System first (decision 020); our own CSS after it, for layout, charts and the report. */}
        <link rel="stylesheet" href="/static/nl-design-system.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body class="rhc-theme utrecht-document utrecht-document--surface">
        <a class="skip-link" href="#inhoud">{t(lang, 'nav.skip')}</a>
        <header class="site-header utrecht-page-header">
          <div class="container header-row">
            <a class="site-name" href="/beheer">{`${t(lang, 'site.name')} – ${adminText(lang, 'admin.name')}`}</a>
            <nav aria-label={adminText(lang, 'admin.nav')}>
              {sections.map((s, i) => (
                <>
                  {i > 0 ? <span aria-hidden="true"> · </span> : null}
                  <a class="utrecht-link" href={s.href} aria-current={s.href === path ? 'page' : undefined}>{adminText(lang, s.label)}</a>
                </>
              ))}
            </nav>
            <form method="post" action="/uitloggen">
              <CsrfField session={session} />
              <span>{adminText(lang, 'admin.signedInAs', { name: session.account.name || session.account.email, role })} </span>
              <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{authText(lang, 'signOut')}</button>
            </form>
            <a class="lang-switch utrecht-link" href={languageSwitchHref(path, lang)} hreflang={other} lang={other} aria-label={t(lang, 'nav.languageLabel')}>
              {t(lang, 'nav.language')}
            </a>
          </div>
        </header>
        <main id="inhoud" class="container" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer utrecht-page-footer rhc-page-footer">
          <div class="container">
            <p>{t(lang, 'site.owner')}. {t(lang, 'footer.data')}</p>
            <FooterLinks lang={lang} />
          </div>
        </footer>
      </body>
    </html>
  );
}
