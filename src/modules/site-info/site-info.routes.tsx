// The public information pages every footer links to (issues 20, 22): accessibility statement,
// privacy statement, contact. Plain pages, the same for everyone; the bureau's contact details
// come from the configuration (CONTACT_EMAIL, CONTACT_PHONE).
import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { page } from '../../web/render.ts';
import { retentionDays } from '../privacy/retention.ts';
import { AccessibilityStatement } from './accessibility.views.tsx';
import { ContactPage } from './contact.views.tsx';
import { SITE_INFO_PATHS } from './footer.views.tsx';
import { PrivacyStatement } from './privacy.views.tsx';
import { st } from './site-info.i18n.ts';

export const siteInfoRoutes = new Hono<AppEnv>()
  .get(SITE_INFO_PATHS.accessibility, (c) => {
    const lang = c.get('lang');
    return page(c, <Layout lang={lang} title={st(lang, 'accessibility.title')} path={c.req.path}><AccessibilityStatement lang={lang} contact={c.get('deps').config} /></Layout>);
  })
  .get(SITE_INFO_PATHS.privacy, (c) => {
    const lang = c.get('lang');
    return page(c, <Layout lang={lang} title={st(lang, 'privacy.title')} path={c.req.path}><PrivacyStatement lang={lang} contact={c.get('deps').config} retentionDays={retentionDays()} /></Layout>);
  })
  .get(SITE_INFO_PATHS.contact, (c) => {
    const lang = c.get('lang');
    return page(c, <Layout lang={lang} title={st(lang, 'contact.title')} path={c.req.path}><ContactPage lang={lang} contact={c.get('deps').config} /></Layout>);
  });
