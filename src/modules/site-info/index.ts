// Site information: footer links and the accessibility, privacy and contact pages.
export { FooterLinks, SITE_INFO_PATHS } from './footer.views.tsx';
export { siteInfoRoutes } from './site-info.routes.tsx';
