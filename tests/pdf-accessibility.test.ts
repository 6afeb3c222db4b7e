// The structure of the PDFs we publish (issue 22), read from the files as a screen reader gets them:
// every Figure's numbers are in its alt text or in the tagged Table it names; every page has
// /Tabs /S; language, title (shown as the window title) and the PDF/UA-1 identification are set.
// pdf-lib reads the page and catalog dictionaries, pdfjs-dist the structure tree and its text.
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { buildFactsheet, factsheetPdf, submittedCodes } from '../src/modules/reports/factsheet/index.ts';
import { LEVELS } from '../src/modules/reports/factsheet/status.ts';
import { pct } from '../src/modules/reports/municipal/index.ts';
import { loadResults, nationalReportPdf } from '../src/modules/reports/national/index.ts';
import type { ResultsData } from '../src/modules/reports/national/data.ts';
import { figureNumbers } from '../src/modules/reports/national/figures.ts';
import { formatPercent } from '../src/modules/reports/national/i18n.ts';
import { questionResult, themeQuestions } from '../src/modules/reports/national/questions.ts';
import { ratePercent } from '../src/modules/reports/national/response.ts';
import { createTestDb } from './test-db.ts';

type Node = { role: string; alt?: string; text: string; children: Node[] };
type Structure = { badXref: string[]; tabs: string[]; lang: string; title: string; displayTitle: string; uaPart: string; elements: Node[] };

/**
 * xref entries that do not point at their object. The readers below rebuild a broken table
 * silently, so the offsets (shifted when /Tabs is put into the pages) are checked byte by byte.
 */
function badXrefEntries(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const at = Number(/startxref\n(\d+)\s*%%EOF\s*$/.exec(text)?.[1]);
  if (!text.startsWith('xref\n', at)) return ['no classic xref table at startxref'];
  const table = text.slice(at, text.indexOf('trailer', at));
  const bad: string[] = [];
  let n = 0;
  for (const line of table.split('\n').slice(1)) {
    const sub = /^(\d+) (\d+)$/.exec(line.trim());
    if (sub) n = Number(sub[1]);
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (!entry) continue;
    if (entry[3] === 'n' && !text.startsWith(`${n} ${Number(entry[2])} obj`, Number(entry[1]))) bad.push(`object ${n} at ${entry[1]}`);
    n += 1;
  }
  return bad;
}

