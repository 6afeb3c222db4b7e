// What every route gets: the database, the clock, the configuration; and the page language.
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Logger, Metrics } from '../modules/operations/index.ts';
import type { Lang } from '../modules/questionnaire/questionnaire.model.ts';

/** `log`, `metrics`: from src/main.ts; without a log only warnings and errors reach console.error (tests), and metrics follow METRICS_TOKEN. */
export type Deps = { db: Db; config: Config; now: () => Date; log?: Logger; metrics?: Metrics };
export type AppEnv = { Variables: { deps: Deps; lang: Lang; reqId: string } };
export type Ctx = Context<AppEnv>;
