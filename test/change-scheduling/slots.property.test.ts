import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectConflicts, findChangeSlots } from 'itsm-kit/change';
import type { ChangeSlot, ScheduleContext } from 'itsm-kit/change';
import type { ChangeInput } from 'itsm-kit/models';
import { createTopology } from 'itsm-kit/topology';
import { change, H, iso, MONDAY } from './fixtures';

const Q = 15 * 60_000;
const CIS = ['a', 'b', 'c', 'd'];
const PEOPLE = ['alice', 'bob'];
const topology = createTopology({
  cis: CIS.map((id) => ({ id, name: id, ciClass: 'server' })),
  relationships: [{ from: 'a', to: 'b', type: 'depends_on' }, { from: 'b', to: 'c', type: 'runs_on' }],
});

/** A window of `n` quarter hours starting `k` quarter hours after Monday 00:00 UTC (about 3 days). */
const windowArb = fc.record({ k: fc.integer({ min: 0, max: 300 }), n: fc.integer({ min: 1, max: 40 }) }).map(({ k, n }) => ({ start: MONDAY + k * Q, end: MONDAY + (k + n) * Q }));
const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
/** A recurring weekday window in a zone with a 30-minute offset, so its edges fall off the hour grid. */
const calendarArb = fc.record({ from: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 1, max: 40 }) }).map(({ from, len }) => ({
  timeZone: 'Asia/Kolkata',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu'].map((d) => [d, [{ start: hhmm(from), end: hhmm(Math.min(96, from + len)) }]])),
}));

const scheduleArb = fc.record({
  subjectCis: fc.subarray(CIS, { maxLength: 2 }),
  assignedTo: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined }),
  duration: fc.integer({ min: 1, max: 16 }).map((n) => n * Q),
  changes: fc.array(
    fc.record({
      w: windowArb,
      ciIds: fc.subarray(CIS, { maxLength: 2 }),
      state: fc.constantFrom('new', 'authorize', 'scheduled', 'implement', 'closed' as const),
      assignedTo: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined }),
    }),
    { maxLength: 6 },
  ),
  blackouts: fc.array(fc.record({ w: windowArb, ciIds: fc.option(fc.subarray(CIS, { maxLength: 2 }), { nil: undefined }) }), { maxLength: 3 }),
  recurringBlackout: fc.option(calendarArb, { nil: undefined, freq: 1 }),
  maintenance: fc.array(fc.record({ w: windowArb, ciIds: fc.subarray(CIS, { minLength: 1, maxLength: 2 }) }), { maxLength: 3 }),
  recurringMaintenance: fc.option(fc.record({ calendar: calendarArb, ciIds: fc.subarray(CIS, { minLength: 1, maxLength: 2 }) }), { nil: undefined, freq: 1 }),
  withTopology: fc.boolean(),
  fromQ: fc.integer({ min: 0, max: 100 }),
  fromJitter: fc.integer({ min: 0, max: Q - 1 }),
  step: fc.constantFrom(Q, 2 * Q, H),
  horizonQ: fc.integer({ min: 8, max: 200 }),
  limit: fc.integer({ min: 1, max: 12 }),
});

type Case = typeof scheduleArb extends fc.Arbitrary<infer T> ? T : never;

