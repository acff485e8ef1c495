import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backlogAge, changesCausingIncidents, changeSuccessRate, emergencyChangeRatio, firstTimeFixRate, reopenRate } from 'itsm-kit/metrics';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' };
const at = (hhmm: string, date = '2026-11-23') => `${date}T${hhmm}:00Z`;

const incidents = [
  { id: 'i1', assignmentGroup: 'db', state: 'resolved', resolvedAt: at('09:00'), reopenCount: 0, reassignmentCount: 0 },
  { id: 'i2', assignmentGroup: 'db', state: 'closed', resolvedAt: at('10:00'), reopenCount: 2, reassignmentCount: 0 },
  { id: 'i3', assignmentGroup: 'net', state: 'resolved', resolvedAt: at('11:00'), reopenCount: 0, reassignmentCount: 1 },
  { id: 'i4', assignmentGroup: 'net', state: 'resolved', resolvedAt: at('12:00'), reopenCount: 0 },
  { id: 'i5', assignmentGroup: 'net', state: 'resolved', resolvedAt: at('12:00', '2026-11-22'), reopenCount: 1 }, // outside
  { id: 'i6', assignmentGroup: 'net', state: 'canceled', resolvedAt: at('13:00'), reopenCount: 0 }, // cancelled: not counted
  { id: 'i7', assignmentGroup: 'db', state: 'in_progress', reopenCount: 1 }, // not resolved
];

describe('reopenRate', () => {
  it('hand-computed', () => {
    // counted: i1, i2, i3, i4 (resolved in the day, not cancelled); reopened: i2 -> 1/4 = 25 %
    expect(reopenRate(incidents, { period: day })).toEqual({ total: 4, matching: 1, ratePct: 25 });
    const g = reopenRate(incidents, { period: day, groupBy: 'assignmentGroup' });
    expect(g.groups).toEqual([
      { key: 'db', value: { total: 2, matching: 1, ratePct: 50 } },
      { key: 'net', value: { total: 2, matching: 0, ratePct: 0 } },
    ]);
    expect(reopenRate([], { period: day }).ratePct).toBeNull();
  });
});

describe('firstTimeFixRate', () => {
  it('hand-computed', () => {
    // counted i1..i4; fixed first time: i1 (no reopen, no reassignment), i4 (no reassignment data -> assumed 0)
    // i2 reopened, i3 reassigned -> 2/4 = 50 %, 1 without reassignment data
    expect(firstTimeFixRate(incidents, { period: day })).toEqual({ total: 4, matching: 2, ratePct: 50, withoutReassignmentCount: 1 });
  });
  it('rejects a negative count', () => {
    expect(() => firstTimeFixRate([{ resolvedAt: at('09:00'), reassignmentCount: -1 }], { period: day })).toThrow(/incidents\.0\.reassignmentCount/);
  });
});

const changes = [
  { id: 'c1', type: 'normal', state: 'closed', closeCode: 'successful', openedAt: at('01:00'), closedAt: at('09:00'), assignmentGroup: 'db' },
  { id: 'c2', type: 'emergency', state: 'closed', closeCode: 'successful_with_issues', openedAt: at('02:00'), actualEnd: at('03:00'), closedAt: at('10:00'), causedIncidentIds: ['i9'] },
  { id: 'c3', type: 'normal', state: 'closed', closeCode: 'unsuccessful', openedAt: at('20:00', '2026-11-22'), closedAt: at('11:00') },
  { id: 'c4', type: 'standard', state: 'closed', openedAt: at('03:00'), closedAt: at('12:00') }, // no close code
  { id: 'c5', type: 'emergency', state: 'canceled', openedAt: at('04:00'), closedAt: at('05:00') },
  { id: 'c6', type: 'normal', state: 'review', openedAt: at('05:00'), actualEnd: at('06:00') }, // implemented, not closed
  { id: 'c7', type: 'normal', state: 'closed', closeCode: 'successful', openedAt: at('05:00', '2026-11-20'), closedAt: at('05:00', '2026-11-21') }, // outside
];

