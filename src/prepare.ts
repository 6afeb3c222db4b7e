// The first start on a fresh DATA_DIR (embedded database) with the demo: schema, reference data
// and the demo, in a process of its own that src/main.ts starts and waits for. Loading them grows PGlite's
// WebAssembly memory (and Node's heap) by hundreds of megabytes, and WebAssembly memory never
// shrinks: done here, the server starts with only what serving needs (issue 21, decision 014).
import { loadDemoIfEmpty, loadReferenceData } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { createLogger } from './modules/operations/index.ts';

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, 'cli');
  try {
    await loadReferenceData(db);
    if (config.demo && (await loadDemoIfEmpty(db, new Date()))) log.info('Demogegevens geladen (start zonder: DEMO=0).');
  } finally {
    await db.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
