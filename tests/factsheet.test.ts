// The factsheet on the demo data: what the PDF says (pdftotext) and what it is (pdfinfo: A4, one or
// two pages, tagged, language nl), who may download which factsheet over HTTP, the admin's ZIP,
// and the CLI commands — with the time of all 162 factsheets of 2022.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Hono } from 'hono';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsheetCommand } from '../src/cli/commands/factsheet.ts';
import { factsheetsCommand } from '../src/cli/commands/factsheets.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { buildFactsheet, buildFactsheetPdf, factsheetRoutes, submittedCodes } from '../src/modules/reports/factsheet/index.ts';
import { pct } from '../src/modules/reports/municipal/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { account, Browser, config, testApp } from './fixtures/advisors/http.ts';
import { createTestDb } from './test-db.ts';

const clock = new Date('2024-03-04T09:00:00Z');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-'));
let db: Db;
let app: Hono<AppEnv>;
type Muni = { code: string; name: string; token: string };
let A: Muni;
let B: Muni; // submitted, with another advisor than A
let open: Muni; // invited, never submitted
let admin: Browser;
let ministry: Browser;
let advisorOfA: Browser;
let noRegion: Browser;

/** The PDF's text, its pdfinfo, and whether it declares Dutch as its language. */
function inspect(pdf: Uint8Array | Buffer, name = 'f.pdf') {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  // With -layout, side-by-side cards come out line by line, each kicker next to its status.
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text, layout, info, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
}

/** /Lang sits in the catalog, often inside a compressed object stream. */
function declaresLang(pdf: Buffer, lang: string): boolean {
  const needle = `/Lang (${lang})`;
  if (pdf.includes(needle)) return true;
  const s = pdf.toString('latin1');
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = s.indexOf('endstream', start);
    try {
      if (inflateSync(pdf.subarray(start, end)).includes(needle)) return true;
    } catch { /* not deflated, or trailing bytes */ }
  }
  return false;
}

const get = (p: string) => app.request(p);
const muni = async (code: string): Promise<Muni> => {
  const row = await db.one<{ name: string }>('SELECT name FROM municipalities WHERE year = 2022 AND code = $1', [code]);
  return { code, name: row?.name ?? code, token: await createPersonalLink(db, 2022, code) };
};

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo(db, { now: new Date('2024-03-01T10:00:00Z') });
  app = testApp(db, () => clock);
  if (!app.routes.some((r) => r.path === '/voorbeeld/factsheet.pdf')) app.route('/', factsheetRoutes);
  const advisorOf = async (code: string) => (await db.one<{ id: number; accountId: number }>(
    'SELECT a.id, a.account_id AS "accountId" FROM advisors a JOIN advisor_municipalities am ON am.advisor_id = a.id WHERE am.municipality_code = $1', [code]))!;
  const codes = await submittedCodes(db, 2022);
  const first = await advisorOf(codes[0]);
  let other = codes[1];
  for (const c of codes.slice(1)) if ((await advisorOf(c)).id !== first.id) { other = c; break; }
  A = await muni(codes[0]);
  B = await muni(other);
  open = await muni((await db.one<{ code: string }>(
    `SELECT code FROM municipalities WHERE year = 2022 AND code NOT IN
       (SELECT municipality_code FROM responses WHERE edition = 2022 AND submitted_at IS NOT NULL) ORDER BY code LIMIT 1`))!.code);
  admin = await Browser.as(app, db, clock, (await account(db, 'admin')).id);
  ministry = await Browser.as(app, db, clock, (await account(db, 'ministry')).id);
  advisorOfA = await Browser.as(app, db, clock, first.accountId);
  noRegion = await Browser.as(app, db, clock, (await account(db, 'advisor')).id);
}, 120_000);
afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the factsheet PDF', () => {
  it('names the municipality and shows the status of every action line and pillar, A4, 1–2 pages, tagged, Dutch', async () => {
    const pdf = (await buildFactsheetPdf(db, 2022, A.code, { now: clock }))!;
    const f = (await buildFactsheet(db, 2022, A.code, 'nl'))!;
    const { text, layout, info, pages } = inspect(pdf);
    expect(text).toContain(A.name);
    expect(text).toContain('één van de 162 gemeenten die meededen');
    expect(f.themes.map((t) => t.key)).toEqual(['signaleren', 'doorbreken', 'bestuurlijk_commitment', 'sterk_netwerk', 'betrokkenheid', 'duurzame_aanpak', 'monitoring_evaluatie']);
    const words = { sterk: 'Staat stevig', opweg: 'In ontwikkeling', begin: 'Nog niet gestart', onbekend: 'Geen antwoord' };
    for (const t of f.themes) {
      expect(text).toContain(t.name);
      // Each card: "PIJLER 2", its mark, its status in words.
      const kicker = `${t.kind === 'actielijn' ? 'ACTIELIJN' : 'PIJLER'} ${t.number}`;
      expect(layout).toMatch(new RegExp(`${kicker}\\s+[●◐○–]\\s+${words[t.level]}`));
    }
    // The overview chart's words are text, not outlines: its header and every share a bar shows.
    expect(text).toContain('De 162 gemeenten');
    for (const t of f.themes) for (const l of ['sterk', 'opweg', 'begin'] as const) {
      const share = t.national?.[l].percent;
      if (share != null && share >= 10) expect(text, `${t.key} ${l}`).toContain(pct('nl', share));
    }
    expect(f.tips.length).toBeLessThanOrEqual(3);
    for (const tip of f.tips) expect(text.replace(/\s+/g, ' ')).toContain(tip.url);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3); // the third: the wijk map, when there are wijk figures (issue 19.3)
    expect(info).toMatch(/^Tagged:\s+yes/m);
    expect(declaresLang(pdf, 'nl')).toBe(true);
  });

  it('marks the Gravendonck example as fictitious and gives the English version its language', async () => {
    const { text } = inspect((await buildFactsheetPdf(db, 2022, 'GM9999', { now: clock }))!);
    expect(text).toContain('Gravendonck');
    expect(text).toContain('VOORBEELD');
    expect(text).toContain('fictieve gemeente');
    expect(text).not.toContain('één van de 162');
    const en = (await buildFactsheetPdf(db, 2022, A.code, { lang: 'en', now: clock }))!;
    expect(inspect(en).text).toContain('Three tips for');
    expect(declaresLang(en, 'en')).toBe(true);
  });

  it('is not made for a municipality that did not submit', async () => {
    expect(await buildFactsheetPdf(db, 2022, open.code)).toBeUndefined();
  });
});

