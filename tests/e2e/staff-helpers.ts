// Helpers for the staff browser tests: the app served with its real address as BASE_URL (so e-mailed
// links work in the browser), an SMTP peer in the test process, reading received e-mails, staff
// sessions set as a cookie, and "arrive at a page, then check it with axe".
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../src/app.tsx';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { type Account, createAccount, createSession, type Role } from '../../src/modules/auth/index.ts';
import { createTestDb } from '../test-db.ts';
import { expectNoAxeViolations, type RunningApp } from './browser.ts';

export type StaffApp = RunningApp & { config: Config };

/**
 * Like startApp in browser.ts, but BASE_URL is the address the app really listens on (links in
 * e-mails must open in the browser), and SMTP_URL may be set (the pages then say mail goes out).
 */
export async function startStaffApp(opts: { now: () => Date; smtpUrl?: string; db?: Db }): Promise<StaffApp> {
  const db = opts.db ?? (await createTestDb());
  const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://127.0.0.1', smtpUrl: opts.smtpUrl, demo: false };
  const app = createApp({ db, config, now: opts.now });
  let server!: ServerType;
  const { port } = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  // The app reads config on every request; no request has been served yet.
  config.port = port;
  config.baseUrl = `http://127.0.0.1:${port}`;
  return {
    db,
    config,
    baseUrl: config.baseUrl,
    async close() {
      await new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      });
      await db.close();
    },
  };
}

export type ReceivedMail = { to: string; subject: string; text: string; raw: string };
export type SmtpPeer = { url: string; received: ReceivedMail[]; close(): Promise<void> };

/** A real SMTP server in the test process that keeps every message it is given, decoded. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => (raw += d));
      stream.on('end', () => {
        const { subject, text } = decodeMail(raw);
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, subject, text, raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((r) => smtp.close(r)),
  };
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')));
}

/** Subject and plain-text body of a single-part message as nodemailer writes it. */
export function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, 'im'))?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body)
    : encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { subject: decodeHeader(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

/** The links to this app in an e-mail's text. */
export function linksIn(text: string, baseUrl: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]).filter((u) => u.startsWith(`${baseUrl}/`));
}

let accountSeq = 0;

/** A staff account of this role. */
export function staffAccount(db: Db, role: Role, now: Date, name = `Test ${role}`): Promise<Account> {
  return createAccount(db, { email: `${role}${++accountSeq}@bureau.example.nl`, name, role }, now);
}

/** Signs the context in as `accountId`: a session made in the database, its id in the `sessie` cookie. */
export async function signIn(context: BrowserContext, app: StaffApp, accountId: number, now: Date): Promise<void> {
  const { id } = await createSession(app.db, accountId, now);
  await context.addCookies([{ name: 'sessie', value: id, url: app.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/** Waits for the page with this main heading (exact text or pattern), then checks it with axe. */
export async function arrive(page: Page, heading: string | RegExp, what?: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' }).waitFor();
  await page.waitForLoadState('load');
  await expectNoAxeViolations(page, `${what ?? String(heading)} (${new URL(page.url()).pathname.replace(/\/(v|inloggen)\/[^/?]{43}/, '/$1/…')})`);
}

/** The admin menu of the page. */
export const adminMenu = (page: Page) => page.getByRole('navigation', { name: 'Beheermenu' });
