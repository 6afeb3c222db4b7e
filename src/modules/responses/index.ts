// Answering: the respondent's pages, answers with versions and an audit trail.
export * from './answer.model.ts';
export * from './answer-form.ts';
export * from './responses.repo.ts';
export { responsesRoutes, unknownLink } from './responses.routes.tsx';
export * from './submitted.ts';
export * from './visit.repo.ts';
export * from './answers-pdf.ts';
export * from './confirmation.ts';
