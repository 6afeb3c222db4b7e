// The bureau acting for a municipality: correct the answers of one theme (recorded in the audit
// trail as actor 'bureau' with the account), and reopen a submitted response with a reason.
import type { Db } from '../../db/client.ts';
import type { Account } from '../auth/index.ts';
import type { EditionState } from '../editions/index.ts';
import type { Questionnaire } from '../questionnaire/index.ts';
import {
  type Answer, type Answers, type Conflict, currentAnswers, type FieldError, type FormFields, loadAnswers, readThemePage,
  reopenResponse, saveAnswers,
} from '../responses/index.ts';
import { schemaFeatures } from './schema.ts';

export const MAX_REASON = 1000;

/** The versions the page was rendered with, from its hidden field; anything odd counts as "not answered then". */
export function parseBase(raw: string | undefined): Record<string, number> {
  try {
    const parsed = JSON.parse(raw ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => Number.isInteger(v)) as [string, number][]);
  } catch {
    return {};
  }
}

export type CorrectionOutcome = {
  saved: boolean;
  errors: FieldError[];
  conflicts: Conflict[];
  /** The answers to show when the page comes back (the person's input over the stored answers). */
  shown: Answers;
  baseVersions: Record<string, number>;
};

/**
 * Reads and checks one theme page like the respondent's, then saves it as the bureau. After a
 * conflict the person chose per question (`keuze.KEY`): keep the colleague's answer, or theirs.
 */
export async function correctTheme(db: Db, o: {
  responseId: number; qn: Questionnaire; theme: string; form: FormFields; account: Pick<Account, 'email'>; now: Date;
}): Promise<CorrectionOutcome> {
  const stored = await loadAnswers(db, o.responseId);
  const before = currentAnswers(stored);
  const input = readThemePage(o.qn, o.theme, o.form, before);
  const baseVersions = parseBase(o.form.base?.[0]);
  const shown: Answers = { ...before };
  for (const [k, a] of Object.entries(input.answers)) if (a) shown[k] = a; else delete shown[k];
  if (input.errors.length) return { saved: false, errors: input.errors, conflicts: [], shown, baseVersions };
  const onPage = new Set(o.qn.questions.filter((q) => q.theme === o.theme).map((q) => q.key));
  const toSave: Record<string, Answer | null> = {};
  for (const [k, a] of Object.entries(input.answers)) if (o.form[`keuze.${k}`]?.[0] !== 'collega') toSave[k] = a;
  // Answers cleared elsewhere because a condition no longer holds follow from this page: no conflict check.
  const force = new Set(Object.keys(toSave).filter((k) => !onPage.has(k)));
  const result = await saveAnswers(db, o.responseId, {
    answers: toSave, baseVersions, force, actor: { kind: 'bureau', name: o.account.email }, now: o.now,
  });
  if (!result.conflicts.length) return { saved: true, errors: [], conflicts: [], shown, baseVersions };
  const newBase = { ...baseVersions };
  for (const c of result.conflicts) newBase[c.question] = c.version;
  return { saved: false, errors: [], conflicts: result.conflicts, shown, baseVersions: newBase };
}

export type ReopenProblem = 'reason' | 'reasonLong' | 'notSubmitted' | 'editionNotOpen' | 'noLog';

/** Why a reopening cannot happen; undefined when it can. */
export function reopenProblem(o: { reason: string; responseStatus: string | null; state: EditionState; hasLog: boolean }): ReopenProblem | undefined {
  if (!o.hasLog) return 'noLog';
  if (o.responseStatus !== 'submitted') return 'notSubmitted';
  // Only an open edition can be answered; after closing the bureau corrects instead.
  if (o.state !== 'open') return 'editionNotOpen';
  if (!o.reason) return 'reason';
  if (o.reason.length > MAX_REASON) return 'reasonLong';
  return undefined;
}

/** Reopens the response (the respondent can change and send again) and records who, when and why. */
export async function reopenWithReason(db: Db, o: {
  responseId: number; responseStatus: string | null; state: EditionState; reason: string; account: Pick<Account, 'id' | 'email'>; now: Date;
}): Promise<ReopenProblem | undefined> {
  const hasLog = (await schemaFeatures(db)).reopenings;
  const problem = reopenProblem({ ...o, hasLog });
  if (problem) return problem;
  return db.tx(async (tx) => {
    const locked = await tx.one<{ status: string }>('SELECT status FROM responses WHERE id = $1 FOR UPDATE', [o.responseId]);
    if (locked?.status !== 'submitted') return 'notSubmitted';
    await reopenResponse(tx, o.responseId, o.now);
    await tx.query(
      'INSERT INTO response_reopenings (response_id, reason, account_id, actor, reopened_at) VALUES ($1, $2, $3, $4, $5)',
      [o.responseId, o.reason, o.account.id, o.account.email, o.now],
    );
    return undefined;
  });
}
