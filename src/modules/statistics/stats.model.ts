// The shapes the statistics module takes in and gives back. Pure data: no database, no I/O.
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answers } from '../responses/answer.model.ts';

/** One submitted questionnaire of one municipality in one edition. */
export interface SubmittedResponse {
  edition: number;
  /** CBS code, GMxxxx. */
  municipality: string;
  answers: Answers;
}

/** edition → (municipality code → province code) from that year's register. */
export type RegisterByEdition = ReadonlyMap<number, ReadonlyMap<string, string>>;

/**
 * edition → (municipality code → size class id, see population/size-class.model.ts), from the
 * population of that edition's register year. An edition missing here has no size scope.
 */
export type SizeClassesByEdition = ReadonlyMap<number, ReadonlyMap<string, string>>;

/** The questionnaire of each edition, as a map keyed by edition or as a list. */
export type QuestionnaireSet = ReadonlyMap<number, Questionnaire> | readonly Questionnaire[];

/** `national` · `province:PVxx` · `size:ID` · `panel` · `municipality:GMxxxx` */
export type Scope = 'national' | 'panel' | `province:${string}` | `size:${string}` | `municipality:${string}`;
export type ScopeKind = 'national' | 'province' | 'size' | 'panel' | 'municipality';

/** One figure: how many of the n valid answers chose `option` (of `item`, for a matrix). */
export interface StatsRow {
  edition: number;
  scope: Scope;
  question: string;
  item: string | null;
  option: string;
  count: number;
  n: number;
  /** 100·count/n, one decimal, half away from zero; null when n = 0. */
  percent: number | null;
  /** Set by `suppress`: a public view hides count and percent ("te weinig antwoorden"). */
  suppressed?: boolean;
}

export function scopeKind(scope: Scope): ScopeKind {
  const colon = scope.indexOf(':');
  return (colon < 0 ? scope : scope.slice(0, colon)) as ScopeKind;
}

export function questionnairesByEdition(qns: QuestionnaireSet): ReadonlyMap<number, Questionnaire> {
  if (qns instanceof Map) return qns;
  return new Map((qns as readonly Questionnaire[]).map((qn) => [qn.edition, qn]));
}

/**
 * 100·count/n to one decimal, rounding half away from zero, in integer arithmetic so that float
 * noise cannot tip a half (146/162 → 90.1, 1/8 → 12.5, 1/16 → 6.3). Null when n = 0.
 */
export function percentOf(count: number, n: number): number | null {
  if (n <= 0) return null;
  // tenths = round(1000·count/n) = floor((2000·count + n) / (2n)) for count ≥ 0
  const tenths = Math.floor((2000 * count + n) / (2 * n));
  return tenths / 10;
}

/** The value under `key`, created by `make` the first time. */
export function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Key of a question/item within one edition and scope: the unit that shares one n. */
export function groupKey(row: Pick<StatsRow, 'edition' | 'scope' | 'question' | 'item'>): string {
  return `${row.edition}|${row.scope}|${row.question}|${row.item ?? ''}`;
}
