// Environment parsed once (see CONTRACTS.md "Running").
import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './modules/operations/log.model.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data/local'),
  DATABASE_URL: z.string().url().optional(),
  BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  DEMO: z.enum(['0', '1']).default('1'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // Long enough that guessing it is hopeless (e.g. `openssl rand -hex 32`).
  METRICS_TOKEN: z.string().min(16, 'minstens 16 tekens').optional(),
  // The bureau's contact details on the contact, privacy and accessibility pages (issue 20).
  CONTACT_EMAIL: z.string().email().optional(),
  CONTACT_PHONE: z.string().max(40).optional(),
});

export type Config = {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  baseUrl: string;
  smtpUrl?: string;
  demo: boolean;
  /**
   * How many proxies (load balancers) in front of the app append to X-Forwarded-For. 0: the header
   * is ignored (anyone can send it) and the socket's address is the client.
   */
  trustProxy?: number;
  /** pino level; `silent` writes nothing. */
  logLevel?: LogLevel;
  /** When set, GET /metrics answers requests carrying `Authorization: Bearer <metricsToken>`; else 404. */
  metricsToken?: string;
  /** The bureau's e-mail address and phone number for the public contact pages; without them the pages say where to find them. */
  contactEmail?: string;
  contactPhone?: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    throw new Error(`Ongeldige instelling ${name}=${JSON.stringify(env[name] ?? '')}: ${issue?.message} (zie README, Instellingen)`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    demo: e.DEMO === '1',
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    contactEmail: e.CONTACT_EMAIL,
    contactPhone: e.CONTACT_PHONE,
  };
}
