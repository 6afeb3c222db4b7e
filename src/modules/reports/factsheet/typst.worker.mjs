// A Typst compiler in a worker thread, for a batch of factsheets (batch.ts): Typst compiles
// synchronously, so a second core only helps from a second thread. Plain JavaScript on purpose: a
// worker does not inherit the tsx loader everywhere. It gets the template once and per factsheet
// its data.json and SVG files, and answers the PDF bytes or the diagnostics.
import { parentPort, workerData } from 'node:worker_threads';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const { workspace, template } = workerData;
const compiler = NodeCompiler.create({ workspace });

parentPort.on('message', ({ id, json, files, creationTimestamp }) => {
  try {
    compiler.resetShadow();
    compiler.mapShadow(`${workspace}/data.json`, Buffer.from(json));
    for (const [file, svg] of files) compiler.mapShadow(`${workspace}${file}`, Buffer.from(svg));
    compiler.mapShadow(`${workspace}/main.typ`, Buffer.from(template));
    const result = compiler.compile({ mainFilePath: `${workspace}/main.typ` });
    const doc = result.result;
    if (!doc || result.hasError()) {
      const diagnostics = result.takeDiagnostics() ?? result.takeError();
      const detail = diagnostics ? JSON.stringify(compiler.fetchDiagnostics(diagnostics)).slice(0, 500) : 'onbekende fout';
      parentPort.postMessage({ id, error: detail });
      return;
    }
    const pdf = compiler.pdf(doc, { pdfStandard: 'ua-1', pdfTags: true, creationTimestamp });
    compiler.evictCache(10);
    const bytes = new Uint8Array(pdf);
    parentPort.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.message ?? e) });
  }
});
