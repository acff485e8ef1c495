/**
 * Worked examples computed by hand; the arithmetic is in the comments. Instants are UTC (`Z`); Berlin
 * is UTC+1 in winter (CET) and UTC+2 in summer (CEST).
 */
import { describe, expect, it } from 'vitest';
import { createSlaPolicy, evaluateSla, incidentResolutionPolicy, type SlaPolicyDefinitionInput } from 'itsm-kit/sla';

const H = 3_600_000;
const MIN = 60_000;
const d = (iso: string) => new Date(iso);
const weekdays = (start: string, end: string) => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};
const lifecycle = {
  start: { field: 'state', op: 'in', value: ['new', 'in_progress'] },
  pause: { field: 'state', op: 'eq', value: 'on_hold' },
  stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
  cancel: { field: 'state', op: 'eq', value: 'canceled' },
} satisfies Partial<SlaPolicyDefinitionInput>;

describe('ServiceNow documentation example', () => {
  // Weekdays 08:00-17:00, 8 h SLA, opened Friday 2026-11-20 21:00, checked Monday 2026-11-23 09:30.
  // Friday 21:00 is after hours; Saturday and Sunday are closed; Monday 08:00-09:30 = 1 h 30 = 5,400,000 ms.
  // 5,400,000 / 28,800,000 = 0.1875 -> 18.75 %. Remaining 6 h 30 -> due Monday 08:00 + 8 h = 16:00.
  // 50 % (4 h) is reached Monday 12:00, the next instant worth evaluating.
  const policy = createSlaPolicy({
    id: 'sn', calendar: { timeZone: 'UTC', week: weekdays('08:00', '17:00') },
    target: { durationMs: 8 * H }, warnAt: [0.5, 0.75], ...lifecycle,
  });
  it('counts 1 h 30 of business time, 18.75 %', () => {
    const r = evaluateSla(policy, [{ at: '2026-11-20T21:00:00Z', record: { state: 'new' } }], '2026-11-23T09:30:00Z');
    expect(r).toMatchObject({
      status: 'running', breached: false, targetMs: 8 * H, elapsedMs: 5_400_000, remainingMs: 23_400_000,
      pausedMs: 0, percentage: 18.75, startedAt: d('2026-11-20T21:00:00Z'), stoppedAt: null,
      dueAt: d('2026-11-23T16:00:00Z'), breachedAt: null, warnings: [], nextEvaluationAt: d('2026-11-23T12:00:00Z'),
    });
  });
});

describe('a pause across a weekend (Europe/Berlin, Mon-Fri 09:00-17:00, 8 h)', () => {
  // Fri 2026-11-20 14:00 CET (13:00Z) new -> running. Fri 16:00 CET (15:00Z) on_hold: elapsed 2 h.
  // Mon 2026-11-23 11:00 CET (10:00Z) in_progress: paused business time = Fri 16-17 (1 h) + Mon 09-11 (2 h) = 3 h.
  // Now Mon 13:30 CET (12:30Z): elapsed = 2 h + 2 h 30 = 4 h 30 = 16,200,000 ms, 56.25 %, remaining 3 h 30.
  // Due = Mon 13:30 + 3 h 30 = 17:00 CET = 16:00Z (without the pause it would be Mon 14:00 CET: the
  // breach time moved by exactly the 3 h paused). 50 % (4 h): Mon 11:00 + 2 h = 13:00 CET = 12:00Z.
  // 75 % (6 h): Mon 11:00 + 4 h = 15:00 CET = 14:00Z, the next evaluation.
  const policy = createSlaPolicy({
    id: 'berlin', calendar: { timeZone: 'Europe/Berlin', week: weekdays('09:00', '17:00') },
    target: { durationMs: 8 * H }, warnAt: [0.5, 0.75], ...lifecycle,
  });
  const timeline = [
    { at: '2026-11-20T13:00:00Z', record: { state: 'new' } },
    { at: '2026-11-20T15:00:00Z', record: { state: 'on_hold' } },
    { at: '2026-11-23T10:00:00Z', record: { state: 'in_progress' } },
  ];
  it('keeps the weekend out and moves the due instant by the paused time', () => {
    expect(evaluateSla(policy, timeline, '2026-11-23T12:30:00Z')).toMatchObject({
      status: 'running', elapsedMs: 16_200_000, pausedMs: 3 * H, percentage: 56.25, remainingMs: 12_600_000,
      dueAt: d('2026-11-23T16:00:00Z'), warnings: [{ threshold: 0.5, at: d('2026-11-23T12:00:00Z') }],
      nextEvaluationAt: d('2026-11-23T14:00:00Z'), breached: false,
    });
  });
  it('is paused with no due instant over the weekend', () => {
    // Sat 12:00Z: paused since Fri 15:00Z; paused business time Fri 16-17 CET = 1 h.
    expect(evaluateSla(policy, timeline, '2026-11-21T12:00:00Z')).toMatchObject({
      status: 'paused', elapsedMs: 2 * H, pausedMs: H, dueAt: null, nextEvaluationAt: null, percentage: 25,
    });
  });
});

