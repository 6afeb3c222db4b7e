// /beheer/indeling/inwoners (admin): the population years present and the import of a year, all
// or nothing; "Alleen controleren" checks without saving.
import { Hono } from 'hono';
import { page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { popText } from './population.i18n.ts';
import { MAX_POPULATION_BYTES } from './population.model.ts';
import { listPopulationYears } from './population.repo.ts';
import { importPopulation } from './population.service.ts';
import { type PopulationErrors, PopulationPage } from './population.views.tsx';

const admins = requireRole('admin');

export const populationRoutes = new Hono<AuthEnv>()
  .get('/indeling/inwoners', admins, async (c) => {
    const { db } = c.get('deps');
    return page(c, <PopulationPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} years={await listPopulationYears(db)} />);
  })
  .post('/indeling/inwoners', admins, async (c) => {
    const { db, now } = c.get('deps');
    const lang = c.get('lang');
    const session = c.get('session');
    const body = await c.req.parseBody();
    const yearText = typeof body.jaar === 'string' ? body.jaar.trim() : '';
    const file = body.bestand;
    const dryRun = body.controleren === '1';
    const errors: PopulationErrors = {};
    if (!/^\d{4}$/.test(yearText)) errors.jaar = popText(lang, 'page.error.year');
    if (!(file instanceof File) || file.size === 0) errors.bestand = popText(lang, 'page.error.file');
    const base = { lang, path: c.req.path, session, year: yearText.slice(0, 10), dryRun };
    if (errors.jaar || errors.bestand) return page(c, <PopulationPage {...base} years={await listPopulationYears(db)} errors={errors} />, 400);
    const f = file as File;
    const fileName = f.name.split(/[\\/]/).pop()?.slice(0, 200) || 'inwoners.csv';
    // A file over the limit is refused by importPopulation without being decoded.
    const bytes = f.size > MAX_POPULATION_BYTES ? new Uint8Array(MAX_POPULATION_BYTES + 1) : new Uint8Array(await f.arrayBuffer());
    const report = await importPopulation(db, { year: Number(yearText), fileName, bytes }, { now: now(), dryRun });
    return page(c, <PopulationPage {...base} years={await listPopulationYears(db)} report={report} />, report.problems.length ? 422 : 200);
  });
