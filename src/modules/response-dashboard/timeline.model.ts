// The response over the fieldwork, day by day: how many invited municipalities had submitted by
// the end of each day, and the steps the bureau took (the invitation, each reminder, the advisors'
// round, the phone round) with what came in after each step until the next one. That last figure
// is what tells the bureau which step worked. Pure: days and counts in, numbers out.
import { rate } from './response.model.ts';

export type StepKind = 'invitation' | 'reminder' | 'advisors' | 'calls';

/** Something that happened on a day (YYYY-MM-DD, Dutch time), for `count` municipalities. */
export type StepEvent = { kind: StepKind; day: string; count: number };

export type TimelineInput = {
  /** Invited municipalities in scope: the denominator of the response. */
  invited: number;
  /** Per municipality in scope that submitted: the day it did. */
  submittedOn: readonly string[];
  events: readonly StepEvent[];
  /** The last day to show (today, or the closing day once that has passed). */
  until: string;
};

export type TimelineDay = { day: string; submitted: number; cumulative: number; rate: number | null };

export type TimelineStep = {
  kind: StepKind;
  /** The step's first day. */
  day: string;
  /** Municipalities the step reached (mails queued, municipalities called) on its days. */
  reached: number;
  /** Submissions from this step's first day until the day before the next step (or the end). */
  submittedAfter: number;
  /** The response at the end of that stretch. */
  rateAfter: number | null;
};

/** `before`: submissions before the first step (a link handed out by hand). */
export type Timeline = { days: TimelineDay[]; steps: TimelineStep[]; before: number };

/** A fieldwork lasts weeks; a stray old date (an imported response) must not make a year of days. */
const MAX_DAYS = 400;


function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The steps: each reminder day is a step of its own (reminders go out in one batch); the invitation,
 * the advisors' round and the phone round are one step each, starting on their first day, their
 * later days (a late batch, more calls) adding to what they reached. Two steps on the same day keep
 * the order of the fieldwork.
 */
function steps(events: readonly StepEvent[]): { kind: StepKind; day: string; reached: number }[] {
  const order: StepKind[] = ['invitation', 'reminder', 'advisors', 'calls'];
  const found: { kind: StepKind; day: string; reached: number }[] = [];
  for (const e of [...events].sort((a, b) => a.day.localeCompare(b.day) || order.indexOf(a.kind) - order.indexOf(b.kind))) {
    const same = e.kind === 'reminder' ? found.find((s) => s.kind === 'reminder' && s.day === e.day) : found.find((s) => s.kind === e.kind);
    if (same) same.reached += e.count;
    else found.push({ kind: e.kind, day: e.day, reached: e.count });
  }
  return found.sort((a, b) => a.day.localeCompare(b.day) || order.indexOf(a.kind) - order.indexOf(b.kind));
}

export function timeline(input: TimelineInput): Timeline {
  const perDay = new Map<string, number>();
  for (const d of input.submittedOn) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  const found = steps(input.events);
  const firstDays = [...perDay.keys(), ...found.map((s) => s.day)].sort();
  const days: TimelineDay[] = [];
  let start = firstDays[0];
  if (start) {
    const end = [input.until, ...firstDays].sort().at(-1)!;
    const earliest = new Date(`${end}T12:00:00Z`);
    earliest.setUTCDate(earliest.getUTCDate() - (MAX_DAYS - 1));
    if (start < earliest.toISOString().slice(0, 10)) start = earliest.toISOString().slice(0, 10);
    // What came in before the first day shown still counts in the cumulative figure.
    let cumulative = input.submittedOn.filter((d) => d < start!).length;
    for (let day = start; day <= end; day = nextDay(day)) {
      const submitted = perDay.get(day) ?? 0;
      cumulative += submitted;
      days.push({ day, submitted, cumulative, rate: rate(cumulative, input.invited) });
    }
  }
  const byDay = (from: string, to?: string) => days.filter((d) => d.day >= from && (to === undefined || d.day < to));
  const result: TimelineStep[] = found.map((s, i) => {
    // Two steps on one day share that day's submissions: the first step gets nothing of its own.
    const next = found.slice(i + 1).find((n) => n.day > s.day)?.day;
    const sameDayLater = found.slice(i + 1).some((n) => n.day === s.day);
    const stretch = sameDayLater ? [] : byDay(s.day, next);
    // Without a stretch of its own: the response as it stood when the step began.
    const last = stretch.at(-1) ?? days.filter((d) => d.day < s.day).at(-1);
    return {
      ...s,
      submittedAfter: stretch.reduce((n, d) => n + d.submitted, 0),
      rateAfter: last ? last.rate : rate(0, input.invited),
    };
  });
  const before = found[0] ? byDay(start ?? found[0].day, found[0].day).reduce((n, d) => n + d.submitted, 0) : 0;
  return { days, steps: result, before };
}
