// A Typst compiler in a child process, for a batch of factsheets (typst-pool.service.ts). Not a
// worker thread: Typst's memo caches are process-wide and locked, so two compilers in one process
// take turns (measured: two threads no faster than one); two processes use two cores. Plain
// JavaScript, so it starts without a TypeScript loader. It gets the template once and per
// factsheet its data.json and SVG files, and answers the PDF bytes or the diagnostics.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

let compiler;
let workspace;
let template;

process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m.init) {
    ({ workspace, template } = m.init);
    compiler = NodeCompiler.create({ workspace });
    return;
  }
  const { id, json, files, creationTimestamp } = m;
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
      process.send({ id, error: detail });
      return;
    }
    const pdf = compiler.pdf(doc, { pdfStandard: 'ua-1', pdfTags: true, creationTimestamp });
    compiler.evictCache(10);
    process.send({ id, pdf: new Uint8Array(pdf) });
  } catch (e) {
    process.send({ id, error: String(e?.message ?? e) });
  }
});
