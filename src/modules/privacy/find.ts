// Everything stored about one person, found by e-mail address (whatever its capitalisation): the
// staff account and its sign-in traces, the advisor record, contact rows of every edition, the
// calls they logged or that mention them, e-mail sent to them, contact lists waiting for
// confirmation, and where the change history names them. Answers of municipalities are not
// personal data and are not part of it.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { normalizeEmail } from '../auth/index.ts';

export type PersonalData = {
  format: 'een-tegen-eenzaamheid-persoonsgegevens';
  version: 1;
  email: string;
  exportedAt: string;
  account: { id: number; email: string; name: string; role: string; createdAt: Date; disabledAt: Date | null } | null;
  sessions: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }[];
  signInLinks: { createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  signInAttempts: number;
  advisor: { id: number; name: string; email: string; phone: string | null; createdAt: Date; updatedAt: Date; municipalities: string[] } | null;
  contacts: { id: number; edition: number; municipalityCode: string; municipalityName: string | null; name: string; email: string; function: string | null; phone: string | null; createdAt: Date }[];
  calls: { id: number; edition: number; municipalityCode: string; calledOn: string; outcome: string; note: string; loggedByThisPerson: boolean; createdAt: Date }[];
  messages: { id: number; kind: string; toAddress: string; subject: string; bodyText: string; edition: number | null; municipalityCode: string | null; status: string; createdAt: Date; sentAt: Date | null }[];
  contactImports: { id: string; edition: number; fileName: string; createdAt: Date; rows: unknown[] }[];
  changeHistory: { responseId: number; edition: number; municipalityCode: string; question: string; changedAt: Date }[];
  reopenings: { id: number; responseId: number; reason: string; reopenedAt: Date }[];
};

/** The key under which sign-in requests for an address are counted (see auth/rate-limit.ts). */
export function signInAttemptKey(email: string): string {
  return `email:${createHash('sha256').update(normalizeEmail(email).toLowerCase()).digest('hex')}`;
}

/** A LIKE pattern matching `s` literally anywhere. */
export const containsPattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Tables other modules add in later migrations: looked for, not assumed. */
export async function hasTable(db: Db, name: string): Promise<boolean> {
  return (await db.one<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [name]))?.ok === true;
}

