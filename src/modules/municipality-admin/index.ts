// A municipality's page for the bureau (/beheer/edities/:year/gemeenten …): status, contacts,
// e-mails, calls, answers with their audit trail; reopen and correct. Mount at /beheer:
// `app.route('/beheer', createMunicipalityAdminRoutes())`.
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/index.ts';
import { correctRoutes } from './correct.routes.tsx';
import { municipalityRoutes } from './municipalities.routes.tsx';

export function createMunicipalityAdminRoutes() {
  const app = new Hono<AuthEnv>();
  municipalityRoutes(app);
  correctRoutes(app);
  return app;
}

export { canSeeMunicipality, mayChangeAnswers, regionOf, visibleCodes } from './access.ts';
export { correctTheme, reopenWithReason } from './correction.service.ts';
export { type Features, REOPENINGS_SQL, schemaFeatures } from './schema.ts';
export { filterRows, listStatusRows, searchKey, type Status, STATUSES, type StatusRow } from './status.repo.ts';
