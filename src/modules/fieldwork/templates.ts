// The invitation and reminder e-mails: editable per edition, Dutch defaults, {{placeholders}}.
import type { Db } from '../../db/client.ts';

export const TEMPLATE_KINDS = ['invitation', 'reminder'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export type Template = { edition: number; kind: TemplateKind; subject: string; body: string; updatedAt: Date; updatedBy: number | null };
export type TemplateVars = { gemeente: string; link: string; sluitdatum: string; naam: string; jaar: string };
export type TemplateError = { field: 'subject' | 'body'; key: 'subjectEmpty' | 'bodyEmpty' | 'noLink' | 'unknownPlaceholder' | 'tooLong'; params?: Record<string, string | number> };

export const PLACEHOLDERS: readonly (keyof TemplateVars)[] = ['naam', 'gemeente', 'link', 'sluitdatum', 'jaar'];
const MAX_SUBJECT = 200;
const MAX_BODY = 10_000;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const SIGNATURE = 'Met vriendelijke groet,\n\nHet onderzoeksbureau van de benchmark Eén tegen eenzaamheid,\nnamens het ministerie van Volksgezondheid, Welzijn en Sport';

export const DEFAULT_TEMPLATES: Record<TemplateKind, { subject: string; body: string }> = {
  invitation: {
    subject: 'Uitnodiging benchmark Eén tegen eenzaamheid {{jaar}} – gemeente {{gemeente}}',
    body: `Beste {{naam}},

Het ministerie van Volksgezondheid, Welzijn en Sport (VWS) nodigt de gemeente {{gemeente}} uit om mee te doen aan de benchmark Eén tegen eenzaamheid {{jaar}}. De benchmark brengt in kaart wat gemeenten doen tegen eenzaamheid onder ouderen. Er wordt geen oordeel gegeven over beleid.

U vult de vragenlijst in via deze persoonlijke link:
{{link}}

U kunt vragen overslaan, tussendoor stoppen en later verdergaan. Een collega kan met dezelfde link verder. De vragenlijst is open tot en met {{sluitdatum}}.

Na afloop ontvangt uw gemeente een eigen rapportage en een factsheet.

${SIGNATURE}`,
  },
  reminder: {
    subject: 'Herinnering: benchmark Eén tegen eenzaamheid {{jaar}} – gemeente {{gemeente}}',
    body: `Beste {{naam}},

Onlangs heeft u een uitnodiging ontvangen voor de benchmark Eén tegen eenzaamheid {{jaar}}. Wij hebben de vragenlijst van de gemeente {{gemeente}} nog niet ontvangen. Wilt u de vragenlijst invullen en versturen vóór de sluitdatum, {{sluitdatum}}?

U gaat verder via deze persoonlijke link:
{{link}}

Wat u al heeft ingevuld, is bewaard. Heeft een collega de vragenlijst al verstuurd? Dan kunt u deze e-mail negeren.

${SIGNATURE}`,
  },
};

const columns = `edition, kind, subject, body, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** Both templates of an edition; missing ones are created from the defaults first. */
export async function getTemplates(db: Db, edition: number): Promise<Record<TemplateKind, Template>> {
  for (const kind of TEMPLATE_KINDS) {
    await db.query('INSERT INTO email_templates (edition, kind, subject, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [edition, kind, DEFAULT_TEMPLATES[kind].subject, DEFAULT_TEMPLATES[kind].body]);
  }
  const rows = await db.query<Template>(`SELECT ${columns} FROM email_templates WHERE edition = $1`, [edition]);
  return Object.fromEntries(rows.map((r) => [r.kind, r])) as Record<TemplateKind, Template>;
}

export function validateTemplate(t: { subject: string; body: string }): TemplateError[] {
  const errors: TemplateError[] = [];
  const unknown = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((p) => !PLACEHOLDERS.includes(p as keyof TemplateVars));
  if (t.subject.trim() === '') errors.push({ field: 'subject', key: 'subjectEmpty' });
  else if (t.subject.length > MAX_SUBJECT || /[\r\n]/.test(t.subject)) errors.push({ field: 'subject', key: 'tooLong', params: { max: MAX_SUBJECT } });
  else if (unknown(t.subject).length) errors.push({ field: 'subject', key: 'unknownPlaceholder', params: { names: unknown(t.subject).map((p) => `{{${p}}}`).join(', ') } });
  if (t.body.trim() === '') errors.push({ field: 'body', key: 'bodyEmpty' });
  else if (t.body.length > MAX_BODY) errors.push({ field: 'body', key: 'tooLong', params: { max: MAX_BODY } });
  else if (unknown(t.body).length) errors.push({ field: 'body', key: 'unknownPlaceholder', params: { names: unknown(t.body).map((p) => `{{${p}}}`).join(', ') } });
  else if (![...t.body.matchAll(PLACEHOLDER)].some((m) => m[1] === 'link')) errors.push({ field: 'body', key: 'noLink' });
  return errors;
}

export function renderTemplate(t: { subject: string; body: string }, vars: TemplateVars): { subject: string; text: string } {
  const fill = (s: string) => s.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(vars, name) ? vars[name as keyof TemplateVars] : whole));
  return { subject: fill(t.subject).replace(/[\r\n]+/g, ' '), text: fill(t.body).replace(/\r\n/g, '\n') };
}

/** Saves a template that passed validateTemplate. */
export async function saveTemplate(db: Db, edition: number, kind: TemplateKind, t: { subject: string; body: string }, accountId: number, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO email_templates (edition, kind, subject, body, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (edition, kind) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [edition, kind, t.subject.trim(), t.body.replace(/\r\n/g, '\n'), now, accountId],
  );
}
