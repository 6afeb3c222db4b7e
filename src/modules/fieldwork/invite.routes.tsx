// /beheer/edities/:year/uitnodigen: selection, sending invitations and reminders; and "send by hand"
// for one municipality (used by the municipality's page).
import type { Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { type Edition, editionState } from '../editions/index.ts';
import { findMunicipality } from '../register/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { fwText } from './fieldwork.i18n.ts';
import { municipalityCode } from './names.ts';
import { adminOnly, editionOf, type FwContext, qs, queryInt } from './route-helpers.ts';
import { fieldworkCounts, listSelectable, selectConnected, setSelection } from './selection.ts';
import { cancelSchedule, listSchedules, type ScheduledMailing, scheduleReminders } from './schedule.ts';
import { FieldworkError, previewRecipients, sendByHand, sendInvitations, sendReminders } from './sending.ts';
import type { TemplateKind } from './templates.ts';
import { InvitePage } from './views/invite.views.tsx';
import { type ScheduleForm, SendConfirmPage } from './views/send-confirm.views.tsx';

type Notice = { kind: 'ok' | 'warn'; text: string };
type ByHandOutcome = 'invitation' | 'reminder' | 'noContacts' | 'submitted' | 'remindedToday' | 'unknown' | 'notOpen';
const OUTCOMES: readonly ByHandOutcome[] = ['invitation', 'reminder', 'noContacts', 'submitted', 'remindedToday', 'unknown', 'notOpen'];

/**
 * The outcome of "send by hand" on the page it returned to (?handmatig=…&gemeente=GM…&berichten=N).
 * `names` maps codes to names; exported for the municipality's page.
 */
export function byHandNotice(c: FwContext, lang: Lang, names: Map<string, string>): Notice | undefined {
  const outcome = c.req.query('handmatig') as ByHandOutcome;
  if (!OUTCOMES.includes(outcome)) return undefined;
  const code = c.req.query('gemeente') ?? '';
  const name = names.get(code) ?? (/^GM\d{4}$/.test(code) ? code : '');
  if (outcome === 'notOpen') return { kind: 'warn', text: fwText(lang, 'invite.sent.notOpen') };
  const text = fwText(lang, `byHand.${outcome}`, { name, messages: queryInt(c, 'berichten') ?? 0 });
  return { kind: outcome === 'invitation' || outcome === 'reminder' ? 'ok' : 'warn', text };
}

/** The confirmation after a redirect, rebuilt from numbers in the query string (no free text). */
function noticeOf(c: FwContext, lang: Lang, names?: Map<string, string>, schedules: ScheduledMailing[] = []): Notice | undefined {
  const scheduled = schedules.find((x) => x.id === queryInt(c, 'id'));
  const n = (k: string) => queryInt(c, k) ?? 0;
  switch (c.req.query('klaar')) {
    case 'uitnodigingen': return { kind: 'ok', text: fwText(lang, 'invite.sent.invitations', { municipalities: n('gemeenten'), messages: n('berichten') }) };
    case 'herinneringen': return { kind: 'ok', text: fwText(lang, 'invite.sent.reminders', { municipalities: n('gemeenten'), messages: n('berichten') }) };
    case 'verbonden': return { kind: 'ok', text: fwText(lang, 'invite.selection.connectedDone', { n: n('n') }) };
    case 'selectie': {
      const saved = fwText(lang, 'invite.selection.saved', { added: n('toegevoegd'), removed: n('verwijderd') });
      return { kind: 'ok', text: n('behouden') ? `${saved} ${fwText(lang, 'invite.selection.kept', { kept: n('behouden') })}` : saved };
    }
    case 'nietopen': return { kind: 'warn', text: fwText(lang, 'invite.sent.notOpen') };
    case 'gepland': return scheduled ? { kind: 'ok', text: fwText(lang, 'schedule.done', { when: formatDateTime(lang, scheduled.sendAt) }) } : undefined;
    case 'geannuleerd': return { kind: 'ok', text: fwText(lang, 'schedule.cancelled') };
    case 'alverstuurd': return { kind: 'warn', text: fwText(lang, 'schedule.tooLate') };
    default: return names ? byHandNotice(c, lang, names) : undefined;
  }
}

async function confirmPage(c: FwContext, edition: Edition, kind: TemplateKind, schedule?: ScheduleForm) {
  const { db, now, config } = c.get('deps');
  const lang = c.get('lang');
  try {
    const preview = await previewRecipients(db, { edition: edition.year, baseUrl: config.baseUrl, now: now(), kind });
    return page(c, <SendConfirmPage lang={lang} path={c.req.path} session={c.get('session')} year={edition.year} preview={preview}
      closesOn={edition.closesOn} schedule={schedule} />, schedule?.errors.length ? 400 : 200);
  } catch (e) {
    if (e instanceof FieldworkError) return c.redirect(`/beheer/edities/${edition.year}/uitnodigen?klaar=nietopen`, 303);
    throw e;
  }
}

export function inviteRoutes(app: Hono<AuthEnv>) {
  app.get('/edities/:year/uitnodigen', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const { db, now, config } = c.get('deps');
    const lang = c.get('lang');
    const municipalities = await listSelectable(db, edition.year);
    const names = new Map(municipalities.map((m) => [m.code, m.name]));
    const schedules = await listSchedules(db, edition.year);
    return page(c, <InvitePage lang={lang} path={c.req.path} session={c.get('session')} year={edition.year}
      open={editionState(edition, now()) === 'open' && !!edition.closesOn} smtp={!!config.smtpUrl} schedules={schedules}
      counts={await fieldworkCounts(db, edition.year, now())} municipalities={municipalities} notice={noticeOf(c, lang, names, schedules)} />);
  });

  app.post('/edities/:year/uitnodigen/selectie', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const { db, now } = c.get('deps');
    const form = await readForm(c);
    const back = `/beheer/edities/${edition.year}/uitnodigen`;
    if (form.modus?.[0] === 'verbonden') {
      return c.redirect(`${back}?${qs({ klaar: 'verbonden', n: await selectConnected(db, edition.year, now()) })}`, 303);
    }
    const r = await setSelection(db, edition.year, form.gemeente ?? [], now());
    return c.redirect(`${back}?${qs({ klaar: 'selectie', toegevoegd: r.added, verwijderd: r.removed, behouden: r.kept })}`, 303);
  });

  // Bulk mail: GET shows who gets what and asks; only the POST with bevestigd=ja sends.
  for (const [slug, kind, send] of [['uitnodigingen', 'invitation', sendInvitations], ['herinneringen', 'reminder', sendReminders]] as const) {
    app.get(`/edities/:year/uitnodigen/${slug}`, adminOnly, async (c) => {
      const edition = await editionOf(c);
      if (!edition) return c.notFound();
      return confirmPage(c, edition, kind);
    });

    app.post(`/edities/:year/uitnodigen/${slug}`, adminOnly, async (c) => {
      const edition = await editionOf(c);
      if (!edition) return c.notFound();
      const { db, now, config } = c.get('deps');
      const back = `/beheer/edities/${edition.year}/uitnodigen`;
      // Not confirmed (an old form, a stray POST): show the confirmation, send nothing.
      if ((await readForm(c)).bevestigd?.[0] !== 'ja') return c.redirect(`${back}/${slug}`, 303);
      try {
        const r = await send(db, { edition: edition.year, baseUrl: config.baseUrl, now: now() });
        return c.redirect(`${back}?${qs({ klaar: slug, gemeenten: r.municipalities, berichten: r.messages })}`, 303);
      } catch (e) {
        if (e instanceof FieldworkError) return c.redirect(`${back}?klaar=nietopen`, 303);
        throw e;
      }
    });
  }

  // Plan the reminders for a date and time; the server's delivery loop sends them then (schedule.ts).
  app.post('/edities/:year/uitnodigen/herinneringen/plannen', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const { db, now } = c.get('deps');
    const lang = c.get('lang');
    const form = await readForm(c);
    const date = (form.datum?.[0] ?? '').trim();
    const time = (form.tijd?.[0] ?? '').trim();
    const r = await scheduleReminders(db, {
      edition: edition.year, date, time, now: now(), accountId: c.get('session')?.account.id,
      closesOn: edition.closesOn, open: editionState(edition, now()) === 'open',
    });
    if (typeof r === 'string') {
      const field = r === 'badTime' ? 'tijd' : 'datum';
      const message = fwText(lang, `schedule.error.${r}`, { date: edition.closesOn ? formatDate(lang, edition.closesOn) : '' });
      return confirmPage(c, edition, 'reminder', { date, time, errors: [{ field, message }] });
    }
    return c.redirect(`/beheer/edities/${edition.year}/uitnodigen?${qs({ klaar: 'gepland', id: r.id })}`, 303);
  });

  app.post('/edities/:year/uitnodigen/herinneringen/plannen/:id/annuleren', adminOnly, async (c) => {
    const edition = await editionOf(c);
    const id = c.req.param('id');
    if (!edition || !/^\d{1,15}$/.test(id)) return c.notFound();
    const { db, now } = c.get('deps');
    const done = await cancelSchedule(db, edition.year, Number(id), now());
    return c.redirect(`/beheer/edities/${edition.year}/uitnodigen?klaar=${done ? 'geannuleerd' : 'alverstuurd'}`, 303);
  });

  // Send by hand: the invitation if there is none yet, otherwise a reminder (once a day).
  app.post('/edities/:year/gemeenten/:code/versturen', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const { db, now, config } = c.get('deps');
    const code = municipalityCode(c.req.param('code'));
    const m = await findMunicipality(db, edition.registerYear, code);
    if (!m) return c.notFound();
    const returnTo = String((await c.req.parseBody()).terug ?? '');
    const back = /^\/beheer\/[\w/-]*$/.test(returnTo) ? returnTo : `/beheer/edities/${edition.year}/uitnodigen`;
    let outcome: ByHandOutcome;
    let messages = 0;
    try {
      const r = await sendByHand(db, { edition: edition.year, baseUrl: config.baseUrl, now: now(), only: code });
      outcome = r.kind ?? r.reason ?? 'unknown';
      messages = r.messages;
    } catch (e) {
      if (!(e instanceof FieldworkError)) throw e;
      outcome = 'notOpen';
    }
    // Only codes in the URL; the page it returns to says what happened (byHandNotice).
    return c.redirect(`${back}?${qs({ handmatig: outcome, gemeente: code, berichten: messages })}`, 303);
  });
}
