// Issue 17, the reports side: the bureau makes the 2025 edition from 2024, renames a question (with
// an option mapping), merges two questions into one, adds a topical multi question with "Anders",
// a tip, a key result and status rules — all as questionnaire data. After 2025 is answered and
// published, every output follows: the national summary, the charts and tables (one trend across
// the rename and the merge, "niet gevraagd" before), the web report (tip, history), the factsheet
// and the national PDF. Every figure below is worked out by hand from the answers listed here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { changeQuestionnaire, copyForEdition } from '../src/modules/edition-admin/index.ts';
import { getEdition, openEdition, publishEdition } from '../src/modules/editions/index.ts';
import type { Option, Question, Questionnaire } from '../src/modules/questionnaire/index.ts';
import { buildFactsheetPdf } from '../src/modules/reports/factsheet/index.ts';
import { buildMunicipalReport } from '../src/modules/reports/municipal/index.ts';
import { buildNationalReportPdf, loadResults } from '../src/modules/reports/national/index.ts';
import { questionResult } from '../src/modules/reports/national/questions.ts';
import { keyFigures } from '../src/modules/reports/national/summary.ts';
import type { Answers } from '../src/modules/responses/answer.model.ts';
import { parse, text } from './html.ts';
import { A2022, storeSubmitted } from './next-edition-fixtures.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2025-06-01T10:00:00Z');
const t = (nl: string, en: string) => ({ nl, en });
const opt = (code: string, nl: string, en: string, extra: Partial<Option> = {}): Option => ({ code, label: t(nl, en), ...extra });
const tip = { text: t('Kijk hoe andere gemeenten AI inzetten.', 'See how other municipalities use AI.'), url: 'https://www.eentegeneenzaamheid.nl/ai' };

/** 2025 from 2024: signaalpunt renamed to meldpunt (one new option), two Week questions merged, one topical question. */
function edition2025(from: Questionnaire): Questionnaire {
  const qn = copyForEdition(from, 2025);
  const signaalpunt = qn.questions.find((q) => q.key === 'signaalpunt') as Question;
  const meldpunt: Question = {
    ...signaalpunt, key: 'meldpunt', continues: undefined,
    text: t('Heeft uw gemeente een meldpunt voor eenzaamheid?', 'Does your municipality have a reporting point for loneliness?'),
    options: [...(signaalpunt.options ?? []), opt('in_ontwikkeling', 'In ontwikkeling', 'Being developed', { status: 'partial' })],
    replaces: { key: 'signaalpunt', options: { ja: 'ja', nee: 'nee' } },
  };
  delete meldpunt.continues;
  const weekCampagne: Question = {
    key: 'week_campagne', theme: 'signaleren', type: 'multi',
    text: t('Doet uw gemeente mee aan de Week tegen Eenzaamheid en gebruikt zij het materiaal?', 'Does your municipality take part in the Week and use its material?'),
    short: t('Week tegen Eenzaamheid', 'Week against Loneliness'),
    options: [
      opt('meedoen', 'Wij doen mee aan de Week', 'We take part in the Week', { status: 'ok' }),
      opt('materiaal', 'Wij gebruiken het campagnemateriaal', 'We use the campaign material', { status: 'ok' }),
      opt('geen', 'Geen van beide', 'Neither', { exclusive: true, status: 'not' }),
    ],
    merges: [
      { key: 'week_tegen_eenzaamheid', options: { ja: 'meedoen', nee: 'geen' } },
      { key: 'communicatiemateriaal', options: { ja: 'materiaal', nee: 'geen' } },
    ],
  };
  const aiInzet: Question = {
    key: 'ai_inzet', theme: 'signaleren', type: 'multi',
    text: t('Zet uw gemeente digitale middelen of AI in tegen eenzaamheid?', 'Does your municipality use digital means or AI against loneliness?'),
    short: t('Digitale middelen en AI', 'Digital means and AI'),
    options: [
      opt('chatbot', 'Een chatbot of digitale buddy', 'A chatbot or digital buddy', { status: 'ok' }),
      opt('signalering_data', 'Signalering met data', 'Spotting with data', { status: 'ok' }),
      opt('anders', 'Anders, namelijk', 'Other, namely', { other: true, status: 'neutral' }),
      opt('nee', 'Nee', 'No', { exclusive: true, status: 'not' }),
    ],
    tips: { nee: tip },
  };
  const rest = qn.questions.filter((q) => !['signaalpunt', 'week_tegen_eenzaamheid', 'communicatiemateriaal'].includes(q.key));
  const at = rest.findIndex((q) => q.theme === 'signaleren');
  rest.splice(at, 0, weekCampagne, meldpunt, aiInzet);
  return {
    ...qn,
    questions: rest,
    keyResults: [
      { question: 'meldpunt', options: ['ja'], text: t('hebben een meldpunt voor eenzaamheid', 'have a reporting point for loneliness') },
      { question: 'ai_inzet', options: ['chatbot'], text: t('zetten een chatbot of digitale buddy in', 'use a chatbot or digital buddy') },
      ...(qn.keyResults ?? []).filter((k) => rest.some((q) => q.key === k.question)),
    ],
  };
}