describe('who may download a factsheet', () => {
  const pdfText = async (res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return inspect(new Uint8Array(await res.arrayBuffer())).text;
  };

  it('a municipality its own, via its personal link, after submitting; never another one', async () => {
    const res = await get(`/v/${A.token}/factsheet.pdf?gemeente=${B.code}&code=${B.code}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await pdfText(res);
    expect(text).toContain(A.name);
    expect(text).not.toContain(B.name);
    expect((await get(`/v/${open.token}/factsheet.pdf`)).status).toBe(404);
    expect((await get(`/v/${A.token.slice(0, -1)}x/factsheet.pdf`)).status).toBe(404);
    expect((await get(`/v/${B.code}/factsheet.pdf`)).status).toBe(404);
  });

  it('bureau and ministry every one, an advisor only their own region (404 otherwise)', async () => {
    expect(await pdfText(await admin.get(`/beheer/factsheet/2022/${B.code}.pdf`))).toContain(B.name);
    expect(await pdfText(await ministry.get(`/beheer/factsheet/2022/${A.code}.pdf`))).toContain(A.name);
    expect(await pdfText(await advisorOfA.get(`/beheer/factsheet/2022/${A.code}.pdf`))).toContain(A.name);
    expect((await advisorOfA.get(`/beheer/factsheet/2022/${B.code}.pdf`)).status).toBe(404);
    expect((await noRegion.get(`/beheer/factsheet/2022/${A.code}.pdf`)).status).toBe(404);
    expect(await pdfText(await noRegion.get('/beheer/factsheet/2022/GM9999.pdf'))).toContain('Gravendonck');
    expect((await admin.get(`/beheer/factsheet/2022/${open.code}.pdf`)).status).toBe(404);
    expect((await admin.get('/beheer/factsheet/2021/GM9999.pdf')).status).toBe(404);
    expect((await admin.get(`/beheer/factsheet/2022/${A.code}0.pdf`)).status).toBe(404);
  });

  it('the public only the example; signed out, /beheer sends to sign-in', async () => {
    const res = await get('/voorbeeld/factsheet.pdf');
    const text = await pdfText(res);
    expect(text).toContain('Gravendonck');
    expect(text).toContain('VOORBEELD');
    for (const p of [`/beheer/factsheet/2022/${A.code}.pdf`, '/beheer/factsheet/2022/GM9999.pdf', '/beheer/factsheets/2022.zip', '/beheer/factsheets']) {
      const r = await get(p);
      expect(r.status, p).toBe(303);
      expect(r.headers.get('location')).toMatch(/^\/inloggen\?terug=/);
    }
  });

  it('the ZIP of all factsheets is for the bureau only, one PDF per submitting municipality', async () => {
    expect((await advisorOfA.get('/beheer/factsheets/2022.zip')).status).toBe(403);
    expect((await ministry.get('/beheer/factsheets/2022.zip')).status).toBe(403);
    const page = await admin.get('/beheer/factsheets');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/beheer/factsheets/2022.zip"');
    const res = await admin.get('/beheer/factsheets/2022.zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const names = Object.keys(zip.files).sort();
    const codes = await submittedCodes(db, 2022);
    expect(codes).toHaveLength(162);
    expect(names).toEqual(codes.map((c) => `${c}.pdf`));
    const one = await zip.file(`${B.code}.pdf`)!.async('nodebuffer');
    expect(inspect(one).text).toContain(B.name);
    expect((await admin.get('/beheer/factsheets/2030.zip')).status).toBe(404);
  }, 120_000);
});

describe('the CLI', () => {
  const ctx = (lines: string[]) => ({ db, config, now: () => clock, out: (s: string) => lines.push(s) });

  it('factsheet writes one municipality’s PDF, and refuses one that did not submit', async () => {
    const lines: string[] = [];
    const out = path.join(tmp, 'one.pdf');
    await factsheetCommand.run(['--edition', '2022', '--municipality', A.code, '--out', out], ctx(lines));
    expect(inspect(fs.readFileSync(out)).text).toContain(A.name);
    expect(lines.join('\n')).toContain(out);
    await expect(factsheetCommand.run(['--edition', '2022', '--municipality', open.code, '--out', out], ctx([]))).rejects.toThrow(/niet verstuurd/);
    await expect(factsheetCommand.run(['--edition', '2022', '--municipality', 'Utrecht', '--out', out], ctx([]))).rejects.toThrow(/CBS-code/);
  });

  // How fast is measured in `npm run bench` (factsheets), not here: a busy machine is not a bug.
  it('factsheets writes GMxxxx.pdf for every municipality that submitted, all 162 of 2022', async () => {
    const dir = path.join(tmp, 'all');
    const lines: string[] = [];
    await factsheetsCommand.run(['--edition', '2022', '--out', dir], ctx(lines));
    expect(fs.readdirSync(dir).sort()).toEqual((await submittedCodes(db, 2022)).map((c) => `${c}.pdf`));
  }, 300_000);
});