function toInputs(c: Case): { subject: ChangeInput; context: ScheduleContext; from: number; horizonMs: number } {
  const subject = change('me', MONDAY, MONDAY + c.duration, { ciIds: c.subjectCis, ...(c.assignedTo ? { assignedTo: c.assignedTo } : {}) });
  const changes = c.changes.map((o, i) => change(`o${i}`, o.w.start, o.w.end, { ciIds: o.ciIds, state: o.state, ...(o.assignedTo ? { assignedTo: o.assignedTo } : {}) }));
  const blackouts = [
    ...c.blackouts.map((b, i) => ({ id: `b${i}`, start: iso(b.w.start), end: iso(b.w.end), ...(b.ciIds ? { ciIds: b.ciIds } : {}) })),
    ...(c.recurringBlackout ? [{ id: 'b-rec', calendar: c.recurringBlackout }] : []),
  ];
  const maintenanceWindows = [
    ...c.maintenance.map((m, i) => ({ id: `m${i}`, ciIds: m.ciIds, start: iso(m.w.start), end: iso(m.w.end) })),
    ...(c.recurringMaintenance ? [{ id: 'm-rec', ciIds: c.recurringMaintenance.ciIds, calendar: c.recurringMaintenance.calendar }] : []),
  ];
  const context = { changes, blackouts, maintenanceWindows, ...(c.withTopology ? { topology } : {}) };
  return { subject, context, from: MONDAY + c.fromQ * Q + c.fromJitter, horizonMs: c.horizonQ * Q };
}

/** Brute force (slow: about a millisecond per detectConflicts call with recurring windows): try every grid start in turn with detectConflicts; after a hit, continue from its end. */
function referenceSlots(subject: ChangeInput, context: ScheduleContext, from: number, horizonMs: number, step: number, d: number, limit: number): ChangeSlot[] {
  const out: ChangeSlot[] = [];
  let t = Math.ceil(from / step) * step;
  while (out.length < limit && t + d <= from + horizonMs) {
    const slot = { plannedStart: iso(t), plannedEnd: iso(t + d) };
    if (detectConflicts({ ...subject, ...slot }, context).length === 0) {
      out.push(slot);
      t = Math.ceil((t + d) / step) * step;
    } else t += step;
  }
  return out;
}

describe('findChangeSlots properties', () => {
  it('returns exactly the earliest conflict-free windows a brute-force search finds', () => {
    fc.assert(
      fc.property(scheduleArb, (c) => {
        const { subject, context, from, horizonMs } = toInputs(c);
        const slots = findChangeSlots(subject, { ...context, from, horizonMs, limit: c.limit, stepMs: c.step });
        expect(slots).toEqual(referenceSlots(subject, context, from, horizonMs, c.step, c.duration, c.limit));
      }),
      { numRuns: 80 },
    );
  });

  it('every slot is conflict-free, on the grid, within the horizon, sorted, non-overlapping and at most limit', () => {
    fc.assert(
      fc.property(scheduleArb, (c) => {
        const { subject, context, from, horizonMs } = toInputs(c);
        const slots = findChangeSlots(subject, { ...context, from, horizonMs, limit: c.limit, stepMs: c.step });
        expect(slots.length).toBeLessThanOrEqual(c.limit);
        let previousEnd = -Infinity;
        for (const slot of slots) {
          const [s, e] = [Date.parse(slot.plannedStart), Date.parse(slot.plannedEnd)];
          expect(e - s).toBe(c.duration);
          expect(s % c.step).toBe(0);
          expect(s).toBeGreaterThanOrEqual(Math.max(from, previousEnd));
          expect(e).toBeLessThanOrEqual(from + horizonMs);
          expect(detectConflicts({ ...subject, ...slot }, context)).toEqual([]);
          previousEnd = e;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('conflicts are symmetric for same-CI overlaps between two occupying changes', () => {
    fc.assert(
      fc.property(windowArb, windowArb, fc.subarray(CIS, { minLength: 1 }), fc.subarray(CIS, { minLength: 1 }), (w1, w2, c1, c2) => {
        const x = change('x', w1.start, w1.end, { ciIds: c1 });
        const y = change('y', w2.start, w2.end, { ciIds: c2 });
        const none = { blackouts: [], maintenanceWindows: [] };
        const xy = detectConflicts(x, { ...none, changes: [y] }).length > 0;
        const yx = detectConflicts(y, { ...none, changes: [x] }).length > 0;
        expect(xy).toBe(yx);
        expect(xy).toBe(w1.start < w2.end && w2.start < w1.end && c1.some((id) => c2.includes(id)));
      }),
      { numRuns: 500 },
    );
  });
});
