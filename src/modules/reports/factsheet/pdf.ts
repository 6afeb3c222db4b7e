// The factsheet as PDF bytes, made by Typst (typst.ts, native, as the national report): A4, tagged
// PDF with the document language, the overview chart as vector SVG. One compiler per process:
// creating it loads the fonts; each factsheet's files live in the compiler's memory only. Typst
// memoizes the parsed template and fonts between compiles, which is what makes 162 in a row fast.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Db } from '../../../db/client.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { buildFactsheet, type Factsheet } from './model.ts';
import { withStructureTabOrder } from '../pdf-tabs.service.ts';
import { factsheetData } from './pdf-data.ts';

export const template = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'factsheet.typ'), 'utf8');
/** A virtual folder: every file the template reads lives in the compiler's memory. */
export const WORKSPACE = '/factsheet';
let compiler: NodeCompiler | undefined;

export class FactsheetError extends Error {}

/** What one compile reads: the data as JSON text, the SVG files, the PDF's creation time. */
export type FactsheetInput = { json: string; files: Array<[string, string]>; creationTimestamp: number };

export function factsheetInput(f: Factsheet, now: Date): FactsheetInput {
  const { json, files } = factsheetData(f, now);
  return { json: JSON.stringify(json), files: [...files], creationTimestamp: Math.floor(now.getTime() / 1000) };
}

export async function factsheetPdf(f: Factsheet, now: Date): Promise<Buffer> {
  return compileFactsheet(factsheetInput(f, now));
}

/** Compiles in this thread; a batch uses worker threads instead (typst-pool.service.ts). */
export async function compileFactsheet({ json, files, creationTimestamp }: FactsheetInput): Promise<Buffer> {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE });
  const c = compiler;
  c.resetShadow();
  c.mapShadow(`${WORKSPACE}/data.json`, Buffer.from(json));
  for (const [file, svg] of files) c.mapShadow(`${WORKSPACE}${file}`, Buffer.from(svg));
  // As a file, not mainFileContent: diagnostics then carry a line and column.
  c.mapShadow(`${WORKSPACE}/main.typ`, Buffer.from(template));
  const result = c.compile({ mainFilePath: `${WORKSPACE}/main.typ` });
  const doc = result.result;
  if (!doc || result.hasError()) {
    const diagnostics = result.takeDiagnostics() ?? result.takeError();
    const detail = diagnostics ? JSON.stringify(c.fetchDiagnostics(diagnostics)).slice(0, 500) : 'onbekende fout';
    throw new FactsheetError(`De factsheet kon niet worden gemaakt: ${detail}`);
  }
  // Tags are Typst's default from 0.14 on; asked for explicitly so an upgrade cannot drop them.
  // PDF/UA-1: Typst then refuses an image without alt text and sets the title shown (decision 015).
  const pdf = c.pdf(doc, { pdfStandard: 'ua-1', pdfTags: true, creationTimestamp });
  // Keep the memo cache small: entries unused for this many compiles go (the template's stay).
  c.evictCache(10);
  return withStructureTabOrder(pdf);
}

export type FactsheetOptions = { lang?: Lang; now?: Date };

/** The PDF of one municipality and edition; undefined when there is no report (not submitted). */
export async function buildFactsheetPdf(db: Db, edition: number, code: string, options: FactsheetOptions = {}): Promise<Buffer | undefined> {
  const f = await buildFactsheet(db, edition, code, options.lang ?? 'nl');
  return f ? factsheetPdf(f, options.now ?? new Date()) : undefined;
}