/** Every structure element in document order (a table over two pages is two fragments). */
async function structure(pdf: Buffer): Promise<Structure> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const meta = doc.catalog.lookup(PDFName.of('Metadata'));
  const xmp = meta instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(meta).decode()).toString('utf8') : '';
  const reader = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const elements: Node[] = [];
  for (let p = 1; p <= reader.numPages; p++) {
    const page = await reader.getPage(p);
    // Marked content id → its text, from the page's text in content order.
    const text = new Map<string, string>();
    const open: string[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('str' in item) for (const id of open) text.set(id, (text.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
      else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
    }
    type Raw = { role?: string; alt?: string; type?: string; id?: string; children?: Raw[] };
    const walk = (raw: Raw): Node => {
      const children = (raw.children ?? []).filter((c) => c.role).map(walk);
      const own = (raw.children ?? []).filter((c) => c.type === 'content').map((c) => text.get(c.id ?? '') ?? '');
      return { role: raw.role ?? '', alt: raw.alt, text: [...own, ...children.map((c) => c.text)].join(' ').replace(/\s+/g, ' ').trim(), children };
    };
    const flat = (n: Node) => {
      elements.push(n);
      n.children.forEach(flat);
    };
    const tree = (await page.getStructTree()) as Raw | null;
    if (tree) flat(walk(tree));
  }
  await reader.destroy();
  return {
    badXref: badXrefEntries(pdf),
    tabs: doc.getPages().map((p) => String(p.node.get(PDFName.of('Tabs')))),
    lang: String(doc.catalog.get(PDFName.of('Lang'))),
    title: doc.getTitle() ?? '',
    displayTitle: String(doc.catalog.lookup(PDFName.of('ViewerPreferences'))?.toString().match(/DisplayDocTitle\s+(\w+)/)?.[1]),
    uaPart: /pdfuaid:part>(\d)</.exec(xmp)?.[1] ?? /pdfuaid:part="(\d)"/.exec(xmp)?.[1] ?? '',
    elements,
  };
}

/** Tables with their text, fragments on later pages joined to the table they continue. */
function tables(s: Structure): Array<{ caption: string; text: string }> {
  const out: Array<{ caption: string; text: string }> = [];
  for (const t of s.elements.filter((e) => e.role === 'Table')) {
    const caption = t.children.find((c) => c.role === 'Caption')?.text ?? '';
    if (caption || !out.length) out.push({ caption, text: t.text });
    else out[out.length - 1].text += ` ${t.text}`;
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
const now = new Date('2024-03-01T10:00:00Z');
let db: Db;
let data: ResultsData;
let national: Structure;

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo(db, { now });
  data = (await loadResults(db, 2022))!;
  national = await structure(await nationalReportPdf(data, 'nl', now));
}, 180_000);
afterAll(async () => {
  await db?.close();
});

function expectDocument(s: Structure, lang: string, title: RegExp) {
  expect(s.badXref).toEqual([]);
  expect(s.tabs.length).toBeGreaterThan(0);
  expect(s.tabs.filter((t) => t !== '/S'), 'pages without /Tabs /S').toEqual([]);
  expect(s.lang).toBe(`(${lang})`);
  expect(s.title).toMatch(title);
  expect(s.displayTitle).toBe('true');
  expect(s.uaPart).toBe('1');
}

describe('the national report 2022 as PDF', () => {
  it('is PDF/UA-1, Dutch, titled, with /Tabs /S on every page', () => {
    expectDocument(national, 'nl', /Landelijke resultaten 2022/);
  });

  it('gives every figure an alt text that names where its numbers are, and those tables hold them', () => {
    const figures = national.elements.filter((e) => e.role === 'Figure');
    const all = tables(national);
    const numbers = figureNumbers(data);
    const questions = data.questionnaire.themes.flatMap((t) => themeQuestions(data, t.key));
    // 25 figures in the report 2022: the map, the provinces (2 parts) and 17 questions, some in parts
    expect(figures.length).toBeGreaterThanOrEqual(2 + questions.length);
    const seen = new Set<number>();
    for (const f of figures) {
      expect(f.alt, 'figure without alt text').toBeTruthy();
      const alt = f.alt ?? '';
      const ref = /tabel (\d+) in de bijlage/.exec(alt);
      if (ref) {
        // A question chart: its table in the appendix holds every percentage (count) and n it shows.
        const n = Number(ref[1]);
        seen.add(n);
        const q = questions.find((q) => numbers.get(q.key) === n);
        expect(q, `figure ${n}`).toBeDefined();
        const table = all.find((t) => t.caption.startsWith(`Tabel ${n}.`));
        expect(table, `tagged table ${n}`).toBeDefined();
        const text = squash(table?.text ?? '');
        for (const row of questionResult(data, q!).rows) {
          if (row.asked) expect(text).toContain(String(row.n));
          for (const cell of row.cells) {
            if (cell && !cell.suppressed && cell.percent !== null) expect(text, `figure ${n}, ${row.edition}`).toContain(`${formatPercent('nl', cell.percent)} (${cell.count})`);
          }
        }
      } else if (/tabel hieronder/i.test(alt)) {
        // Response per province: the table below it holds every rate of every edition.
        const table = all.find((t) => t.caption.startsWith('Respons per provincie'));
        expect(table).toBeDefined();
        for (const e of data.editions) {
          for (const p of data.provinces) {
            const t = data.response.get(e)?.byProvince.get(p.code);
            const rate = t ? ratePercent(t) : null;
            if (rate !== null) expect(squash(table?.text ?? '')).toContain(formatPercent('nl', rate));
          }
        }
      } else if (alt.startsWith('Respons per dag')) {
        // The response over time (the demo has no fieldwork steps): from the first to the last day.
        const days = data.timeline?.days ?? [];
        expect(alt).toContain(`van ${days[0].rate}%`);
        expect(alt).toContain(`tot ${days.at(-1)?.rate}%`);
      } else {
        // The map states its one number itself.
        expect(alt).toContain(`${data.response.get(2022)?.responded} gemeenten`);
      }
    }
    expect(seen.size, 'every question figure has its table').toBe(questions.filter((q) => questionResult(data, q).rows.length).length);
  });
});

describe('a factsheet as PDF', () => {
  it('is PDF/UA-1, titled, /Tabs /S everywhere, and its chart states every share in its alt text (nl and en)', async () => {
    const code = (await submittedCodes(db, 2022))[0];
    for (const lang of ['nl', 'en'] as const) {
      const f = (await buildFactsheet(db, 2022, code, lang))!;
      const s = await structure(await factsheetPdf(f, now));
      expectDocument(s, lang, new RegExp(f.report.municipality.name));
      const figures = s.elements.filter((e) => e.role === 'Figure');
      expect(figures.length).toBeGreaterThan(0);
      for (const fig of figures) expect(fig.alt, 'figure without alt text').toBeTruthy();
      const overview = figures.find((fig) => fig.alt?.includes(f.report.municipality.name));
      expect(overview).toBeDefined();
      for (const t of f.themes) {
        expect(overview?.alt).toContain(t.short);
        for (const l of LEVELS) {
          const share = t.national?.[l].percent;
          if (share != null) expect(overview?.alt, `${t.short} ${l}`).toContain(pct(lang, share)); // one decimal, as every share (decision 021)
        }
      }
    }
  });
});