describe('a priority raise mid-flight that breaches at once (24x7, resolution preset)', () => {
  // P3 = 3 days = 72 h; P1 = 4 h. Start 08:00Z as P3. At 13:00Z raised to P1: elapsed 5 h > 4 h, so the
  // clock breaches at the instant of the raise; 50 % (2 h) and 75 % (3 h) are also counted from 13:00Z.
  // Now 14:00Z: elapsed 6 h = 21,600,000 ms, remaining -2 h, 150 %.
  const policy = createSlaPolicy(incidentResolutionPolicy());
  const timeline = [
    { at: '2026-11-23T08:00:00Z', record: { state: 'new', priority: 3 } },
    { at: '2026-11-23T13:00:00Z', record: { state: 'in_progress', priority: 1 } },
  ];
  it('before the raise: 5 h of 72 h, no warning', () => {
    // 12:59Z: elapsed 4 h 59 = 17,940,000 ms of 259,200,000; due 08:00Z + 72 h = Thu 08:00Z; 50 % at +36 h.
    expect(evaluateSla(policy, timeline, '2026-11-23T12:59:00Z')).toMatchObject({
      targetMs: 72 * H, elapsedMs: 17_940_000, breached: false, warnings: [], dueAt: d('2026-11-26T08:00:00Z'),
      nextEvaluationAt: d('2026-11-24T20:00:00Z'),
    });
  });
  it('at and after the raise: breached at the raise', () => {
    for (const now of ['2026-11-23T13:00:00Z', '2026-11-23T14:00:00Z']) {
      const r = evaluateSla(policy, timeline, now);
      expect(r).toMatchObject({
        targetMs: 4 * H, breached: true, breachedAt: d('2026-11-23T13:00:00Z'), dueAt: d('2026-11-23T13:00:00Z'),
        warnings: [{ threshold: 0.5, at: d('2026-11-23T13:00:00Z') }, { threshold: 0.75, at: d('2026-11-23T13:00:00Z') }],
        nextEvaluationAt: null,
      });
    }
    expect(evaluateSla(policy, timeline, '2026-11-23T14:00:00Z')).toMatchObject({ elapsedMs: 6 * H, remainingMs: -2 * H, percentage: 150 });
  });
});

describe('a stop exactly at the due instant is met', () => {
  it('24x7: 1 h target, new 08:00Z, resolved 09:00Z', () => {
    // elapsed = 3,600,000 = target: not greater, so met; 100 %; warnings 50 % at 08:30, 75 % at 08:45.
    const policy = createSlaPolicy({ id: 'x', target: { durationMs: H }, warnAt: [0.5, 0.75], ...lifecycle });
    const r = evaluateSla(policy, [
      { at: '2026-11-23T08:00:00Z', record: { state: 'new' } },
      { at: '2026-11-23T09:00:00Z', record: { state: 'resolved' } },
    ], '2026-11-30T00:00:00Z');
    expect(r).toMatchObject({
      status: 'stopped', breached: false, breachedAt: null, elapsedMs: H, remainingMs: 0, percentage: 100,
      stoppedAt: d('2026-11-23T09:00:00Z'), dueAt: d('2026-11-23T09:00:00Z'), nextEvaluationAt: null,
      warnings: [{ threshold: 0.5, at: d('2026-11-23T08:30:00Z') }, { threshold: 0.75, at: d('2026-11-23T08:45:00Z') }],
    });
  });
  it('business hours: due at 17:00 closing time, still met at 20:00, breaches at 08:00:00.001 next day', () => {
    // Weekdays 08:00-17:00 UTC, 8 h, new Mon 2026-11-23 09:00Z: Mon 09-17 = 8 h, so elapsed reaches the
    // target at 17:00Z, the end of the interval. At 20:00Z elapsed is still exactly 8 h: not breached. The
    // first instant with elapsed > 8 h is Tue 08:00:00.001Z (1 ms of business time after Tue 08:00).
    const policy = createSlaPolicy({ id: 'x', calendar: { timeZone: 'UTC', week: weekdays('08:00', '17:00') }, target: { durationMs: 8 * H }, ...lifecycle });
    const timeline = [{ at: '2026-11-23T09:00:00Z', record: { state: 'new' } }];
    expect(evaluateSla(policy, timeline, '2026-11-23T20:00:00Z')).toMatchObject({
      status: 'running', breached: false, elapsedMs: 8 * H, remainingMs: 0, dueAt: d('2026-11-23T17:00:00Z'),
      nextEvaluationAt: d('2026-11-24T08:00:00.001Z'),
    });
    expect(evaluateSla(policy, timeline, '2026-11-24T08:00:00.001Z')).toMatchObject({
      breached: true, elapsedMs: 8 * H + 1, breachedAt: d('2026-11-23T17:00:00Z'), dueAt: d('2026-11-23T17:00:00Z'),
    });
    const stopped = [...timeline, { at: '2026-11-23T17:00:00Z', record: { state: 'resolved' } }];
    expect(evaluateSla(policy, stopped, '2026-11-25T00:00:00Z')).toMatchObject({ status: 'stopped', breached: false, elapsedMs: 8 * H });
  });
  it('never rounds: 99.995 % is not breached', () => {
    // 8 h = 28,800,000 ms; 1.44 s short = 28,798,560 ms = 99.995 %.
    const policy = createSlaPolicy({ id: 'x', target: { durationMs: 8 * H }, ...lifecycle });
    const r = evaluateSla(policy, [{ at: 0, record: { state: 'new' } }], 28_798_560);
    expect(r.percentage).toBe((28_798_560 / 28_800_000) * 100);
    expect(r).toMatchObject({ breached: false, remainingMs: 1_440 });
  });
});

