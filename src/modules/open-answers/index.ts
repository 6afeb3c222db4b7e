// The open answers (explanations, "Anders" texts, open questions): read, searched and coded by the
// bureau, read by the ministry; counts per code for the report text. Mount at /beheer.
export { openAnswersRoutes } from './open-answers.routes.tsx';
export { type Assignment, type Code, codeCounts } from './open-answers.model.ts';
export { listAssignments, listCodes } from './open-answers.repo.ts';
export { oaText } from './open-answers.i18n.ts';
