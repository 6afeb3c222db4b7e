// The command line as an operator uses it: real processes on an embedded DATA_DIR, also while the server runs.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geo2025 } from './register-fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
let dataDir: string;

function cli(...args: string[]) {
  return cliWith({ BASE_URL: 'https://benchmark.example.nl' }, ...args);
}
function cliWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('cli', () => {
  it('--help lists the commands', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['edition YEAR --open --closes DATE', 'edition create YEAR [--from YEAR]', 'import-register --year YEAR --municipalities FILE.csv',
      'link --edition YEAR --municipality GMxxxx', 'migrate']) expect(r.out).toContain(c);
  }, 120_000); // processes starting the embedded database: slow on a busy machine

  it('refuses wrong input with a one-line reason and a non-zero exit', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /Onbekende opdracht "frobnicate"/],
      [['edition', '1999', '--open', '--closes', '2099-01-01'], /Editie 1999 bestaat niet/],
      [['edition', '2023', '--open', '--closes', '2099-02-30'], /JJJJ-MM-DD/],
      [['edition', '2023', '--open'], /--closes verwacht een datum/],
      [['edition', '2023', '--open', '--close', '--closes', '2099-01-01'], /precies één/],
      [['edition', '2023', '--open', '--closes', '2000-01-01'], /in het verleden/],
      [['link', '--edition', '2022', '--municipality', 'Amsterdam'], /GM-code/],
      [['link', '--edition', '2022', '--municipality', 'GM9998'], /staat niet in de gemeentelijke indeling van 2022/],
      [['link', '--edition', '2022', '--municipality', 'GM0005'], /GM0005 staat niet in de gemeentelijke indeling van 2022/], // Bedum, merged in 2019
      [['link', '--edition', '2022', '--bogus'], /Ongeldige opties/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  }, 300_000); // ten processes, each starting the embedded database (slow on a busy machine)

  it('opens an edition and prints a personal link', () => {
    const open = cli('edition', '2023', '--open', '--closes', '2099-12-31');
    expect(open.code).toBe(0);
    expect(open.out).toContain('Editie 2023 is open tot en met 2099-12-31');
    const link = cli('link', '--edition', '2023', '--municipality', 'gm0363');
    expect(link.code).toBe(0);
    expect(link.out.trim()).toMatch(/^https:\/\/benchmark\.example\.nl\/v\/[A-Za-z0-9_-]{43}$/);
    // Nothing answers at BASE_URL here: the link is printed all the same, with a warning beside it.
    expect(link.err).toContain('Let op: op https://benchmark.example.nl antwoordt geen server, dus deze link werkt nu niet.');
    expect(link.err).toContain(`Gebruikte database: ingebouwde database in ${dataDir} (DATA_DIR)`);
  }, 120_000); // processes starting the embedded database: slow on a busy machine

  it('edition create copies a questionnaire; opening needs the register of its year, which import-register brings', () => {
    const made = cli('edition', 'create', '2025', '--from', '2023');
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain('Editie 2025 is aangemaakt (in voorbereiding) met een kopie van de vragenlijst van 2023');
    expect(made.out).toContain('Let op: de gemeentelijke indeling van 2025 ontbreekt. Editie 2025 kan pas open na: npm run cli -- import-register --year 2025');
    const twice = cli('edition', 'create', '2025');
    expect(twice.code).not.toBe(0);
    expect(twice.err.trim()).toBe('Editie 2025 bestaat al.');
    const open = cli('edition', '2025', '--open', '--closes', '2099-12-31');
    expect(open.code).not.toBe(0);
    expect(open.err.trim().split('\n')).toHaveLength(1);
    expect(open.err).toContain('Editie 2025 kan niet open: de gemeentelijke indeling van 2025 ontbreekt. Importeer die eerst: npm run cli -- import-register --year 2025');
    const geo = path.join(dataDir, 'kaart-2025.topojson');
    fs.writeFileSync(geo, Buffer.from(geo2025().bytes));
    const fixtures = path.join(root, 'tests', 'fixtures', 'register');
    const imported = cli('import-register', '--year', '2025', '--municipalities', path.join(fixtures, 'municipalities-2025.csv'),
      '--mergers', path.join(fixtures, 'mergers-2025.csv'), '--wijken', path.join(fixtures, 'wijken-2025.csv'), '--geo', geo);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('341 gemeenten, 2 herindelingen, 8 wijken, 341 vormen op de kaart.');
    expect(imported.out).toContain('De gemeentelijke indeling van 2025 is geïmporteerd.');
    const opened = cli('edition', '2025', '--open', '--closes', '2099-12-31');
    expect(opened.code, opened.err).toBe(0);
    expect(opened.out).toContain('Editie 2025 is open tot en met 2099-12-31');
    // The merged municipality is in the 2025 register: it gets a personal link.
    expect(cli('link', '--edition', '2025', '--municipality', 'GM1996').code).toBe(0);
  }, 180_000);

  describe('while the server runs on the same DATA_DIR', () => {
    let server: ChildProcess;
    let port = 0;
    beforeAll(async () => {
      server = spawn(tsx, ['src/main.ts'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', DEMO: '0', BASE_URL: '' } });
      port = await new Promise<number>((resolve, reject) => {
        let out = '';
        let err = '';
        server.stderr?.on('data', (d) => {
          err += d;
        });
        server.stdout?.on('data', (d) => {
          out += d;
          const m = out.match(/localhost:(\d+)/);
          if (m) resolve(Number(m[1]));
        });
        server.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
      });
    });
    afterAll(async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    });

    it('the CLI works through the server, and the printed link (from PORT without BASE_URL) opens in the server', async () => {
      const link = cliWith({ BASE_URL: undefined, PORT: String(port) }, 'link', '--edition', '2023', '--municipality', 'GM0014');
      expect(link.code).toBe(0);
      expect(link.out.trim().startsWith(`http://localhost:${port}/v/`)).toBe(true);
      expect(link.err).not.toContain('Let op');
      const token = link.out.trim().split('/v/')[1];
      const res = await fetch(`http://127.0.0.1:${port}/v/${token}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Groningen');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    }, 120_000);

    it('a second server on the same DATA_DIR refuses to start with a clear message', () => {
      const r = spawnSync(tsx, ['src/main.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', BASE_URL: '' } });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Er draait al een server op .* \(proces \d+\)/);
    }, 120_000);
  });
});
