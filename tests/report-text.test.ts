// The bureau's report text (issue 18, points 1–2): placeholders resolve to exactly the numbers of
// the statistics module (every kind), unknown and suppressed placeholders block publishing, drafts
// versus what was published, a stale save is refused, and the CLI refuses wrong input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cli-error.ts';
import { editionCommand } from '../src/cli/commands/edition.ts';
import { reportTextCommand } from '../src/cli/commands/report-text.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { changeState } from '../src/modules/edition-admin/index.ts';
import { getEdition } from '../src/modules/editions/index.ts';
import {
  chapterStates, createResolver, editionData, ensureChapters, findPublication, placeholdersIn, problemsIn, renderHtml, saveDraft, StaleRevisionError,
  placeholderSources, textForResults, TextProblemsError, writeFirstDraft,
} from '../src/modules/report-text/index.ts';
import { MIN_N } from '../src/modules/reports/national/index.ts';
import { figureNumbers } from '../src/modules/reports/national/figures.ts';
import { provincesByEdition } from '../src/modules/register/index.ts';
import { listSubmittedResponses } from '../src/modules/responses/submitted.ts';
import { computeStats, suppress } from '../src/modules/statistics/index.ts';
import { seedReportTextData } from './report-text-fixtures.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-03-01T10:00:00Z');
let db: Db;

const lines: string[] = [];
const ctx = () => ({ db, config, now: () => now, out: (l: string) => lines.push(l) });
async function cli(...args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  lines.length = 0;
  try {
    await reportTextCommand.run(args, ctx());
    return { ok: true, out: lines.join('\n'), err: '' };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    expect(e.exitCode).not.toBe(0);
    return { ok: false, out: lines.join('\n'), err: e.message };
  }
}

let tmp: string;
const file = (name: string, body: string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, body);
  return p;
};

