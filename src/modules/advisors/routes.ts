// Everything of this module under /beheer, as one sub-app. Every route checks its own roles.
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/index.ts';
import { advisorsRoutes } from './advisors.routes.tsx';
import { callsRoutes } from './calls.routes.tsx';
import { dashboardRoutes } from './dashboard.routes.tsx';
import { fieldworkReminder } from './fieldwork-reminder.ts';
import type { SendOneReminder } from './reminder.ts';

export type AdvisorRoutesOptions = {
  /** Sends one reminder now; by default the fieldwork module's sendByHand. null hides the button. */
  sendReminder?: SendOneReminder | null;
};

/** Mount at /beheer: `app.route('/beheer', createAdvisorRoutes())`. */
export function createAdvisorRoutes(opts: AdvisorRoutesOptions = {}) {
  const sendReminder = opts.sendReminder === undefined ? fieldworkReminder : (opts.sendReminder ?? undefined);
  const app = new Hono<AuthEnv>();
  app.route('/', advisorsRoutes);
  app.route('/', dashboardRoutes(sendReminder));
  app.route('/', callsRoutes(sendReminder));
  return app;
}
