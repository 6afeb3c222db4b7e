// What every route gets: the database, the clock, the configuration; and the page language.
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Lang } from '../modules/questionnaire/questionnaire.model.ts';

export type Deps = { db: Db; config: Config; now: () => Date };
export type AppEnv = { Variables: { deps: Deps; lang: Lang } };
export type Ctx = Context<AppEnv>;
