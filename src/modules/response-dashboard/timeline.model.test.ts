// The response over time, worked out by hand: 10 invited municipalities, invitations on 3 and 5
// October, a reminder on 17 October, advisors calling from 24 October, the bureau's phone round on
// 31 October; what came in after each step until the next one.
import { describe, expect, it } from 'vitest';
import { timeline } from './timeline.model.ts';

const input = {
  invited: 10,
  submittedOn: ['2022-10-03', '2022-10-04', '2022-10-04', '2022-10-10', '2022-10-17', '2022-10-17', '2022-10-20', '2022-10-25', '2022-11-01'],
  events: [
    { kind: 'invitation' as const, day: '2022-10-03', count: 8 },
    { kind: 'invitation' as const, day: '2022-10-05', count: 2 },
    { kind: 'reminder' as const, day: '2022-10-17', count: 6 },
    { kind: 'advisors' as const, day: '2022-10-26', count: 2 },
    { kind: 'advisors' as const, day: '2022-10-24', count: 2 },
    { kind: 'calls' as const, day: '2022-10-31', count: 3 },
  ],
  until: '2022-11-03',
};

describe('the response day by day and per fieldwork step', () => {
  it('steps with what they reached and what came in until the next step', () => {
    const t = timeline(input);
    expect(t.steps).toEqual([
      // 3–16 Oct: 1 + 2 + 1 = 4 of 10
      { kind: 'invitation', day: '2022-10-03', reached: 10, submittedAfter: 4, rateAfter: 40 },
      // 17–23 Oct: 2 + 1 → 7 of 10
      { kind: 'reminder', day: '2022-10-17', reached: 6, submittedAfter: 3, rateAfter: 70 },
      // 24–30 Oct: 1 → 8
      { kind: 'advisors', day: '2022-10-24', reached: 4, submittedAfter: 1, rateAfter: 80 },
      // 31 Oct – 3 Nov: 1 → 9
      { kind: 'calls', day: '2022-10-31', reached: 3, submittedAfter: 1, rateAfter: 90 },
    ]);
    expect(t.before).toBe(0);
  });

  it('every day from the first step to the end, cumulative, as whole percentages', () => {
    const t = timeline(input);
    expect(t.days).toHaveLength(32); // 3 Oct – 3 Nov
    expect(t.days.slice(0, 3)).toEqual([
      { day: '2022-10-03', submitted: 1, cumulative: 1, rate: 10 },
      { day: '2022-10-04', submitted: 2, cumulative: 3, rate: 30 },
      { day: '2022-10-05', submitted: 0, cumulative: 3, rate: 30 },
    ]);
    expect(t.days.at(-1)).toEqual({ day: '2022-11-03', submitted: 0, cumulative: 9, rate: 90 });
  });

  it('each reminder day is its own step; two steps on one day: the first gets nothing of its own', () => {
    const t = timeline({ ...input, events: [...input.events, { kind: 'reminder', day: '2022-10-10', count: 5 }, { kind: 'calls', day: '2022-10-10', count: 1 }] });
    expect(t.steps.map((s) => [s.kind, s.day, s.submittedAfter, s.rateAfter])).toEqual([
      ['invitation', '2022-10-03', 3, 30],
      ['reminder', '2022-10-10', 0, 30],
      ['calls', '2022-10-10', 1, 40],
      ['reminder', '2022-10-17', 3, 70],
      ['advisors', '2022-10-24', 2, 90],
    ]);
  });

  it('submissions before the first step, no steps at all, nothing at all', () => {
    const early = timeline({ ...input, submittedOn: ['2022-09-30', ...input.submittedOn] });
    expect(early.before).toBe(1);
    expect(early.days[0]).toEqual({ day: '2022-09-30', submitted: 1, cumulative: 1, rate: 10 });
    expect(early.steps[0].rateAfter).toBe(50);
    const none = timeline({ ...input, events: [] });
    expect(none.steps).toEqual([]);
    expect(none.days.at(-1)?.cumulative).toBe(9);
    expect(timeline({ invited: 0, submittedOn: [], events: [], until: '2022-11-03' })).toEqual({ days: [], steps: [], before: 0 });
  });

  it('a stray date long before does not make years of days, and still counts', () => {
    const t = timeline({ ...input, submittedOn: ['2019-01-01', ...input.submittedOn] });
    expect(t.days).toHaveLength(400);
    expect(t.days[0].cumulative).toBe(1);
    expect(t.days.at(-1)?.cumulative).toBe(10);
  });
});
