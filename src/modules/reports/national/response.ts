// Response per edition and province (report figures 4 and 5): who was invited, who sent the
// questionnaire. Response is participation, not an answer, so the report shows it per
// municipality (the map) and it is not suppressed.
import type { Db } from '../../../db/client.ts';
import { percentOf } from '../../statistics/index.ts';

export type Tally = { invited: number; responded: number };

export type EditionResponse = Tally & {
  edition: number;
  byProvince: Map<string, Tally>;
  /** Codes (GMxxxx) of the municipalities that sent the questionnaire. */
  respondents: Set<string>;
  /** Codes of the invited municipalities (the response's denominator). */
  invitedCodes: Set<string>;
};

export type Retained = { previous: number; count: number; of: number };

/**
 * Invited = the edition's invitations, plus any respondent without one (editions imported from
 * before the product have no invitation list of their own): a respondent was always invited.
 * Only municipalities of the edition's register count, so the fictitious example stays out.
 */
export async function loadResponse(db: Db, editions: number[], respondents: Map<number, Set<string>>): Promise<Map<number, EditionResponse>> {
  const rows = await db.query<{ edition: number; code: string; province: string }>(
    `SELECT i.edition, i.municipality_code AS code, m.province_code AS province
     FROM invitations i
     JOIN editions e ON e.year = i.edition
     JOIN municipalities m ON m.year = e.register_year AND m.code = i.municipality_code
     WHERE i.edition = ANY($1)`,
    [editions],
  );
  const provinceRows = await db.query<{ edition: number; code: string; province: string }>(
    `SELECT e.year AS edition, m.code, m.province_code AS province
     FROM editions e JOIN municipalities m ON m.year = e.register_year WHERE e.year = ANY($1)`,
    [editions],
  );
  const provinceOf = new Map(provinceRows.map((r) => [`${r.edition}|${r.code}`, r.province]));
  const out = new Map<number, EditionResponse>();
  for (const edition of editions) {
    const invited = new Set(rows.filter((r) => r.edition === edition).map((r) => r.code));
    const responded = respondents.get(edition) ?? new Set<string>();
    for (const code of responded) invited.add(code);
    const byProvince = new Map<string, Tally>();
    for (const code of invited) {
      const pv = provinceOf.get(`${edition}|${code}`);
      if (!pv) continue;
      const t = byProvince.get(pv) ?? { invited: 0, responded: 0 };
      t.invited++;
      if (responded.has(code)) t.responded++;
      byProvince.set(pv, t);
    }
    out.set(edition, { edition, invited: invited.size, responded: responded.size, byProvince, respondents: responded, invitedCodes: invited });
  }
  return out;
}

/** How many respondents of the edition before came back (by code; a merger starts anew). */
export function retained(response: Map<number, EditionResponse>, editions: number[], year: number): Retained | undefined {
  const previous = editions.filter((e) => e < year).at(-1);
  const before = previous === undefined ? undefined : response.get(previous);
  const now = response.get(year);
  if (!before || !now || previous === undefined) return undefined;
  const count = [...before.respondents].filter((c) => now.respondents.has(c)).length;
  return { previous, count, of: before.respondents.size };
}

/** Whole percent, half away from zero, in integers (162/263 → 62). Null when n = 0. */
export function wholePercent(count: number, n: number): number | null {
  if (n <= 0) return null;
  return Math.floor((200 * count + n) / (2 * n));
}

export function ratePercent(t: Tally): number | null {
  return percentOf(t.responded, t.invited);
}
