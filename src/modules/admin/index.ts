// The administration (/beheer): its frame, menu and the account pages.
export { ADMIN_SECTIONS, AdminLayout, type AdminPageProps } from './admin-layout.tsx';
export { type AdminKey, adminText } from './admin.i18n.ts';
export { adminRoutes, type AdminRoutesOptions, createAdminRoutes } from './admin.routes.tsx';
