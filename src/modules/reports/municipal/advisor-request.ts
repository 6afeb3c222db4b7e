// "Bespreek de resultaten met uw adviseur": the municipality asks its advisor, from its report, to
// get in touch. The request goes out as an e-mail through the outbox. At most one per municipality
// per (Dutch) day: the idempotency key holds the day, so a double click, a second colleague or a
// retry the same day adds nothing — across processes and app instances, without extra state.
import type { Db } from '../../../db/client.ts';
import type { FormFields } from '../../../web/form.ts';
import { dutchDay } from '../../../web/i18n.ts';
import { isValidEmail } from '../../auth/index.ts';
import { enqueue } from '../../mail/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { rt } from './i18n.ts';
import type { Advisor } from './model.ts';
import type { RequestField, RequestForm } from './views/more.tsx';

const MAX: Record<RequestField, number> = { naam: 200, email: 254, bericht: 2000 };

/** Reads and checks the optional fields; an error per field, in the page language. */
export function readRequest(lang: Lang, form: FormFields): { values: Record<RequestField, string>; errors: NonNullable<RequestForm['errors']> } {
  // Control characters out (a name is one line); line breaks in the message stay.
  const clean = (s: string | undefined, multiline: boolean) =>
    (s ?? '').replace(/\r\n/g, '\n').replace(multiline ? /[^\P{Cc}\n]/gu : /\p{Cc}/gu, ' ').trim();
  const values = { naam: clean(form.naam?.[0], false), email: clean(form.email?.[0], false), bericht: clean(form.bericht?.[0], true) };
  const errors: Partial<Record<RequestField, string>> = {};
  for (const k of Object.keys(MAX) as RequestField[]) if (values[k].length > MAX[k]) errors[k] = rt(lang, 'err.tooLong', { max: MAX[k] });
  if (values.email && !errors.email && !isValidEmail(values.email)) errors.email = rt(lang, 'err.email');
  return { values, errors };
}

export type AdvisorRequest = {
  edition: number;
  code: string;
  municipalityName: string;
  advisor: Advisor;
  values: Record<RequestField, string>;
  baseUrl: string;
  now: Date;
};

/** 'sent' when queued now; 'already' when this municipality asked before today. */
export async function requestConversation(db: Db, req: AdvisorRequest): Promise<'sent' | 'already'> {
  const { values: v, advisor } = req;
  const text = [
    `Beste ${advisor.name},`,
    '',
    `De gemeente ${req.municipalityName} (${req.code}) heeft haar rapportage van de benchmark Eén tegen eenzaamheid ${req.edition} bekeken en wil de resultaten graag met u bespreken.`,
    '',
    `Naam: ${v.naam || '(niet opgegeven)'}`,
    `E-mail: ${v.email || '(niet opgegeven)'}`,
    ...(v.bericht ? ['', 'Bericht:', v.bericht] : []),
    '',
    `De rapportage van de gemeente (na inloggen): ${req.baseUrl}/beheer/rapport/${req.edition}/${req.code}`,
    '',
    'Benchmark Eén tegen eenzaamheid',
  ].join('\n');
  const queued = await enqueue(db, {
    idempotencyKey: `advisor-request:${req.code}:${dutchDay(req.now)}`,
    kind: 'advisor-request',
    to: advisor.email,
    subject: `Verzoek om een gesprek over de benchmark: ${req.municipalityName}`,
    text,
    edition: req.edition,
    municipalityCode: req.code,
  }, req.now);
  return queued ? 'sent' : 'already';
}