beforeAll(async () => {
  db = await createTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-text-'));
  await seedReportTextData(db, now);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('placeholders resolve to the statistics module\'s numbers', () => {
  it('every kind, checked against computeStats/suppress and by hand', async () => {
    const data = await editionData(db, 2022);
    const { resolve } = createResolver(data, 'nl');
    const value = (name: string) => {
      const r = resolve(name);
      if (!r.ok) throw new Error(`${name}: ${r.problem}`);
      return r.value;
    };
    // The statistics module on its own, the way the national results call it.
    const submitted = await listSubmittedResponses(db, data.editions);
    const rows = suppress(computeStats(data.qns, submitted, await provincesByEdition(db), { editions: data.editions, scopes: ['national', 'province', 'panel'], panelEditions: data.editions }), { minN: MIN_N });
    const row = (edition: number, scope: string, question: string, option: string, item: string | null = null) =>
      rows.find((r) => r.edition === edition && r.scope === scope && r.question === question && r.option === option && r.item === item);
    // A share has one decimal everywhere (decision 021).
    const share = (r: { count: number; n: number } | undefined) => Math.round((1000 * (r?.count ?? 0)) / (r?.n ?? 1)) / 10;

    // respons.*: the invitations and submissions (by hand: 12 of 16, 75%)
    expect(value('respons.ingevuld')).toBe(12);
    expect(value('respons.uitgenodigd')).toBe(16);
    expect(value('respons.percent')).toBe(75);
    expect(value('respons.vorige.ingevuld')).toBe(8);
    // panel.n: four municipalities answered both years
    expect(value('panel.n')).toBe(4);
    expect(value('panel.n')).toBe(data.panel.size);
    // vraag.K.O.percent / aantal / vorige / verschil / panel / provincie
    const ja22 = row(2022, 'national', 'week_tegen_eenzaamheid', 'ja');
    expect(ja22?.count).toBe(8);
    expect(value('vraag.week_tegen_eenzaamheid.ja.aantal')).toBe(ja22?.count);
    expect(value('vraag.week_tegen_eenzaamheid.ja.percent')).toBe(share(ja22));
    expect(value('vraag.week_tegen_eenzaamheid.ja.percent')).toBe(72.7);
    expect(resolve('vraag.week_tegen_eenzaamheid.ja.percent')).toMatchObject({ ok: true, text: '72,7' });
    expect(value('vraag.week_tegen_eenzaamheid.n')).toBe(ja22?.n);
    const ja21 = row(2021, 'national', 'week_tegen_eenzaamheid', 'ja');
    expect(value('vraag.week_tegen_eenzaamheid.ja.vorige')).toBe(share(ja21));
    expect(value('vraag.week_tegen_eenzaamheid.ja.vorige')).toBe(62.5);
    expect(value('vraag.week_tegen_eenzaamheid.ja.verschil')).toBe(10.2);
    expect(resolve('vraag.week_tegen_eenzaamheid.ja.verschil')).toMatchObject({ ok: true, text: '+10,2' });
    const panel = row(2022, 'panel', 'week_tegen_eenzaamheid', 'ja');
    expect(panel?.suppressed).toBe(true); // the panel of four is below the minimum
    expect(resolve('vraag.week_tegen_eenzaamheid.ja.panel')).toMatchObject({ ok: false, problem: 'suppressed' });
    // per province: the same figure where the statistics show it, a problem where they hide it
    const seen = { shown: 0, hidden: 0 };
    for (const p of data.provinces) {
      const r = row(2022, `province:${p.code}`, 'week_tegen_eenzaamheid', 'ja');
      if (!r || r.n === 0) continue;
      const name = `vraag.week_tegen_eenzaamheid.ja.provincie.${p.code}`;
      if (r.suppressed) {
        seen.hidden++;
        expect(resolve(name), name).toMatchObject({ ok: false, problem: 'suppressed' });
      } else {
        seen.shown++;
        expect(value(name), name).toBe(share(r));
      }
    }
    expect(seen.shown).toBeGreaterThan(0);
    expect(seen.hidden).toBeGreaterThan(0);
    // a matrix item below the minimum is suppressed too
    expect(resolve('vraag.doelgroepen.ouderen.ja.percent')).toMatchObject({ ok: false, problem: 'suppressed' });
    // figuur.K: the number the charts carry on the web and in the PDF
    const numbers = figureNumbers(data);
    expect(value('figuur.week_tegen_eenzaamheid')).toBe(numbers.get('week_tegen_eenzaamheid'));
    expect(resolve('figuur.week_tegen_eenzaamheid')).toMatchObject({ text: `figuur ${numbers.get('week_tegen_eenzaamheid')}` });
    expect(createResolver(data, 'en').resolve('figuur.kaart')).toMatchObject({ ok: true, text: 'figure 1' });
    // unknown: a question, option, measure or kind that does not exist
    for (const bad of ['vraag.bestaat_niet.ja.percent', 'vraag.week_tegen_eenzaamheid.misschien.percent', 'vraag.week_tegen_eenzaamheid.ja.gemiddelde', 'respons.jaar', 'figuur.bestaat_niet', 'code.ggd.aantal']) {
      expect(resolve(bad)).toMatchObject({ ok: false, problem: 'unknown' });
    }
  });

  it('the insert list offers only placeholders that resolve or are honestly suppressed', async () => {
    const data = await editionData(db, 2022);
    const r = createResolver(data, 'nl');
    const names = r.catalogue().flatMap((g) => g.entries.map((e) => e.name));
    expect(names).toContain('vraag.week_tegen_eenzaamheid.ja.percent');
    expect(names).toContain('figuur.week_tegen_eenzaamheid');
    for (const name of names) {
      const res = r.resolve(name);
      if (!res.ok) expect(res.problem, name).not.toBe('unknown');
    }
  });

  it('shows a problem at the placeholder in the preview, and "–" on a public page', async () => {
    const data = await editionData(db, 2022);
    const { resolve } = createResolver(data, 'nl');
    const md = 'In {respons.ingevuld} gemeenten, **{vraag.week_tegen_eenzaamheid.ja.percent}%**; {bestaat.niet} <script>x</script>';
    const preview = renderHtml(md, resolve, { headingBase: 3, preview: { problemText: (_n, p) => p } }).html;
    expect(preview).toContain('In 12 gemeenten, <strong>72,7%</strong>');
    expect(preview).toContain('<mark class="placeholder-error" id="plaatshouder-3">{bestaat.niet}');
    expect(preview).toContain('&lt;script&gt;');
    expect(renderHtml(md, resolve, { headingBase: 3 }).html).toContain('; –');
    expect(placeholdersIn(md, resolve).map((u) => u.resolved.ok)).toEqual([true, true, false]);
  });
});

describe('drafts, stale saves and publishing', () => {
  it('starts with the default chapters: summary, introduction, response, the action lines and pillars, conclusions', async () => {
    const chapters = await ensureChapters(db, 2022);
    expect(chapters.map((c) => c.slug).slice(0, 3)).toEqual(['samenvatting', 'inleiding', 'aanpak-en-respons']);
    expect(chapters.at(-1)?.slug).toBe('conclusies');
    expect(chapters.filter((c) => c.theme).length).toBeGreaterThanOrEqual(7);
  });

  it('refuses a save on a stale revision, with the colleague\'s version; two saves at once write one version', async () => {
    const first = await saveDraft(db, { year: 2022, slug: 'inleiding', lang: 'nl', body: 'Eerste tekst.', expectedRevision: 0, now, accountId: null, via: 'web' });
    expect(first?.revision).toBe(1);
    const stale = saveDraft(db, { year: 2022, slug: 'inleiding', lang: 'nl', body: 'Tekst van een collega.', expectedRevision: 0, now, accountId: null, via: 'web' });
    await expect(stale).rejects.toBeInstanceOf(StaleRevisionError);
    await expect(stale).rejects.toMatchObject({ current: { revision: 1, body: 'Eerste tekst.' } });
    const both = await Promise.allSettled([1, 2].map((i) => saveDraft(db, { year: 2022, slug: 'inleiding', lang: 'nl', body: `Versie ${i}.`, expectedRevision: 1, now, accountId: null, via: 'web' })));
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(StaleRevisionError);
    const state = (await chapterStates(db, 2022)).find((c) => c.slug === 'inleiding');
    expect(state?.drafts.nl?.revision).toBe(2);
  });

  it('an unknown or suppressed placeholder blocks publishing the edition; fixed, text and edition are published together', async () => {
    const states = await chapterStates(db, 2022);
    const rev = (slug: string) => states.find((c) => c.slug === slug)?.drafts.nl?.revision ?? 0;
    await saveDraft(db, { year: 2022, slug: 'samenvatting', lang: 'nl', body: 'Respons {respons.percent}%. {vraag.bestaat_niet.ja.percent}', expectedRevision: rev('samenvatting'), now, accountId: null, via: 'web' });
    await expect(changeState(db, 2022, 'publish', now)).rejects.toBeInstanceOf(TextProblemsError);
    expect((await getEdition(db, 2022))?.publishedAt).toBeNull();
    // the CLI refuses too, naming the placeholder
    lines.length = 0;
    await expect(editionCommand.run(['2022', '--publish'], ctx())).rejects.toThrow(/\{vraag\.bestaat_niet\.ja\.percent\}/);
    expect((await getEdition(db, 2022))?.publishedAt).toBeNull();
    // suppressed blocks as well
    await saveDraft(db, { year: 2022, slug: 'samenvatting', lang: 'nl', body: 'Groningen: {vraag.week_tegen_eenzaamheid.nee.provincie.PV20}%', expectedRevision: 1, now, accountId: null, via: 'web' });
    await expect(changeState(db, 2022, 'publish', now)).rejects.toMatchObject({ problems: [{ problem: 'suppressed' }] });
    await saveDraft(db, { year: 2022, slug: 'samenvatting', lang: 'nl', body: 'Respons {respons.percent}% (zie {figuur.kaart}).', expectedRevision: 2, now, accountId: null, via: 'web' });
    await changeState(db, 2022, 'publish', now);
    expect((await getEdition(db, 2022))?.publishedAt).not.toBeNull();
    const published = await findPublication(db, 2022);
    expect(published?.chapters.find((c) => c.slug === 'samenvatting')?.body.nl).toBe('Respons {respons.percent}% (zie {figuur.kaart}).');
  });

  it('after publication a new draft does not change what the public sees until it is published', async () => {
    await saveDraft(db, { year: 2022, slug: 'samenvatting', lang: 'nl', body: 'Nieuwe concepttekst.', expectedRevision: 3, now, accountId: null, via: 'web' });
    const pub = await textForResults(db, 2022, false);
    expect(pub?.chapters.find((c) => c.slug === 'samenvatting')?.body.nl).toBe('Respons {respons.percent}% (zie {figuur.kaart}).');
    const concept = await textForResults(db, 2022, true);
    expect(concept?.chapters.find((c) => c.slug === 'samenvatting')?.body.nl).toBe('Nieuwe concepttekst.');
    const data = await editionData(db, 2022);
    expect(problemsIn(data, [{ slug: 'x', lang: 'en', body: '{respons.percent} {panel.n}' }])).toEqual([]);
  });
});

describe('cli report-text', () => {
  it('sets a chapter and lists the chapters', async () => {
    const ok = await cli('--edition', '2022', '--chapter', 'conclusies', '--lang', 'en', '--file', file('c.md', 'In {respons.vorige.percent}% …'));
    expect(ok.ok, ok.err).toBe(true);
    expect(ok.out).toContain('versie 1');
    const list = await cli('--edition', '2022', '--list');
    expect(list.out).toMatch(/conclusies – Conclusies en aanbevelingen · nl leeg · en versie 1/);
  });

  it('refuses wrong input and unknown placeholders, naming every one, and saves nothing', async () => {
    const md = file('bad.md', '{respons.ingevuld} {vraag.nope.ja.percent} {figuur.nope} {respons.jaar}');
    const bad = await cli('--edition', '2022', '--chapter', 'inleiding', '--lang', 'nl', '--file', md);
    expect(bad.ok).toBe(false);
    for (const n of ['{vraag.nope.ja.percent}', '{figuur.nope}', '{respons.jaar}']) expect(bad.err).toContain(n);
    expect(bad.err).not.toContain('{respons.ingevuld}');
    expect((await chapterStates(db, 2022)).find((c) => c.slug === 'inleiding')?.drafts.nl?.revision).toBe(2);
    expect((await cli('--edition', '2022', '--chapter', 'nope', '--lang', 'nl', '--file', md)).err).toMatch(/Hoofdstuk nope bestaat niet in editie 2022; wel: samenvatting, inleiding/);
    expect((await cli('--edition', '2022', '--chapter', 'inleiding', '--lang', 'de', '--file', md)).err).toContain('--lang is nl of en');
    expect((await cli('--edition', '2022', '--chapter', 'inleiding', '--lang', 'nl', '--file', path.join(tmp, 'missing.md'))).err).toContain('Kan ');
    expect((await cli('--edition', '1999', '--list')).err).toContain('Editie 1999 bestaat niet');
    expect((await cli('--edition', '22', '--list')).err).toContain('jaartal');
    expect((await cli('--edition', '2022', '--chapter', 'inleiding', '--lang', 'nl')).err).toContain('--file');
  });
});

describe('first draft from the data (issue 18.3)', () => {
  it('writes only into chapters without text, every number a placeholder that resolves, the largest change first', async () => {
    const before = await chapterStates(db, 2022);
    const written = await writeFirstDraft(db, 2022, now, null, 'cli');
    expect(written).toBeGreaterThan(0);
    const after = await chapterStates(db, 2022);
    // existing text stays
    for (const c of before) for (const l of ['nl', 'en'] as const) if (c.drafts[l]) expect(after.find((x) => x.slug === c.slug)?.drafts[l]?.revision).toBe(c.drafts[l]?.revision);
    const data = await editionData(db, 2022);
    const texts = after.flatMap((c) => Object.values(c.drafts).map((d) => ({ slug: c.slug, lang: d.lang, body: d.body })));
    expect(problemsIn(data, texts)).toEqual([]);
    const theme = data.questionnaire.questions.find((q) => q.key === 'week_tegen_eenzaamheid')?.theme;
    const nl = after.find((c) => c.theme === theme)?.drafts.nl?.body ?? '';
    // ja went from 5/8 (62,5%) to 8/11 (72,7%), nee from 3/8 (37,5%) to 3/11 (27,3%): the same change
    // (10,2 points), mirrored; one sentence, about the first option
    expect(nl).toContain('{vraag.week_tegen_eenzaamheid.ja.vorige}% naar {vraag.week_tegen_eenzaamheid.ja.percent}%');
    expect(nl).not.toContain('{vraag.week_tegen_eenzaamheid.nee.verschil}');
    expect(nl).not.toMatch(/\d+%/); // numbers only as placeholders
    const html = renderHtml(nl, createResolver(data, 'nl').resolve, { headingBase: 3 }).html;
    expect(html).toMatch(/antwoordde met &quot;Ja&quot; steeg van 62,5% naar 72,7% \(\+10,2 procentpunt, zie <a href="[^"]+">figuur \d+<\/a>\)/);
    const en = after.find((c) => c.theme === theme)?.drafts.en?.body ?? '';
    expect(renderHtml(en, createResolver(data, 'en').resolve, { headingBase: 3 }).html).toContain('rose from 62.5% to 72.7% (+10.2 percentage points');
    const response = after.find((c) => c.slug === 'aanpak-en-respons')?.drafts.nl?.body ?? '';
    expect(renderHtml(response, createResolver(data, 'nl').resolve, { headingBase: 3 }).html).toContain('In 2022 vulden 12 van de 16 uitgenodigde gemeenten de vragenlijst in (75%).');
    // a second run changes nothing
    const again = await cli('--edition', '2022', '--draft');
    expect(again.out).toContain('er is niets veranderd');
  });
});

describe('cli report-text as a process', () => {
  it('exits non-zero with the reason on stderr, naming every unknown placeholder', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = path.resolve(import.meta.dirname, '..');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-text-cli-'));
    try {
      const md = file('cli-bad.md', 'Respons {respons.ingevuld}, {vraag.bestaat_niet.ja.percent} en {figuur.nergens}.');
      const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', 'report-text', '--edition', '2022', '--chapter', 'samenvatting', '--lang', 'nl', '--file', md], {
        cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DEMO: '0', DATABASE_URL: '', BASE_URL: 'https://benchmark.example.nl' },
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('{vraag.bestaat_niet.ja.percent} (onbekend)');
      expect(r.stderr).toContain('{figuur.nergens} (onbekend)');
      expect(r.stderr).not.toContain('{respons.ingevuld}');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('extension point for other placeholders (issue 18.5; the real one, code, in open-answers.test.ts)', () => {
  it('a registered source resolves its prefix for the edition; what it does not know stays an error', async () => {
    const source = {
      prefix: 'proef',
      load: async (_db: Db, edition: number) => ({
        prefix: 'proef',
        resolve: (segments: string[]) => (segments[0] === 'ggd-monitor' && segments[1] === 'aantal' ? { ok: true as const, text: String(edition - 2009), value: edition - 2009 } : undefined),
        list: () => [{ name: 'proef.ggd-monitor.aantal', label: 'GGD-monitor' }],
      }),
    };
    placeholderSources.push(source);
    try {
      const data = await editionData(db, 2022);
      const r = createResolver(data, 'nl');
      expect(r.resolve('proef.ggd-monitor.aantal')).toMatchObject({ ok: true, text: '13' });
      expect(r.resolve('proef.onbekend.aantal')).toMatchObject({ ok: false, problem: 'unknown' });
      expect(r.catalogue().flatMap((g) => g.entries.map((e) => e.name))).toContain('proef.ggd-monitor.aantal');
      expect(problemsIn(data, [{ slug: 'x', lang: 'nl', body: '{proef.ggd-monitor.aantal} gemeenten noemen de GGD-monitor.' }])).toEqual([]);
    } finally {
      placeholderSources.splice(placeholderSources.indexOf(source), 1);
    }
  });
});
