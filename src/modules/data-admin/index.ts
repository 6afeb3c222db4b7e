// Data page of the administration: downloads and the answers upload.
export { dataAdminRoutes } from './data-admin.routes.tsx';