describe('change metrics', () => {
  it('changeSuccessRate, hand-computed', () => {
    // closed in the day: c1 successful, c2 with issues, c3 unsuccessful, c4 no code; c5 cancelled, c6 not closed, c7 outside
    // success = (1 + 1) / 3 = 66.7 %; clean = 1 / 3
    expect(changeSuccessRate(changes, { period: day })).toEqual({
      closed: 4, successful: 1, successfulWithIssues: 1, unsuccessful: 1, withoutCloseCode: 1,
      successPct: (2 / 3) * 100, cleanSuccessPct: (1 / 3) * 100,
    });
  });

  it('emergencyChangeRatio, hand-computed', () => {
    // opened in the day: c1, c2, c4, c5, c6 (c3 and c7 opened before); emergency: c2, c5 -> 2/5 = 40 %
    expect(emergencyChangeRatio(changes, { period: day })).toEqual({ total: 5, matching: 2, ratePct: 40 });
  });

  it('changesCausingIncidents, hand-computed, from both sides of the link', () => {
    // implemented in the day: c1 (closedAt), c2 (actualEnd 03:00), c3, c4, c6 (actualEnd); c5 cancelled, c7 outside
    // caused: c2 (own causedIncidentIds i9 + incident i8 -> c2), c6 (incident i10 -> c6) -> 2/5 = 40 %
    const incs = [
      { id: 'i8', causedByChangeId: 'c2' },
      { id: 'i9', causedByChangeId: 'c2' },
      { id: 'i10', causedByChangeId: 'c6' },
      { id: 'i11', causedByChangeId: 'c7' },
      { id: 'i12' },
    ];
    expect(changesCausingIncidents(changes, incs, { period: day })).toEqual({ total: 5, matching: 2, ratePct: 40, changeIds: ['c2', 'c6'], incidentIds: ['i10', 'i8', 'i9'] });
    const byType = changesCausingIncidents(changes, incs, { period: day, groupBy: 'type' });
    expect(byType.groups.map((g) => [g.key, g.value.total, g.value.matching])).toEqual([
      ['emergency', 1, 1],
      ['normal', 3, 1],
      ['standard', 1, 0],
    ]);
  });
});

describe('backlogAge', () => {
  const items = [
    { openedAt: at('12:00', '2026-11-30'), state: 'new' }, // 12 h old at Dec 1 00:00
    { openedAt: at('00:00', '2026-11-29'), state: 'in_progress' }, // exactly 2 days
    { openedAt: at('00:00', '2026-11-01'), state: 'on_hold' }, // exactly 30 days -> 30d-90d bucket
    { openedAt: at('00:00', '2026-11-20'), state: 'resolved', resolvedAt: at('00:00', '2026-11-25') }, // resolved before the end
    { openedAt: at('00:00', '2026-11-20'), state: 'resolved', resolvedAt: at('00:00', '2026-12-01') }, // resolved exactly at the end: still open in the period (11 days)
    { openedAt: at('00:00', '2026-11-20'), state: 'canceled' }, // cancelled, no instant: not open
    { openedAt: at('00:00', '2026-12-02'), state: 'new' }, // opened after the end
  ];
  const period = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };

  it('hand-computed buckets at the period end', () => {
    const r = backlogAge(items, { period });
    expect(r.open).toBe(4);
    expect(r.buckets.map((b) => [b.label, b.count])).toEqual([
      ['<1d', 1],
      ['1d-3d', 1],
      ['3d-7d', 0],
      ['7d-30d', 1],
      ['30d-90d', 1],
      ['>=90d', 0],
    ]);
    expect(r.ages.max).toBe(30 * DAY);
    expect(r.ages.min).toBe(12 * HOUR);
  });

  it('custom boundaries and validation', () => {
    const r = backlogAge(items, { period, boundariesMs: [DAY] });
    expect(r.buckets).toEqual([
      { label: '<1d', minMs: 0, maxMs: DAY, count: 1 },
      { label: '>=1d', minMs: DAY, maxMs: null, count: 3 },
    ]);
    expect(() => backlogAge(items, { period, boundariesMs: [DAY, DAY] })).toThrow(/boundariesMs\.1/);
    expect(backlogAge([], { period }).ages.mean).toBeNull();
  });

  it('property: bucket counts add up to the open count, per group too', () => {
    const rec = fc.record({ opened: fc.integer({ min: 0, max: 100 * DAY }), resolvedAfter: fc.option(fc.integer({ min: 0, max: 50 * DAY }), { nil: undefined }), p: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 100 }), (rows) => {
        const recs = rows.map((r) => ({ openedAt: r.opened, priority: r.p, ...(r.resolvedAfter !== undefined ? { resolvedAt: r.opened + r.resolvedAfter } : {}) }));
        const r = backlogAge(recs, { period: { from: 0, to: 60 * DAY }, groupBy: 'priority' });
        expect(r.overall.buckets.reduce((n, b) => n + b.count, 0)).toBe(r.overall.open);
        expect(r.groups.reduce((n, g) => n + g.value.open, 0)).toBe(r.overall.open);
        const expected = recs.filter((x) => x.openedAt < 60 * DAY && (x.resolvedAt === undefined || x.resolvedAt >= 60 * DAY)).length;
        expect(r.overall.open).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
