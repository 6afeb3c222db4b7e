// Every page of a published PDF gets /Tabs /S (tab order follows the structure tree). Typst writes
// it only on pages with links; the accessibility audit (issue 22) and PDF/UA checkers ask it on all.
import { PDFDocument, PDFName } from 'pdf-lib';

export async function withStructureTabOrder(pdf: Uint8Array): Promise<Buffer> {
  // updateMetadata false: keep Typst's title, dates and XMP (PDF/UA identification) as they are.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const page of doc.getPages()) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  return Buffer.from(await doc.save({ updateFieldAppearances: false }));
}
