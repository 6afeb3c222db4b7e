// Fieldwork: the contact list, which municipalities are invited, invitation and reminder
// e-mails (through the outbox), their templates, and the outbox view.
export { checkContacts, type CheckedContact, type ContactReport, importContacts, type ImportResult } from './contacts-import.ts';
export { MAX_ROWS, parseContactsFile, type ParsedFile, type RawContact } from './contacts-parse.ts';
export { type Contact, listContacts } from './contacts.repo.ts';
export { type FwKey, fwText } from './fieldwork.i18n.ts';
export { createFieldworkRoutes } from './fieldwork.routes.tsx';
export { byHandNotice } from './invite.routes.tsx';
export { nameKey } from './names.ts';
export { type Problem, problemLine, problemText } from './problems.ts';
export { type FieldworkCounts, fieldworkCounts, listSelectable, type Selectable, selectConnected, setSelection } from './selection.ts';
export {
  amsterdamInstant, cancelSchedule, listSchedules, runDueSchedules, type ScheduledMailing, type ScheduleError, scheduleReminders,
} from './schedule.ts';
export {
  type ByHandResult, FieldworkError, previewRecipients, type Recipient, type RecipientPreview, sendByHand, sendInvitations,
  sendReminders, type SendResult,
} from './sending.ts';
export { visibleBody } from './views/outbox.views.tsx';
export { DEFAULT_TEMPLATES, getTemplates, PLACEHOLDERS, renderTemplate, saveTemplate, type Template, type TemplateKind, validateTemplate } from './templates.ts';
