// Fills in one edition's answers question by question, by exact quota: shuffle who may answer,
// let the first k have option A, the next m option B, and so on. Questions are taken in
// questionnaire order so a show_if sees the answers it depends on already in place.
import { answerOptions, type Question, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { isVisible } from '../responses/answer-form.ts';
import type { Counts, EditionTargets, QuestionTarget, Respondent } from './demo.model.ts';
import { countsFromShares, type Rng, shuffle } from './rng.ts';

const sum = (c: Counts) => Object.values(c).reduce((s, v) => s + v, 0);

class TargetError extends Error {
  constructor(edition: number, q: Question, message: string) {
    super(`Demodoel ${edition} ${q.key}: ${message}`);
  }
}

/** Hands out the options in listed order along `people` sorted by rank (random within a rank). */
function deal(people: Respondent[], counts: Counts, rng: Rng, rank?: QuestionTarget['rank']): Array<[Respondent, string]> {
  const keyed = people.map((r) => ({ r, k: (rank ? rank(r) : 0) + rng() }));
  keyed.sort((a, b) => a.k - b.k);
  const out: Array<[Respondent, string]> = [];
  let i = 0;
  for (const [code, c] of Object.entries(counts)) for (let j = 0; j < c; j++) out.push([keyed[i++].r, code]);
  return out;
}

function take(rng: Rng, pool: Respondent[], n: number, fail: (m: string) => never): Respondent[] {
  if (n > pool.length) fail(`${n} antwoorden gevraagd, maar maar ${pool.length} respondenten zien de vraag`);
  return shuffle(rng, pool).slice(0, n);
}

function single(q: Question, t: QuestionTarget, eligible: Respondent[], rng: Rng, fail: (m: string) => never): void {
  const counts = t.counts ?? {};
  const n = sum(counts);
  let deals: Array<[Respondent, string]>;
  if (t.panel) {
    const panel = eligible.filter((r) => r.panel);
    if (sum(t.panel) !== panel.length) fail(`panel telt ${sum(t.panel)}, maar ${panel.length} panelleden zien de vraag`);
    const rest: Counts = {};
    for (const [code, c] of Object.entries(counts)) {
      rest[code] = c - (t.panel[code] ?? 0);
      if (rest[code] < 0) fail(`panel kiest vaker "${code}" dan het land`);
    }
    const others = take(rng, eligible.filter((r) => !r.panel), n - panel.length, fail);
    deals = [...deal(panel, t.panel, rng, t.rank), ...deal(others, rest, rng, t.rank)];
  } else {
    deals = deal(take(rng, eligible, n, fail), counts, rng, t.rank);
  }
  for (const [r, code] of deals) r.answers[q.key] = { value: code };
}

/**
 * Exclusive options go alone to their quota of answerers; every other answerer first gets one
 * option (drawn in proportion to what is left of each quota) so nobody ends up with none, then
 * the remaining quota is spread over answerers who lack that option.
 */
function multi(q: Question, qn: Questionnaire, t: QuestionTarget, eligible: Respondent[], rng: Rng, fail: (m: string) => never): void {
  const opts = answerOptions(q, qn);
  const exclusive = new Set(opts.filter((o) => o.exclusive).map((o) => o.code));
  const counts = t.counts ?? {};
  const people = take(rng, eligible, t.n ?? 0, fail);
  const chosen = new Map<Respondent, Set<string>>(people.map((r) => [r, new Set()]));
  let next = 0;
  for (const code of exclusive) for (let j = 0; j < (counts[code] ?? 0); j++) chosen.get(people[next++])?.add(code);
  const rest = people.slice(next);
  const left: Counts = Object.fromEntries(Object.entries(counts).filter(([c]) => !exclusive.has(c)));
  if (sum(left) < rest.length || Object.values(left).some((c) => c > rest.length)) fail('quota passen niet bij n');
  for (const r of rest) {
    let x = rng() * sum(left);
    const code = Object.keys(left).find((c) => (x -= left[c]) < 0) ?? Object.keys(left)[0];
    chosen.get(r)?.add(code);
    left[code]--;
  }
  for (const [code, c] of Object.entries(left)) {
    const without = shuffle(rng, rest.filter((r) => !chosen.get(r)?.has(code)));
    for (let j = 0; j < c; j++) chosen.get(without[j])?.add(code);
  }
  const order = opts.map((o) => o.code);
  for (const [r, set] of chosen) r.answers[q.key] = { values: order.filter((c) => set.has(c)) };
}

function matrix(q: Question, qn: Questionnaire, t: QuestionTarget, eligible: Respondent[], rng: Rng, fail: (m: string) => never): void {
  const scale = answerOptions(q, qn).map((o) => o.code);
  const people = take(rng, eligible, t.n ?? 0, fail);
  const items = new Map<Respondent, Record<string, string>>(people.map((r) => [r, {}]));
  let full = false;
  for (const item of q.items ?? []) {
    const spec = t.items?.[item.code] ?? scale.map(() => 1);
    const counts = Array.isArray(spec)
      ? countsFromShares(people.length - (t.itemSkip?.[item.code] ?? 0), Object.fromEntries(scale.map((c, i) => [c, spec[i] ?? 0])))
      : spec;
    if (sum(counts) === people.length) full = true;
    for (const [r, code] of deal(take(rng, people, sum(counts), fail), counts, rng)) (items.get(r) as Record<string, string>)[item.code] = code;
  }
  // One item everybody answers guarantees that every answerer answers at least one item.
  if (people.length && !full) fail('minstens één item moet door iedereen beantwoord worden');
  for (const [r, it] of items) r.answers[q.key] = { items: it };
}

/** Plausible answers for a question the targets do not cover (e.g. one added to an edition later). */
function fallback(q: Question, qn: Questionnaire, eligible: number): QuestionTarget {
  const n = eligible - Math.floor(eligible * 0.03);
  const codes = answerOptions(q, qn).filter((o) => !o.exclusive).map((o) => o.code);
  if (q.type === 'single') return { counts: countsFromShares(n, Object.fromEntries(codes.map((c) => [c, 1]))) };
  if (q.type === 'multi') return { n, counts: Object.fromEntries(codes.map((c) => [c, codes.length > 1 ? Math.ceil(n / 2) : n])) };
  return { n };
}

export function assignEdition(qn: Questionnaire, respondents: Respondent[], targets: EditionTargets, rng: Rng): void {
  for (const q of qn.questions) {
    if (q.type === 'text') continue; // free text: nothing the report counts; left unanswered
    const eligible = respondents.filter((r) => isVisible(q, r.answers));
    const t = targets[q.key] ?? fallback(q, qn, eligible.length);
    const fail = (m: string): never => {
      throw new TargetError(qn.edition, q, m);
    };
    if (q.type === 'single') single(q, t, eligible, rng, fail);
    else if (q.type === 'multi') multi(q, qn, t, eligible, rng, fail);
    else matrix(q, qn, t, eligible, rng, fail);
  }
}
