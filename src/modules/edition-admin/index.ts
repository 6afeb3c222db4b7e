// The bureau's edition pages (/beheer/edities …): list, next edition, dates, open/close/publish,
// and adjusting the questionnaire while no municipality has answered. Mount at /beheer:
// `app.route('/beheer', createEditionAdminRoutes())`.
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/index.ts';
import { editionRoutes } from './editions.routes.tsx';
import { questionnaireRoutes } from './questionnaire.routes.tsx';

export function createEditionAdminRoutes() {
  const app = new Hono<AuthEnv>();
  editionRoutes(app);
  questionnaireRoutes(app);
  return app;
}

export { checkDates, type DateError, type DateValues, isIsoDate } from './dates.ts';
export { type EaKey, eaText } from './edition-admin.i18n.ts';
export {
  actionProblem, allowedActions, changeState, createEdition, createNextEdition, type EditionRow, EditionStateError, FEW_RESPONSES, fewResponses, findEditionRow, listEditionRows,
  nextEditionPlan, type NextPlan, saveDates, type StateAction,
} from './editions.service.ts';
export { copyForEdition, parseUpload, removeQuestion } from './questionnaire-edit.ts';
export { answeredMunicipalities, changeQuestionnaire, QuestionnaireConflictError, QuestionnaireLockedError } from './questionnaire.service.ts';
