// /beheer/edities/:year/sjablonen: edit the invitation and reminder texts, with a preview.
import type { Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { formatDate } from '../../web/i18n.ts';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import type { Edition } from '../editions/index.ts';
import { adminOnly, editionOf, type FwContext } from './route-helpers.ts';
import {
  getTemplates, renderTemplate, saveTemplate, TEMPLATE_KINDS, type TemplateError, type TemplateKind, validateTemplate,
} from './templates.ts';
import { type TemplateForm, TemplatesPage } from './views/templates.views.tsx';

/** The preview is for a municipality that takes part (or the first of the register), with a dummy link. */
async function example(c: FwContext, edition: Edition) {
  const { db, config, now } = c.get('deps');
  const m = await db.one<{ name: string }>(
    `SELECT m.name FROM municipalities m LEFT JOIN invitations i ON i.edition = $1 AND i.municipality_code = m.code
     WHERE m.year = $2 ORDER BY i.edition IS NULL, m.name LIMIT 1`,
    [edition.year, edition.registerYear],
  );
  const name = m?.name ?? 'Gravendonck';
  const vars = {
    gemeente: name, naam: 'Jan de Vries', jaar: String(edition.year),
    link: `${config.baseUrl}/v/voorbeeld-link-werkt-niet`, sluitdatum: formatDate('nl', edition.closesOn ?? now()),
  };
  return { name, vars };
}

async function show(c: FwContext, edition: Edition, opts: { posted?: { kind: TemplateKind; form: TemplateForm; errors: TemplateError[]; preview: boolean }; saved?: TemplateKind } = {}) {
  const saved = await getTemplates(c.get('deps').db, edition.year);
  const ex = await example(c, edition);
  const forms = Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, opts.posted?.kind === k ? opts.posted.form : saved[k]])) as Record<TemplateKind, TemplateForm>;
  // The preview shows the text in the form (posted or saved), unless that text has errors.
  const previews = Object.fromEntries(TEMPLATE_KINDS.map((k) => {
    const bad = opts.posted?.kind === k && opts.posted.errors.length > 0;
    return [k, bad ? undefined : renderTemplate(forms[k], ex.vars)];
  })) as Record<TemplateKind, { subject: string; text: string } | undefined>;
  const errors = opts.posted?.errors ?? [];
  return page(c, <TemplatesPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={edition.year} forms={forms}
    posted={opts.posted ? { kind: opts.posted.kind, errors } : undefined} previews={previews} example={ex.name} saved={opts.saved} />, errors.length ? 400 : 200);
}

export function templatesRoutes(app: Hono<AuthEnv>) {
  app.get('/edities/:year/sjablonen', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const saved = c.req.query('opgeslagen');
    return show(c, edition, { saved: TEMPLATE_KINDS.find((k) => k === saved) });
  });

  app.post('/edities/:year/sjablonen', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const form = await readForm(c);
    const kind = TEMPLATE_KINDS.find((k) => k === form.soort?.[0]);
    if (!kind) return c.redirect(`/beheer/edities/${edition.year}/sjablonen`, 303);
    const values = { subject: form[`${kind}-subject`]?.[0] ?? '', body: form[`${kind}-body`]?.[0] ?? '' };
    const errors = validateTemplate(values);
    if (form.actie?.[0] === 'voorbeeld' || errors.length) {
      return show(c, edition, { posted: { kind, form: values, errors, preview: true } });
    }
    const { db, now } = c.get('deps');
    await saveTemplate(db, edition.year, kind, values, c.get('session').account.id, now());
    return c.redirect(`/beheer/edities/${edition.year}/sjablonen?opgeslagen=${kind}#${kind}-title`, 303);
  });
}
