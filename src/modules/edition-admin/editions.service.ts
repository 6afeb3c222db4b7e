// The bureau's work on editions: the list with counts, the next edition from the previous one,
// fieldwork dates and the steps open → close → publish. Rules live here, not only in the pages.
import type { Db } from '../../db/client.ts';
import { dutchDay } from '../../web/i18n.ts';
import { ensureExampleResponse } from '../demo/index.ts';
import { closeEdition, type EditionState, editionState, invitedCountSql, openEdition, publishEdition } from '../editions/index.ts';
import { queueReportReady } from '../publication/index.ts';
import { type Questionnaire, validateQuestionnaire } from '../questionnaire/index.ts';
import { publishText } from '../report-text/index.ts';
import { checkDates, type DateError, type DateValues, openProblem } from './dates.ts';
import type { EaKey } from './edition-admin.i18n.ts';
import { copyForEdition } from './questionnaire-edit.ts';

export type EditionRow = {
  year: number;
  registerYear: number;
  /** Whether the register of `registerYear` is present (an edition cannot open without it). */
  hasRegister: boolean;
  opensOn: string | null;
  closesOn: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  publishedAt: Date | null;
  state: EditionState;
  /** Municipalities of the register invited (see editions/invited.ts), and with a submitted response. */
  invited: number;
  submitted: number;
  questions: number;
  themes: number;
};

/** A step that the edition's state does not allow; `key` says why, for the page. */
export class EditionStateError extends Error {
  constructor(readonly key: EaKey, readonly params: Record<string, string | number> = {}) {
    super(key);
    this.name = 'EditionStateError';
  }
}

export type StateAction = 'open' | 'close' | 'publish';

/** Below this many submitted questionnaires national figures rest on few municipalities. */
export const FEW_RESPONSES = 25;

/**
 * Whether publishing deserves a warning: fewer than FEW_RESPONSES municipalities submitted, or
 * fewer than half of those invited. The confirmation page then says so before the bureau publishes.
 */
export function fewResponses(e: Pick<EditionRow, 'invited' | 'submitted'>): boolean {
  return e.submitted < FEW_RESPONSES || e.submitted * 2 < e.invited;
}

/** Whether the edition's register year is in the database (`e` is the editions row). */
const HAS_REGISTER = `EXISTS (SELECT 1 FROM municipalities m WHERE m.year = e.register_year) AS "hasRegister"`;

const rowColumns = `e.year, e.register_year AS "registerYear", ${HAS_REGISTER},
  to_char(e.opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(e.closes_on, 'YYYY-MM-DD') AS "closesOn",
  e.opened_at AS "openedAt", e.closed_at AS "closedAt", e.published_at AS "publishedAt",
  jsonb_array_length(e.questionnaire->'questions') AS questions, jsonb_array_length(e.questionnaire->'themes') AS themes,
  ${invitedCountSql('e')} AS invited,
  (SELECT count(*) FROM responses r JOIN municipalities m ON m.year = e.register_year AND m.code = r.municipality_code
    WHERE r.edition = e.year AND r.submitted_at IS NOT NULL)::int AS submitted`;

type RawRow = Omit<EditionRow, 'state'>;
const withState = (now: Date) => (r: RawRow): EditionRow => ({ ...r, state: editionState(r, now) });

export async function listEditionRows(db: Db, now: Date): Promise<EditionRow[]> {
  return (await db.query<RawRow>(`SELECT ${rowColumns} FROM editions e ORDER BY e.year DESC`)).map(withState(now));
}

export async function findEditionRow(db: Db, year: number, now: Date): Promise<EditionRow | undefined> {
  const row = await db.one<RawRow>(`SELECT ${rowColumns} FROM editions e WHERE e.year = $1`, [year]);
  return row && withState(now)(row);
}

/**
 * A new edition: its year, the edition its questionnaire is copied from, and its register year,
 * which is always its own year (no silent fallback to an older register).
 */
export type NextPlan = { year: number; from: number; registerYear: number; hasRegister: boolean };

/** The edition after the newest one. */
export async function nextEditionPlan(db: Db): Promise<NextPlan | undefined> {
  return db.one<NextPlan>(
    `SELECT e.year + 1 AS year, e.year AS "from", e.year + 1 AS "registerYear",
       EXISTS (SELECT 1 FROM municipalities m WHERE m.year = e.year + 1) AS "hasRegister"
     FROM editions e ORDER BY e.year DESC LIMIT 1`,
  );
}

const CREATE_LOCK = `SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:next-edition'))`;

/** Inserts edition `year` as a draft with a copy of `from`'s questionnaire (every question continues itself). */
async function insertEdition(tx: Db, year: number, from: number): Promise<NextPlan> {
  const prev = await tx.one<{ questionnaire: Questionnaire }>('SELECT questionnaire FROM editions WHERE year = $1', [from]);
  if (!prev) throw new EditionStateError('create.error.noFrom', { from });
  const qn = validateQuestionnaire(copyForEdition(prev.questionnaire, year), `${year}.json`);
  await tx.query('INSERT INTO editions (year, register_year, questionnaire) VALUES ($1, $1, $2)', [year, JSON.stringify(qn)]);
  const reg = await tx.one<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM municipalities WHERE year = $1) AS ok', [year]);
  return { year, from, registerYear: year, hasRegister: reg?.ok ?? false };
}

