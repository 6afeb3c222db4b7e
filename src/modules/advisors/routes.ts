// Everything of this module under /beheer, as one sub-app. Every route checks its own roles.
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/index.ts';
import { advisorsRoutes } from './advisors.routes.tsx';
import { callsRoutes } from './calls.routes.tsx';
import { dashboardRoutes } from './dashboard.routes.tsx';
import type { SendOneReminder } from './reminder.ts';

export type AdvisorRoutesOptions = {
  /** The fieldwork module's "send one reminder now"; without it the reminder button is hidden. */
  sendReminder?: SendOneReminder;
};

/** Mount at /beheer: `app.route('/beheer', createAdvisorRoutes({ sendReminder }))`. */
export function createAdvisorRoutes({ sendReminder }: AdvisorRoutesOptions = {}) {
  const app = new Hono<AuthEnv>();
  app.route('/', advisorsRoutes);
  app.route('/', dashboardRoutes(sendReminder));
  app.route('/', callsRoutes(sendReminder));
  return app;
}
