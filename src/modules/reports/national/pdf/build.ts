// The national report as PDF bytes, made by Typst (typst.ts, native, npm only): tagged PDF with
// the document language set, charts as vector SVG. One compiler per process: creating it loads
// the fonts (~150 ms); the files of each report are mapped in memory, never written to disk.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Db } from '../../../../db/client.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import { cachedResults } from '../cache.ts';
import { loadResults, type ResultsData } from '../data.ts';
import { withStructureTabOrder } from '../../pdf-tabs.service.ts';
import { reportData } from './report-data.ts';

const template = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'report.typ'), 'utf8');
/** A virtual folder: every file the template reads lives in the compiler's memory. */
const WORKSPACE = '/national-report';
let compiler: NodeCompiler | undefined;

export class ReportError extends Error {}

export async function nationalReportPdf(data: ResultsData, lang: Lang, now: Date): Promise<Buffer> {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE });
  const c = compiler;
  const { json, files } = reportData(data, lang, now);
  c.resetShadow();
  c.mapShadow(`${WORKSPACE}/data.json`, Buffer.from(JSON.stringify(json)));
  for (const [file, svg] of files) c.mapShadow(`${WORKSPACE}${file}`, Buffer.from(svg));
  const result = c.compile({ mainFileContent: template });
  const doc = result.result;
  if (!doc || result.hasError()) {
    const diagnostics = result.takeDiagnostics() ?? result.takeError();
    const detail = diagnostics ? JSON.stringify(c.fetchDiagnostics(diagnostics)).slice(0, 500) : 'onbekende fout';
    throw new ReportError(`Het rapport kon niet worden gemaakt: ${detail}`);
  }
  // Tags are Typst's default from 0.14 on; asked for explicitly so an upgrade cannot drop them.
  // PDF/UA-1: Typst then refuses an image without alt text and sets the title shown (decision 015).
  const pdf = c.pdf(doc, { pdfStandard: 'ua-1', pdfTags: true, creationTimestamp: Math.floor(now.getTime() / 1000) });
  c.evictCache(10);
  return withStructureTabOrder(pdf);
}

export type BuildOptions = { lang?: Lang; now?: Date; includeUnpublished?: boolean };

/** The PDF of one edition; undefined when it does not exist or is not published (and no concept was asked). */
export async function buildNationalReportPdf(db: Db, year: number, options: BuildOptions = {}): Promise<Buffer | undefined> {
  // A published edition comes from the public pages' cache (one object while its rows are
  // unchanged), so its charts are made once (report-data.ts); a concept is read afresh.
  const data = options.includeUnpublished ? await loadResults(db, year, { includeUnpublished: true }) : await cachedResults(db, year);
  if (!data) return undefined;
  return nationalReportPdf(data, options.lang ?? 'nl', options.now ?? new Date());
}
