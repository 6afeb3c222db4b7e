// Does a set of responses read like the 2022 report? Computes the statistics the product shows
// and lists every published figure or described trend that does not come out. Pure: the tests
// run it on what the database holds, and on the generator's output for other seeds.
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import {
  computeStats,
  percentOf,
  type RegisterByEdition,
  type StatsRow,
  type SubmittedResponse,
  trendRows,
} from '../statistics/index.ts';
import { DEMO_EDITIONS } from './municipalities.ts';
import { PUBLISHED_FIGURES } from './published.ts';

const EDITIONS = [...DEMO_EDITIONS];
export type Share = { count: number; n: number; percent: number };

/** Shares of options per edition and scope ('national' or the 2019–2022 'panel'), in current codes. */
export function shares(qns: ReadonlyMap<number, Questionnaire>, responses: readonly SubmittedResponse[], register: RegisterByEdition) {
  const rows = [
    ...computeStats(qns, responses, register, { editions: EDITIONS, scopes: ['national'] }),
    ...computeStats(qns, responses, register, { editions: EDITIONS, scopes: ['panel'], panelEditions: EDITIONS }),
  ];
  const trends = new Map<string, StatsRow[]>();
  return (edition: number, question: string, options: string[], scope = 'national', item: string | null = null): Share => {
    if (!trends.has(question)) trends.set(question, trendRows(qns, rows, question).rows);
    const sel = (trends.get(question) ?? []).filter((r) => r.edition === edition && r.scope === scope && r.item === item);
    const count = sel.filter((r) => options.includes(r.option)).reduce((s, r) => s + r.count, 0);
    const n = sel[0]?.n ?? 0;
    return { count, n, percent: percentOf(count, n) ?? Number.NaN };
  };
}

export function reportProblems(
  qns: ReadonlyMap<number, Questionnaire>,
  responses: readonly SubmittedResponse[],
  register: RegisterByEdition,
): string[] {
  const share = shares(qns, responses, register);
  const pct = (...a: Parameters<typeof share>) => share(...a).percent;
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };

  for (const fig of PUBLISHED_FIGURES) {
    const got = share(fig.edition, fig.question, fig.options, fig.scope, fig.item ?? null);
    const label = `${fig.edition} ${fig.scope} ${fig.question}${fig.item ? `.${fig.item}` : ''} ${fig.options.join('+')}`;
    check(Math.abs(got.percent - fig.pct) <= 1, `${label}: ${got.percent}% (${got.count}/${got.n}), rapport ${fig.pct}%`);
    if (fig.count !== undefined) check(got.count === fig.count && got.n === fig.n, `${label}: ${got.count}/${got.n}, rapport ${fig.count}/${fig.n}`);
  }

  const panel = (q: string, options: string[]) => EDITIONS.map((e) => pct(e, q, options, 'panel'));
  const rising = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
  check(panel('week_tegen_eenzaamheid', ['ja']).every((p) => p === 100), 'panel: niet iedereen doet elk jaar mee aan de Week');
  check(rising(panel('communicatiemateriaal', ['ja'])), 'panel: communicatiemateriaal stijgt niet elk jaar');
  check(rising(panel('signaalpunt', ['ja'])), 'panel: signaalpunt stijgt niet elk jaar');
  check(rising(panel('huisbezoeken_75plus', ['ja_alle', 'ja_deel'])), 'panel: huisbezoeken stijgen niet elk jaar');
  check(rising(panel('betrekken_doelgroep', ['nee'])), 'panel: betrekken doelgroep daalt niet elk jaar');
  const [, , m21, m22] = panel('monitoring', ['ja']);
  check(Math.abs(m22 - m21 - 13) <= 1, `panel: monitoring 2021→2022 +${m22 - m21}, rapport zo'n 13`);
  const monitoring = EDITIONS.map((e) => pct(e, 'monitoring', ['ja']));
  check(monitoring[0] > monitoring[1] && monitoring[1] > monitoring[2] && monitoring[3] > monitoring[2], `monitoring ${monitoring}`);
  const anyJa = ['beleid_en_activiteiten', 'activiteiten', 'beleid'];
  check(pct(2022, 'betrekken_doelgroep', anyJa) < pct(2021, 'betrekken_doelgroep', anyJa), 'betrekken doelgroep 2022 niet lager');
  for (const e of EDITIONS) {
    const order = ['vrijwilligers', 'welzijn', 'gemeente', 'sociaal_werk', 'zorg'].map((o) => pct(e, 'huisbezoeken_uitvoerders', [o]));
    check(order.every((x, i) => i === 0 || x < order[i - 1]), `uitvoerders ${e}: ${order}`);
  }

  // inzet_producten, 2022 against 2021, as the report words it.
  const inzet = (e: number, item: string, o: string[]) => pct(e, 'inzet_producten', o, 'national', item);
  const used = (i: string) => inzet(2022, i, ['ingezet']) - inzet(2021, i, ['ingezet']);
  const known = (i: string) => inzet(2022, i, ['ingezet', 'bekend']) - inzet(2021, i, ['ingezet', 'bekend']);
  const itemsOf = (q: string) => (qns.get(2022)?.questions.find((x) => x.key === q)?.items ?? []).map((i) => i.code);
  const top2 = itemsOf('inzet_producten').sort((a, b) => inzet(2022, b, ['ingezet']) - inzet(2022, a, ['ingezet'])).slice(0, 2);
  check(top2.sort().join() === 'adviseurs,toolkit_campagne', `meest ingezet: ${top2}`);
  for (const i of ['toolkit_lokale_coalitie', 'toolkit_huisbezoeken']) check(used(i) > 0, `${i}: niet vaker ingezet`);
  for (const i of ['databank_movisie', 'toolkit_interventies', 'toolkit_deskundigheid']) check(-used(i) >= 5 && -used(i) <= 10, `${i}: ${used(i)} ingezet`);
  for (const i of ['databank_movisie', 'toolkit_huisbezoeken']) check(known(i) >= 5 && known(i) <= 10, `${i}: ${known(i)} bekend`);
  for (const i of ['toolkit_deskundigheid', 'toolkit_interventies']) check(known(i) < 0, `${i}: niet minder bekend`);

  // Coalition 2022: gemeente, welzijn, zorg carry it; onderwijs, ondernemers, financiële sector least active.
  const role = (p: string) => pct(2022, 'samenstelling_coalitie', ['kartrekker', 'actief'], 'national', p);
  const byRole = itemsOf('samenstelling_coalitie').sort((a, b) => role(b) - role(a));
  check(byRole.slice(0, 3).sort().join() === 'gemeente,welzijn,zorg', `coalitie top 3: ${byRole.slice(0, 3)}`);
  check(byRole.slice(-3).sort().join() === 'financiele_sector,ondernemers,onderwijs', `coalitie laatste 3: ${byRole.slice(-3)}`);
  const group = (g: string) => pct(2022, 'doelgroepen', ['ja'], 'national', g);
  const high = Math.min(...['ouderen', 'jongeren', 'gezondheidsproblemen', 'lage_ses'].map(group));
  check(high > Math.max(group('migratieachtergrond'), group('lhbtiq')), 'doelgroepen: volgorde');
  const ranked = ['duurzame_aanpak', 'sterk_netwerk', 'betrekken_doelgroep', 'betrekken_ondernemers', 'monitoring', 'signaleren', 'bestuurlijk_commitment'];
  const challenges = ranked.map((o) => pct(2022, 'uitdagingen', [o]));
  check(challenges.every((x, i) => i === 0 || x <= challenges[i - 1]), `uitdagingen 2022: ${challenges}`);
  return problems;
}