const A2025: Array<[string, Answers]> = [
  ['GM0014', { week_campagne: { values: ['meedoen'] }, meldpunt: { value: 'ja' }, ai_inzet: { values: ['chatbot'] } }],
  ['GM0344', { week_campagne: { values: ['meedoen', 'materiaal'] }, meldpunt: { value: 'ja' }, ai_inzet: { values: ['nee'] } }],
  ['GM0307', { week_campagne: { values: ['geen'] }, meldpunt: { value: 'nee' }, ai_inzet: { values: ['nee'] } }],
  ['GM0353', { week_campagne: { values: ['materiaal'] }, meldpunt: { value: 'ja' }, ai_inzet: { values: ['chatbot', 'signalering_data'] } }],
  ['GM0356', { week_campagne: { values: ['meedoen'] }, meldpunt: { value: 'in_ontwikkeling' }, ai_inzet: { values: ['anders'], other: 'Beeldbellen' } }],
  ['GM0321', { week_campagne: { values: ['meedoen'] }, meldpunt: { value: 'ja' }, ai_inzet: { values: ['nee'] } }],
];
// 2025 by hand: week_campagne n 6: meedoen 4 (66,7%), materiaal 2 (33,3%), geen 1 (16,7%);
// meldpunt n 6: ja 4 (66,7%), nee 1, in_ontwikkeling 1 (2022 via signaalpunt: ja 4 of 6);
// ai_inzet n 6: chatbot 2 (33,3%), signalering_data 1, anders 1, nee 3 (50%).

let db: Db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'next-edition-'));

