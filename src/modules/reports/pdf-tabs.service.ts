// Every page of a published PDF gets /Tabs /S (tab order follows the structure tree). Typst writes
// it only on pages with links; the accessibility audit (issue 22) and PDF/UA checkers ask it on all.
// Fast path: Typst writes plain page objects and a classic xref table, so the key is put into each
// page dictionary and the xref offsets are shifted (about 1 ms; rewriting with pdf-lib took 25–250 ms,
// too slow for 162 factsheets in a row). Anything else goes through pdf-lib.
import { PDFDocument, PDFName } from 'pdf-lib';

const PAGE = /\n\d+ 0 obj\n<<\n( *)\/Type \/Page\n/g;

/** The PDF with `/Tabs /S` on every page; undefined when its layout is not the one Typst writes. */
export function insertTabOrder(pdf: Uint8Array): Buffer | undefined {
  const text = Buffer.from(pdf).toString('latin1');
  const start = text.lastIndexOf('startxref\n');
  const xrefAt = start < 0 ? Number.NaN : Number(/startxref\n(\d+)/.exec(text.slice(start))?.[1]);
  if (!Number.isFinite(xrefAt) || !text.startsWith('xref\n', xrefAt)) return undefined;
  // Where a key goes in: after "/Type /Page", unless the dictionary has /Tabs already.
  const inserts: Array<{ at: number; add: string }> = [];
  for (const m of text.matchAll(PAGE)) {
    const at = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endobj', at);
    if (end < 0) return undefined;
    if (!text.slice(at, end).includes('/Tabs')) inserts.push({ at, add: `${m[1]}/Tabs /S\n` });
  }
  if (!inserts.length) return text.includes('/Type /Page\n') ? Buffer.from(pdf) : undefined;
  const shift = (offset: number) => inserts.reduce((sum, i) => (i.at <= offset ? sum + i.add.length : sum), 0);
  // The xref table: "0000007228 00000 n" entries keep their width, so only the numbers change.
  const trailerAt = text.indexOf('trailer', xrefAt);
  if (trailerAt < 0) return undefined;
  const xref = text.slice(xrefAt, trailerAt).replace(/^(\d{10}) (\d{5}) n/gm, (_, off: string, gen: string) => `${String(Number(off) + shift(Number(off))).padStart(10, '0')} ${gen} n`);
  const parts: string[] = [];
  let from = 0;
  for (const i of inserts) {
    parts.push(text.slice(from, i.at), i.add);
    from = i.at;
  }
  parts.push(text.slice(from, xrefAt), xref, text.slice(trailerAt, start), `startxref\n${xrefAt + shift(xrefAt)}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

export async function withStructureTabOrder(pdf: Uint8Array): Promise<Buffer> {
  const fast = insertTabOrder(pdf);
  if (fast) return fast;
  // updateMetadata false: keep Typst's title, dates and XMP (PDF/UA identification) as they are.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const page of doc.getPages()) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  return Buffer.from(await doc.save({ updateFieldAppearances: false }));
}
