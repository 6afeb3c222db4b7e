// Dates that look like real fieldwork: autumn rounds around the Week tegen Eenzaamheid (early
// October), results published in the winter after; answers given on working days, in office hours.
import type { DemoEdition } from './demo.model.ts';
import { int, type Rng } from './rng.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;

const FIELDWORK: Record<number, { opensOn: string; closesOn: string; publishedOn: string }> = {
  2019: { opensOn: '2019-09-02', closesOn: '2019-10-25', publishedOn: '2019-12-12' },
  2020: { opensOn: '2020-09-07', closesOn: '2020-11-06', publishedOn: '2020-12-17' },
  2021: { opensOn: '2021-09-06', closesOn: '2021-11-12', publishedOn: '2022-01-20' },
  2022: { opensOn: '2022-09-05', closesOn: '2022-11-18', publishedOn: '2023-01-26' },
};

export function demoEdition(year: number): DemoEdition {
  const f = FIELDWORK[year];
  if (!f) throw new Error(`Demo: geen veldwerkdata voor editie ${year}`);
  return {
    year,
    opensOn: f.opensOn,
    closesOn: f.closesOn,
    openedAt: new Date(`${f.opensOn}T07:00:00Z`),
    // Closing is the end of the last day, Dutch time.
    closedAt: new Date(`${f.closesOn}T22:59:00Z`),
    publishedAt: new Date(`${f.publishedOn}T10:00:00Z`),
  };
}

/** Contact lists are imported a few days before the invitations go out. */
export function invitedAt(e: DemoEdition): Date {
  return new Date(e.openedAt.getTime() - 4 * DAY);
}

export type ResponseTimes = { firstOpenedAt: Date; startedAt: Date; submittedAt: Date };

/**
 * Most respondents answer in the first weeks after the invitation; the rest spread up to the
 * deadline (reminders, advisors, the phone round). Weekends move to the nearest working day.
 */
export function responseTimes(e: DemoEdition, rng: Rng): ResponseTimes {
  const days = Math.round((Date.parse(e.closesOn) - Date.parse(e.opensOn)) / DAY);
  let day = Math.floor((rng() < 0.55 ? rng() * 0.4 : rng()) * (days + 1));
  const weekday = new Date(Date.parse(e.opensOn) + day * DAY).getUTCDay();
  if (weekday === 6) day -= 1;
  if (weekday === 0) day = day + 1 > days ? day - 2 : day + 1;
  day = Math.max(0, day);
  const submittedAt = new Date(Date.parse(e.opensOn) + day * DAY + int(rng, 8 * 60, 15 * 60 + 30) * MINUTE);
  const startedAt = new Date(submittedAt.getTime() - int(rng, 18, 60) * MINUTE);
  // About a third stopped and came back later (or a colleague took over).
  const pause = rng() < 0.35 ? int(rng, 1, 8) * DAY : int(rng, 0, 10) * MINUTE;
  const firstOpenedAt = new Date(Math.max(e.openedAt.getTime(), startedAt.getTime() - pause));
  return { firstOpenedAt, startedAt, submittedAt };
}

/** When each of k answers was saved: evenly between starting and submitting. */
export function answerTimes(startedAt: Date, submittedAt: Date, k: number): Date[] {
  const span = submittedAt.getTime() - startedAt.getTime();
  return Array.from({ length: k }, (_, i) => new Date(startedAt.getTime() + Math.round(((i + 1) / (k + 1)) * span)));
}
