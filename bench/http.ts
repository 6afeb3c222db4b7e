// HTTP scenarios against the real server process, on PGlite and on a PostgreSQL server.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { listMunicipalities } from '../src/modules/register/index.ts';

export type Row = { scenario: string; db: string; rps: number; p50: number; p99: number; errors: number; memMb: number; target?: string };
const tsx = path.resolve('node_modules/.bin/tsx');

function peakRssMb(pid: number): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function startServer(env: Record<string, string>): Promise<{ proc: ChildProcess; port: number }> {
  // node --import tsx (not the tsx wrapper) so the pid is the server's and its memory is measured.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...env, PORT: '0', DEMO: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d) => {
      out += d;
      const m = out.match(/localhost:(\d+)/);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return { proc, port };
}

export async function runHttpScenarios(kind: 'pglite' | 'postgres', databaseUrl?: string, seconds = 10): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-bench-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', BASE_URL: '' };
  const { proc, port } = await startServer(env);
  try {
    // Setup through the same path the CLI uses (the server's socket on PGlite).
    const db = await openDatabase(loadConfig({ ...env, PORT: String(port) }), 'cli');
    const now = new Date();
    await openEdition(db, 2023, `${now.getFullYear() + 1}-12-31`, now);
    const munis = (await listMunicipalities(db, 2023)).slice(0, 50);
    const tokens = await Promise.all(munis.map((m) => createPersonalLink(db, 2023, m.code)));
    // Readers of the web report: municipalities that submitted in 2022 (demo data).
    const submitted = await db.query<{ code: string }>(
      `SELECT municipality_code AS code FROM responses WHERE edition = 2022 AND submitted_at IS NOT NULL ORDER BY 1 LIMIT 50`);
    const reports = await Promise.all(submitted.map(async (m) => `/v/${await createPersonalLink(db, 2022, m.code)}/rapport`));
    await db.close();
    const themes = ['signaleren', 'doorbreken', 'bestuurlijk_commitment', 'sterk_netwerk', 'betrokkenheid'];
    const scenarios = [
      { name: 'startpagina (50 tegelijk)', scenario: 'start', tokens },
      { name: 'thema opslaan (50 tegelijk)', scenario: 'save', tokens, target: 'p99 < 50 ms' },
      { name: 'webrapportage (50 lezers)', scenario: 'get', tokens: reports, target: 'p99 < 50 ms' },
      { name: 'landelijke resultaten (50 lezers)', scenario: 'get', tokens: Array.from({ length: 50 }, (_, i) => `/resultaten/2022/thema/${themes[i % 5]}`), target: 'p99 < 50 ms' },
    ] as const;
    const rows: Row[] = [];
    for (const s of scenarios) {
      const spec = { url: `http://127.0.0.1:${port}`, scenario: s.scenario, tokens: [...s.tokens], connections: 50, seconds };
      const out = execFileSync(tsx, ['bench/load.ts', JSON.stringify(spec)], { encoding: 'utf8' });
      const r = JSON.parse(out);
      rows.push({
        scenario: s.name, db: kind, rps: Math.round(r.rps), p50: r.p50, p99: r.p99, errors: r.errors, memMb: peakRssMb(proc.pid as number),
        target: 'target' in s && kind === 'postgres' ? s.target : undefined,
      });
    }
    return rows;
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