describe('a DST night inside the clock (Europe/Berlin night shift 22:00-06:00, 8 h)', () => {
  const night = [{ start: '22:00', end: '06:00' }];
  const policy = createSlaPolicy({
    id: 'night', target: { durationMs: 8 * H }, ...lifecycle,
    calendar: { timeZone: 'Europe/Berlin', week: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: night, sun: night } },
  });
  it('fall back: the 2026-10-24/25 shift lasts 9 real hours', () => {
    // Sat 24 Oct 22:00 CEST = 20:00Z. Clocks go back at 03:00 CEST -> 02:00 CET, so the shift ends
    // Sun 06:00 CET = 05:00Z: 9 h. 8 h are reached at 20:00Z + 8 h = 04:00Z (05:00 CET), not at the
    // wall-clock 06:00. At 05:00Z elapsed = 9 h: breached at 04:00Z.
    const timeline = [{ at: '2026-10-24T20:00:00Z', record: { state: 'new' } }];
    expect(evaluateSla(policy, timeline, '2026-10-24T20:00:00Z').dueAt).toEqual(d('2026-10-25T04:00:00Z'));
    expect(evaluateSla(policy, timeline, '2026-10-25T05:00:00Z')).toMatchObject({
      elapsedMs: 9 * H, breached: true, breachedAt: d('2026-10-25T04:00:00Z'), remainingMs: -H,
    });
  });
  it('spring forward: the 2026-03-28/29 shift lasts 7 real hours', () => {
    // Sat 28 Mar 22:00 CET = 21:00Z. Clocks jump 02:00 CET -> 03:00 CEST; the shift ends Sun 06:00 CEST
    // = 04:00Z: 7 h. The 8th hour is the first hour of the next shift, Sun 29 Mar 22:00 CEST = 20:00Z,
    // so due = 21:00Z on 29 Mar. At Sun 12:00Z elapsed = 7 h, running, 87.5 %.
    const timeline = [{ at: '2026-03-28T21:00:00Z', record: { state: 'new' } }];
    expect(evaluateSla(policy, timeline, '2026-03-29T12:00:00Z')).toMatchObject({
      elapsedMs: 7 * H, percentage: 87.5, dueAt: d('2026-03-29T21:00:00Z'), breached: false,
    });
  });
});