export async function findPersonalData(db: Db, rawEmail: string, now: Date): Promise<PersonalData> {
  const email = normalizeEmail(rawEmail);
  const account = (await db.one<NonNullable<PersonalData['account']>>(
    `SELECT id, email, name, role, created_at AS "createdAt", disabled_at AS "disabledAt" FROM accounts WHERE lower(email) = lower($1)`, [email])) ?? null;
  const accountId = account?.id ?? null;
  const sessions = accountId === null ? [] : await db.query<PersonalData['sessions'][number]>(
    `SELECT created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt" FROM sessions WHERE account_id = $1 ORDER BY created_at`, [accountId]);
  const signInLinks = accountId === null ? [] : await db.query<PersonalData['signInLinks'][number]>(
    `SELECT created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt" FROM magic_links WHERE account_id = $1 ORDER BY created_at`, [accountId]);
  const attempts = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM sign_in_attempts WHERE key = $1', [signInAttemptKey(email)]);
  const advisor = (await db.one<NonNullable<PersonalData['advisor']>>(
    `SELECT a.id, a.name, a.email, a.phone, a.created_at AS "createdAt", a.updated_at AS "updatedAt",
            ARRAY(SELECT municipality_code FROM advisor_municipalities WHERE advisor_id = a.id ORDER BY 1) AS municipalities
       FROM advisors a WHERE lower(a.email) = lower($1) OR a.account_id = $2 ORDER BY a.id LIMIT 1`, [email, accountId])) ?? null;
  const contacts = await db.query<PersonalData['contacts'][number]>(
    `SELECT c.id, c.edition, c.municipality_code AS "municipalityCode", m.name AS "municipalityName", c.name, c.email, c.function, c.phone,
            c.created_at AS "createdAt"
       FROM contacts c JOIN editions e ON e.year = c.edition
       LEFT JOIN municipalities m ON m.year = e.register_year AND m.code = c.municipality_code
      WHERE lower(c.email) = lower($1) ORDER BY c.edition, c.municipality_code`, [email]);
  // Calls this person logged; calls whose note names their address; and calls to a municipality
  // they are a contact of whose note names them.
  const calls = await db.query<PersonalData['calls'][number]>(
    `SELECT c.id, c.edition, c.municipality_code AS "municipalityCode", to_char(c.called_at, 'YYYY-MM-DD') AS "calledOn", c.outcome, c.note,
            COALESCE(c.account_id = $2::bigint, false) AS "loggedByThisPerson", c.created_at AS "createdAt"
       FROM calls c
      WHERE c.account_id = $2::bigint
         OR (c.note <> '' AND c.note ILIKE $3)
         OR (c.note <> '' AND EXISTS (SELECT 1 FROM contacts k WHERE lower(k.email) = lower($1) AND k.municipality_code = c.municipality_code
               AND length(trim(k.name)) >= 3
               AND c.note ILIKE '%' || replace(replace(replace(trim(k.name), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'))
      ORDER BY c.edition, c.called_at, c.id`, [email, accountId, containsPattern(email)]);
  const messages = await db.query<PersonalData['messages'][number]>(
    `SELECT id, kind, to_address AS "toAddress", subject, body_text AS "bodyText", edition, municipality_code AS "municipalityCode",
            status, created_at AS "createdAt", sent_at AS "sentAt"
       FROM outbox WHERE lower(to_address) = lower($1)
         -- A request to an advisor carries the respondent's own address in its text.
         OR (kind = 'advisor-request' AND position(lower($1) in lower(body_text)) > 0)
       ORDER BY created_at, id`, [email]);
  const contactImports = await db.query<PersonalData['contactImports'][number]>(
    `SELECT id, edition, file_name AS "fileName", created_at AS "createdAt", matched AS rows FROM (
       SELECT i.*, (SELECT jsonb_agg(r) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(i.rows) = 'array' THEN i.rows ELSE '[]' END) r
                     WHERE lower(r->>'email') = lower($1)) AS matched
         FROM contact_imports i) x
      WHERE matched IS NOT NULL ORDER BY created_at`, [email]);
  const changeHistory = await db.query<PersonalData['changeHistory'][number]>(
    `SELECT ac.response_id AS "responseId", r.edition, r.municipality_code AS "municipalityCode", ac.question, ac.changed_at AS "changedAt"
       FROM answer_changes ac JOIN responses r ON r.id = ac.response_id
      WHERE ac.actor_kind = 'bureau' AND lower(ac.actor) = lower($1) ORDER BY ac.changed_at, ac.id`, [email]);
  const reopenings = !(await hasTable(db, 'response_reopenings')) ? [] : await db.query<PersonalData['reopenings'][number]>(
    `SELECT id, response_id AS "responseId", reason, reopened_at AS "reopenedAt" FROM response_reopenings
      WHERE lower(actor) = lower($1) OR account_id = $2::bigint ORDER BY reopened_at, id`, [email, accountId]);
  return {
    format: 'een-tegen-eenzaamheid-persoonsgegevens', version: 1, email, exportedAt: now.toISOString(),
    account, sessions, signInLinks, signInAttempts: attempts?.n ?? 0, advisor, contacts, calls, messages, contactImports, changeHistory, reopenings,
  };
}

export type FoundCounts = Record<'account' | 'sessions' | 'signInLinks' | 'signInAttempts' | 'advisor' | 'contacts' | 'calls' | 'messages' | 'contactImports' | 'changeHistory' | 'reopenings', number>;

export function countFound(d: PersonalData): FoundCounts {
  return {
    account: d.account ? 1 : 0, sessions: d.sessions.length, signInLinks: d.signInLinks.length, signInAttempts: d.signInAttempts,
    advisor: d.advisor ? 1 : 0, contacts: d.contacts.length, calls: d.calls.length, messages: d.messages.length,
    contactImports: d.contactImports.length, changeHistory: d.changeHistory.length, reopenings: d.reopenings.length,
  };
}