beforeAll(async () => {
  db = await createTestDb();
  await storeSubmitted(db, 2022, A2022, now);
  await publishEdition(db, 2022, now);
  // 2024 from 2023, 2025 from 2024; the 2025 register is the 2024 one (the register import has its own tests).
  const q2023 = (await getEdition(db, 2023))?.questionnaire as Questionnaire;
  await db.query('INSERT INTO editions (year, register_year, questionnaire) VALUES (2024, 2024, $1)', [JSON.stringify(copyForEdition(q2023, 2024))]);
  const q2024 = (await getEdition(db, 2024))?.questionnaire as Questionnaire;
  await db.query(`INSERT INTO municipalities (year, code, name, province_code) SELECT 2025, code, name, province_code FROM municipalities WHERE year = 2024`);
  await db.query('INSERT INTO editions (year, register_year, questionnaire) VALUES (2025, 2025, $1)', [JSON.stringify(copyForEdition(q2024, 2025))]);
  await changeQuestionnaire(db, 2025, () => edition2025(q2024));
  await openEdition(db, 2025, '2025-12-31', now);
  await storeSubmitted(db, 2025, A2025, now);
  await publishEdition(db, 2025, now);
}, 120_000);
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the 2025 edition in every output', () => {
  it('the national summary has the new key results, compared through the rename', async () => {
    const data = await loadResults(db, 2025);
    const figures = keyFigures(data!, 'nl');
    expect(figures.map((f) => f.text)).toEqual([
      '4 van de 6 gemeenten (66,7%) hebben een meldpunt voor eenzaamheid.',
      '2 van de 6 gemeenten (33,3%) zetten een chatbot of digitale buddy in.',
      ...figures.slice(2).map((f) => f.text),
    ]);
    expect(figures[0].previous).toEqual({ edition: 2022, pct: 66.7 }); // signaalpunt 2022: 4 of 6
    expect(figures[1].previous).toBeUndefined(); // not asked before
  });

  it('one trend across the merge, counted per municipality, and across the rename', async () => {
    const data = (await loadResults(db, 2025))!;
    const q = (key: string) => data.questionnaire.questions.find((x) => x.key === key) as Question;
    const week = questionResult(data, q('week_campagne'));
    const national = week.rows.filter((r) => !r.panel).map((r) => [r.edition, r.n, r.cells.map((c) => c?.count)]);
    expect(national).toEqual([[2022, 5, [3, 3, 1]], [2025, 6, [4, 2, 1]]]);
    expect(week.changes).toEqual([{ edition: 2025, previousEdition: 2022, reasons: ['merged'] }]);
    const meld = questionResult(data, q('meldpunt'));
    expect(meld.rows.filter((r) => !r.panel).map((r) => [r.edition, r.n, r.cells.map((c) => c?.count ?? null)])).toEqual([
      [2022, 6, [4, 2, null]], // in_ontwikkeling did not exist in 2022
      [2025, 6, [4, 1, 1]],
    ]);
    const ai = questionResult(data, q('ai_inzet'));
    expect(ai.rows.filter((r) => !r.panel).map((r) => [r.edition, r.asked, r.n])).toEqual([[2022, false, 0], [2025, true, 6]]);
  });

  it('the public results page shows the merged trend, the new question and "niet gevraagd" for 2022', async () => {
    const app = createApp({ db, config, now: () => now });
    const res = await app.request('/resultaten/2025/thema/signaleren');
    expect(res.status).toBe(200);
    const html = await res.text();
    const doc = parse(html);
    const page = text(html);
    expect(page).toContain('Zet uw gemeente digitale middelen of AI in tegen eenzaamheid?');
    expect(page).toContain('samengevoegd uit meer vragen');
    const tables = [...doc.querySelectorAll('table')].map((tb) => (tb.textContent ?? '').replace(/\s+/g, ' '));
    const aiTable = tables.find((x) => x.includes('Een chatbot of digitale buddy')) as string;
    expect(aiTable).toContain('niet gevraagd');
    expect(aiTable).toContain('33,3% (2)');
    const weekTable = tables.find((x) => x.includes('Wij doen mee aan de Week')) as string;
    expect(weekTable).toContain('60,0% (3)'); // 2022, merged: meedoen 3 of 5
    expect(weekTable).toContain('66,7% (4)'); // 2025: meedoen 4 of 6
    expect(page).not.toContain('Beeldbellen'); // an "Anders" text never reaches a public page
    const summary = text(await (await app.request('/resultaten/2025')).text());
    expect(summary).toContain('2 van de 6 gemeenten (33,3%) zetten een chatbot of digitale buddy in.');
  });

  it('the web report gives the new tip, the history across the rename and the merge, and says what is new', async () => {
    const r = (await buildMunicipalReport(db, 2025, 'GM0344', 'nl'))!;
    const qs = new Map(r.themes.flatMap((th) => th.questions).map((q) => [q.key, q]));
    expect(qs.get('ai_inzet')?.tips.map((x) => x.text)).toEqual(['Kijk hoe andere gemeenten AI inzetten.']);
    expect(qs.get('ai_inzet')?.newIn).toBe(2025);
    expect(qs.get('meldpunt')?.history.map((h) => [h.edition, h.lines.map((l) => l.code), h.reworded])).toEqual([[2022, ['nee'], true], [2025, ['ja'], false]]);
    expect(qs.get('week_campagne')?.history.map((h) => [h.edition, h.lines.map((l) => l.code)])).toEqual([[2022, ['meedoen']], [2025, ['meedoen', 'materiaal']]]);
  });

  it('the factsheet shows the new question with its short label and status, and the national PDF its key result', async () => {
    const sheet = path.join(dir, 'GM0344.pdf');
    fs.writeFileSync(sheet, (await buildFactsheetPdf(db, 2025, 'GM0344', { now }))!);
    const factsheet = execFileSync('pdftotext', [sheet, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(factsheet).toContain('Digitale middelen en AI');
    expect(factsheet).toContain('Week tegen Eenzaamheid');
    const report = path.join(dir, 'rapport.pdf');
    fs.writeFileSync(report, (await buildNationalReportPdf(db, 2025, { now }))!);
    const national = execFileSync('pdftotext', [report, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(national).toContain('zetten een chatbot of digitale buddy in');
    expect(national).toContain('Zet uw gemeente digitale middelen of AI in tegen eenzaamheid?');
  });
});