describe('retroactive start', () => {
  // The clock starts when a group is assigned (08:40Z) but counts from openedAt (08:00Z). 1 h target.
  // At 08:50Z elapsed = 50 min = 3,000,000 ms; 50 % (30 min) at 08:30Z and 75 % (45 min) at 08:45Z were
  // crossed; due 09:00Z; the next evaluation is the breach, the first ms past 09:00Z.
  const policy = createSlaPolicy({
    id: 'tto', target: { durationMs: H }, warnAt: [0.5, 0.75], retroactiveStart: { field: 'openedAt' },
    start: { field: 'assignmentGroup', op: 'exists' }, stop: { field: 'state', op: 'eq', value: 'resolved' },
  });
  it('counts from the record field', () => {
    const r = evaluateSla(policy, [
      { at: '2026-11-23T08:00:00Z', record: { state: 'new', openedAt: '2026-11-23T08:00:00Z' } },
      { at: '2026-11-23T08:40:00Z', record: { state: 'new', openedAt: '2026-11-23T08:00:00Z', assignmentGroup: 'network' } },
    ], '2026-11-23T08:50:00Z');
    expect(r).toMatchObject({
      startedAt: d('2026-11-23T08:00:00Z'), elapsedMs: 50 * MIN, dueAt: d('2026-11-23T09:00:00Z'),
      warnings: [{ threshold: 0.5, at: d('2026-11-23T08:30:00Z') }, { threshold: 0.75, at: d('2026-11-23T08:45:00Z') }],
      nextEvaluationAt: d('2026-11-23T09:00:00.001Z'),
    });
  });
});

describe('reset (update-time target, restarts on every agent update)', () => {
  // 2 h target. Start 08:00Z; 50 % (1 h) crossed at 09:00Z. Agent update at 09:30Z resets the clock:
  // startedAt 09:30Z, elapsed 0, warnings cleared. At 10:00Z: elapsed 30 min; due 11:30Z; next: 50 %
  // of the new cycle at 10:30Z.
  const policy = createSlaPolicy({
    id: 'update', target: { durationMs: 2 * H }, warnAt: [0.5],
    start: { field: 'state', op: 'in', value: ['new', 'open'] }, stop: { field: 'state', op: 'eq', value: 'closed' },
    resetOn: { field: 'lastAgentUpdateAt', op: 'changed' },
  });
  const timeline = [
    { at: '2026-11-23T08:00:00Z', record: { state: 'new' } },
    { at: '2026-11-23T09:30:00Z', record: { state: 'open', lastAgentUpdateAt: '2026-11-23T09:30:00Z' } },
  ];
  it('before the update: 50 % crossed at 09:00Z', () => {
    expect(evaluateSla(policy, timeline, '2026-11-23T09:15:00Z').warnings).toEqual([{ threshold: 0.5, at: d('2026-11-23T09:00:00Z') }]);
  });
  it('after the update: a fresh cycle', () => {
    expect(evaluateSla(policy, timeline, '2026-11-23T10:00:00Z')).toMatchObject({
      startedAt: d('2026-11-23T09:30:00Z'), elapsedMs: 30 * MIN, warnings: [], dueAt: d('2026-11-23T11:30:00Z'),
      nextEvaluationAt: d('2026-11-23T10:30:00Z'),
    });
  });
});

describe('a priority raise to exactly the elapsed time, while on hold', () => {
  // P3 (72 h) from 08:00Z; at 12:00Z (elapsed exactly 4 h) raised to P1 (4 h) and put on hold: elapsed
  // equals the target, so it is reached at the raise (12:00Z) but not breached (not greater). Resumed
  // at 13:00Z, elapsed passes 4 h at once: breached from 13:00:00.001Z, breachedAt the raise, 12:00Z.
  const policy = createSlaPolicy(incidentResolutionPolicy());
  const timeline = [
    { at: '2026-11-23T08:00:00Z', record: { state: 'new', priority: 3 } },
    { at: '2026-11-23T12:00:00Z', record: { state: 'on_hold', priority: 1 } },
    { at: '2026-11-23T13:00:00Z', record: { state: 'in_progress', priority: 1 } },
  ];
  it('is reached but not breached while on hold', () => {
    expect(evaluateSla(policy, timeline, '2026-11-23T12:30:00Z')).toMatchObject({
      status: 'paused', elapsedMs: 4 * H, pausedMs: 30 * MIN, breached: false, breachedAt: null, dueAt: null,
      warnings: [{ threshold: 0.5, at: d('2026-11-23T12:00:00Z') }, { threshold: 0.75, at: d('2026-11-23T12:00:00Z') }],
    });
  });
  it('breaches 1 ms after resuming, dated at the raise', () => {
    expect(evaluateSla(policy, timeline, '2026-11-23T13:00:00Z')).toMatchObject({
      breached: false, dueAt: d('2026-11-23T12:00:00Z'), nextEvaluationAt: d('2026-11-23T13:00:00.001Z'),
    });
    expect(evaluateSla(policy, timeline, '2026-11-23T13:00:00.001Z')).toMatchObject({
      breached: true, breachedAt: d('2026-11-23T12:00:00Z'), elapsedMs: 4 * H + 1, pausedMs: H,
    });
  });
});
