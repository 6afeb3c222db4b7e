// Benchmark of the statistics module on deterministic synthetic data.
// Run: npx tsx bench/statistics.bench.ts   (or call runStatisticsBench() from a bench runner)
// (a) one edition, 345 municipalities, every scope (national, 12 provinces, panel, each municipality)
// (b) 10,000 respondents × 5 editions, national + provinces + panel (per-municipality scopes of
//     10,000 respondents would be 7.5 million rows nobody asks for at once)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { answerOptions, type Option, type Question, Questionnaire } from '../src/modules/questionnaire/questionnaire.model.ts';
import type { Answer, Answers } from '../src/modules/responses/answer.model.ts';
import { computeStats, type StatsOptions, type SubmittedResponse } from '../src/modules/statistics/index.ts';

export interface BenchResult {
  scenario: string;
  ms: number;
  targetMs: number;
}

const EDITIONS = [2019, 2020, 2021, 2022, 2023];
const PROVINCES = ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31'];

/** mulberry32: small, fast, seeded; the same seed gives the same data on every machine. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t = (s: string) => ({ nl: s, en: s });
const opts = (...codes: string[]): Option[] => codes.map((code) => ({ code, label: t(code) }));

/** A stand-in shaped like the real questionnaire (~20 questions of every type), for when data/ is absent. */
function builtInQuestionnaire(): Questionnaire {
  const q = (key: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({ key, theme: 'thema', type, text: t(key), ...extra });
  const items = (...codes: string[]) => codes.map((code) => ({ code, label: t(code) }));
  const questions: Question[] = [
    ...['week', 'communicatie', 'signaalpunt', 'signaleringsnetwerk'].map((k) => q(k, 'single', { options: opts('ja', 'nee') })),
    q('inzet_producten', 'matrix', { scale: 'inzet', items: items('a', 'b', 'c', 'd', 'e', 'f', 'g') }),
    q('bestuurlijk_commitment', 'single', { options: opts('geen', 'raad', 'wethouder', 'plan') }),
    q('financiering', 'single', { options: [...opts('geen', 'eenmalig', 'structureel', 'corona'), { code: 'anders', label: t('anders'), other: true }] }),
    q('lokale_coalitie', 'single', { options: opts('nee', 'initieren', 'verkennen', 'bestendigen', 'weet_niet') }),
    q('kartrekker', 'single', { options: opts('ja', 'nee'), showIf: { question: 'lokale_coalitie', in: ['initieren', 'verkennen', 'bestendigen'] } }),
    q('samenstelling', 'matrix', { scale: 'rol', items: items(...'abcdefghijklmno'.split('')), showIf: { question: 'lokale_coalitie', in: ['verkennen', 'bestendigen'] } }),
    q('huisbezoeken', 'single', { options: opts('ja_alle', 'ja_deel', 'voorbereiding', 'nee') }),
    q('uitvoerders', 'multi', { options: opts('vrijwilligers', 'welzijn', 'gemeente', 'sociaal_werk', 'zorg', 'anders'), showIf: { question: 'huisbezoeken', in: ['ja_alle', 'ja_deel'] } }),
    q('betrekken', 'single', { options: opts('beide', 'activiteiten', 'beleid', 'nee') }),
    q('best_practices', 'multi', { options: [...opts('adviseurs', 'zonmw', 'movisie', 'gemeenten', 'anders'), { code: 'nee', label: t('nee'), exclusive: true }] }),
    q('monitoring', 'single', { options: opts('ja', 'deels', 'nee') }),
    q('doelgroepen', 'matrix', { scale: 'ja_nee', items: items('a', 'b', 'c', 'd', 'e', 'f', 'g') }),
    q('uitdagingen', 'multi', { options: opts('a', 'b', 'c', 'd', 'e', 'f', 'g', 'anders') }),
    q('toelichting', 'text'),
    q('tips', 'text'),
  ];
  return {
    edition: 2022,
    name: t('Synthetisch'),
    themes: [{ key: 'thema', kind: 'overig', title: t('t'), short: t('t'), intro: t('t') }],
    scales: { ja_nee: opts('ja', 'nee'), inzet: opts('ingezet', 'bekend', 'onbekend'), rol: opts('kartrekker', 'actief', 'op_de_hoogte', 'niet') },
    questions,
  };
}

function loadQuestionnaire(): { qn: Questionnaire; source: string } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.resolve(here, '../data/questionnaires/2022.json');
  if (fs.existsSync(file)) return { qn: Questionnaire.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), source: 'data/questionnaires/2022.json' };
  return { qn: builtInQuestionnaire(), source: 'built-in questionnaire' };
}