/**
 * Creates edition `year` (CLI `edition create YEAR [--from YEAR]`): a draft with a copy of the
 * questionnaire of `from`, by default the newest edition before `year`. An edition that exists is
 * an error; a year without a register is allowed (the edition cannot open until it is imported).
 */
export async function createEdition(db: Db, year: number, from?: number): Promise<NextPlan> {
  return db.tx(async (tx) => {
    await tx.query(CREATE_LOCK);
    if (await tx.one('SELECT 1 FROM editions WHERE year = $1', [year])) throw new EditionStateError('create.error.exists', { year });
    const source = from ?? (await tx.one<{ year: number }>('SELECT max(year) AS year FROM editions WHERE year < $1', [year]))?.year;
    if (source === undefined || source === null) throw new EditionStateError('list.error.noPrevious');
    return insertEdition(tx, year, source);
  });
}

/**
 * Creates the next edition with a copy of the previous questionnaire (then adjustable); a draft.
 * `expectedYear` is the year the admin saw on the button: a second click (or a resubmitted form)
 * finds that edition made and makes no other.
 */
export async function createNextEdition(db: Db, expectedYear?: number): Promise<NextPlan> {
  return db.tx(async (tx) => {
    // Two admins pressing the button at once make one edition, not a conflict.
    await tx.query(CREATE_LOCK);
    if (expectedYear !== undefined) {
      const made = await tx.one<NextPlan>(
        `SELECT e.year, e.year - 1 AS "from", e.register_year AS "registerYear", ${HAS_REGISTER} FROM editions e WHERE e.year = $1`, [expectedYear]);
      if (made) return made;
    }
    const plan = await nextEditionPlan(tx);
    if (!plan) throw new EditionStateError('list.error.noPrevious');
    return insertEdition(tx, plan.year, plan.from);
  });
}

export type Locked = {
  opensOn: string | null; closesOn: string | null; openedAt: Date | null; closedAt: Date | null; publishedAt: Date | null;
  registerYear: number; hasRegister: boolean;
};

async function lockEdition(tx: Db, year: number): Promise<Locked> {
  const e = await tx.one<Locked>(
    `SELECT to_char(e.opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(e.closes_on, 'YYYY-MM-DD') AS "closesOn",
       e.opened_at AS "openedAt", e.closed_at AS "closedAt", e.published_at AS "publishedAt",
       e.register_year AS "registerYear", ${HAS_REGISTER}
     FROM editions e WHERE e.year = $1 FOR UPDATE`,
    [year],
  );
  if (!e) throw new EditionStateError('edition.notFound');
  return e;
}

/** Saves the opening and closing day, or returns what is wrong with them (and saves nothing). */
export async function saveDates(db: Db, year: number, v: DateValues, now: Date): Promise<DateError[]> {
  return db.tx(async (tx) => {
    const e = await lockEdition(tx, year);
    const state = editionState(e, now);
    if (state === 'published') throw new EditionStateError('dates.error.published');
    const errors = checkDates(v, state, dutchDay(now));
    if (errors.length) return errors;
    await tx.query('UPDATE editions SET opens_on = $2, closes_on = $3 WHERE year = $1', [year, v.opensOn, v.closesOn]);
    return [];
  });
}

/** Which steps the state allows: open a draft (or a closed edition again), close an open one, publish a closed one. */
export function allowedActions(state: EditionState): StateAction[] {
  if (state === 'draft') return ['open'];
  if (state === 'open') return ['close'];
  if (state === 'closed') return ['open', 'publish'];
  return [];
}

export type Problem = { key: EaKey; params?: Record<string, string | number> };

/** Why `action` cannot happen now, or undefined when it can. */
export function actionProblem(e: Locked, action: StateAction, now: Date): Problem | undefined {
  const state = editionState(e, now);
  if (!allowedActions(state).includes(action)) return { key: `state.error.${action}`, params: { state } };
  // No municipalities to invite, count or map without the edition's own register.
  if (action === 'open' && !e.hasRegister) return { key: 'state.error.noRegister', params: { register: e.registerYear } };
  const key = action === 'open' ? openProblem(e.closesOn, dutchDay(now)) : undefined;
  return key ? { key } : undefined;
}

/**
 * Takes the step. Publishing with `mail` also queues "uw rapportage staat klaar" for the contacts of
 * every municipality that submitted, in the same transaction (the web and the CLI pass it).
 */
export async function changeState(db: Db, year: number, action: StateAction, now: Date, mail?: { baseUrl: string }): Promise<void> {
  await db.tx(async (tx) => {
    const e = await lockEdition(tx, year);
    const problem = actionProblem(e, action, now);
    if (problem) throw new EditionStateError(problem.key, problem.params);
    if (action === 'open') {
      await openEdition(tx, year, e.closesOn as string, now);
      // Opened earlier than planned: the opening day is today.
      await tx.query('UPDATE editions SET opens_on = LEAST(opens_on, $2::date) WHERE year = $1', [year, dutchDay(now)]);
    } else if (action === 'close') {
      await closeEdition(tx, year, now);
    } else {
      // The bureau's report text is published with the edition, or neither is (issue 18).
      await publishText(tx, year, now, null);
      await publishEdition(tx, year, now);
      if (mail) await queueReportReady(tx, { edition: year, baseUrl: mail.baseUrl, now });
      // The demo's example municipality follows the newest published edition.
      await ensureExampleResponse(tx);
    }
  });
}