/** One plausible response: ~5% skips per question, show_if respected, exclusive options alone. */
function synthAnswers(qn: Questionnaire, rnd: () => number): Answers {
  const answers: Answers = {};
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  for (const q of qn.questions) {
    if (rnd() < 0.05) continue;
    if (q.showIf) {
      const earlier = answers[q.showIf.question];
      const chosen = earlier?.values ?? (earlier?.value ? [earlier.value] : []);
      if (!chosen.some((c) => q.showIf?.in.includes(c))) continue;
    }
    const options = answerOptions(q, qn);
    let a: Answer | undefined;
    if (q.type === 'single') a = { value: pick(options).code };
    else if (q.type === 'multi') {
      const exclusive = options.find((o) => o.exclusive);
      if (exclusive && rnd() < 0.1) a = { values: [exclusive.code] };
      else {
        const values = options.filter((o) => !o.exclusive && rnd() < 0.35).map((o) => o.code);
        a = values.length ? { values } : undefined;
      }
    } else if (q.type === 'matrix') {
      const items: Record<string, string> = {};
      for (const it of q.items ?? []) if (rnd() < 0.9) items[it.code] = pick(options).code;
      a = { items };
    } else if (rnd() < 0.3) a = { text: 'toelichting' };
    if (a) answers[q.key] = a;
  }
  return answers;
}

interface Dataset {
  questionnaires: Questionnaire[];
  responses: SubmittedResponse[];
  register: Map<number, Map<string, string>>;
}

/** `municipalities` respondents spread over 12 provinces; each takes part in an edition with chance `participation`. */
function dataset(qn: Questionnaire, municipalities: number, participation: number, seed: number): Dataset {
  const rnd = prng(seed);
  const codes = Array.from({ length: municipalities }, (_, i) => `GM${String(i + 1).padStart(4, '0')}`);
  const provinceOf = new Map(codes.map((gm, i) => [gm, PROVINCES[i % PROVINCES.length]]));
  const responses: SubmittedResponse[] = [];
  for (const edition of EDITIONS) {
    for (const gm of codes) if (rnd() < participation) responses.push({ edition, municipality: gm, answers: synthAnswers(qn, rnd) });
  }
  return {
    questionnaires: EDITIONS.map((edition) => ({ ...qn, edition })),
    responses,
    register: new Map(EDITIONS.map((e) => [e, provinceOf])),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 2; i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function runStatisticsBench(): Promise<BenchResult[]> {
  const { qn } = loadQuestionnaire();
  const small = dataset(qn, 345, 0.8, 2022);
  const oneEdition: StatsOptions = { editions: [2022] };
  const smallMs = measure(15, () => computeStats(small.questionnaires, small.responses, small.register, oneEdition));
  // built after (a) so its 50,000 responses do not weigh on (a)'s garbage collection
  const large = dataset(qn, 10_000, 1, 2023);
  const noMunicipalities: StatsOptions = { scopes: ['national', 'province', 'panel'] };
  const largeMs = measure(5, () => computeStats(large.questionnaires, large.responses, large.register, noMunicipalities));
  return [
    { scenario: 'one edition, 345 municipalities, all scopes', ms: smallMs, targetMs: 50 },
    { scenario: '10,000 respondents × 5 editions', ms: largeMs, targetMs: 2000 },
  ];
}

async function main(): Promise<void> {
  console.log(`statistics bench — ${loadQuestionnaire().source}, median ms`);
  const results = await runStatisticsBench();
  const width = Math.max(...results.map((r) => r.scenario.length));
  console.log(`${'scenario'.padEnd(width)}  ${'ms'.padStart(8)}  ${'target'.padStart(7)}  ok?`);
  for (const r of results) {
    console.log(`${r.scenario.padEnd(width)}  ${r.ms.toFixed(1).padStart(8)}  ${String(r.targetMs).padStart(7)}  ${r.ms < r.targetMs ? 'ok' : 'TOO SLOW'}`);
  }
  if (results.some((r) => r.ms >= r.targetMs)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
