import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessTimeBetween } from 'itsm-kit/calendar';
import { advanceSla, createSlaPolicy, evaluateSla, slaStatus, startSla, type SlaState } from 'itsm-kit/sla';
import { caseArb, policyArb, policyShape, timelineArb } from './arbitraries';

const RUNS = 400;
const plainShape = policyShape({ resetOn: fc.constant(false), retroactive: fc.constant(false) });

describe('SLA properties', () => {
  it('incremental equals batch for any split of any timeline, with a JSON round trip at the split', () => {
    fc.assert(
      fc.property(caseArb(), fc.nat(), ({ policy: def, timeline, now }, cut) => {
        const policy = createSlaPolicy(def);
        const kept = timeline.filter((e) => e.at <= now);
        const split = kept.length === 0 ? 0 : cut % (kept.length + 1);
        let state: SlaState = startSla(policy);
        for (const e of kept.slice(0, split)) state = advanceSla(state, e);
        const stored = JSON.parse(JSON.stringify(state)) as SlaState;
        expect(stored).toEqual(state);
        state = stored;
        for (const e of kept.slice(split)) state = advanceSla(state, e);
        expect(slaStatus(state, now)).toEqual(evaluateSla(policy, timeline, now));
      }),
      { numRuns: RUNS },
    );
  });

  it('a clock paused throughout has elapsedMs 0', () => {
    const alwaysPaused = timelineArb(10, { state: fc.constant('on_hold') });
    fc.assert(
      fc.property(policyArb(plainShape), alwaysPaused, fc.integer({ min: 0, max: 10 * 86_400_000 }), (def, timeline, after) => {
        const policy = createSlaPolicy({ ...def, start: { field: 'state', op: 'exists' }, pause: { field: 'state', op: 'eq', value: 'on_hold' } });
        const now = (timeline[timeline.length - 1]?.at ?? 0) + after;
        const r = evaluateSla(policy, timeline, now);
        expect(r.elapsedMs).toBe(0);
        expect(r.breached).toBe(false);
        if (timeline.length > 0) expect(r.pausedMs).toBe(businessTimeBetween(policy.calendar, timeline[0]!.at, now));
      }),
      { numRuns: RUNS },
    );
  });

  it('elapsedMs + pausedMs is the business time from the start to the evaluation point (no reset, no retroactive start)', () => {
    fc.assert(
      fc.property(caseArb(plainShape), ({ policy: def, timeline, now }) => {
        const policy = createSlaPolicy(def);
        const r = evaluateSla(policy, timeline, now);
        if (r.startedAt === null) return;
        const point = r.stoppedAt ?? new Date(now);
        expect(r.elapsedMs + r.pausedMs).toBe(businessTimeBetween(policy.calendar, r.startedAt, point));
      }),
      { numRuns: RUNS },
    );
  });

  it('nextEvaluationAt, when evaluated at, shows the next warning or the breach crossed, and 1 ms before it nothing new', () => {
    fc.assert(
      fc.property(caseArb(), ({ policy: def, timeline, now }) => {
        const policy = createSlaPolicy(def);
        const known = timeline.filter((e) => e.at <= now);
        const r = evaluateSla(policy, known, now);
        if (r.nextEvaluationAt === null) {
          if (r.status === 'running' && r.targetMs !== null) expect(r.breached).toBe(true);
          return;
        }
        const at = r.nextEvaluationAt.getTime();
        expect(at).toBeGreaterThan(now);
        const later = evaluateSla(policy, known, at);
        expect(later.warnings.length > r.warnings.length || (later.breached && !r.breached)).toBe(true);
        const before = evaluateSla(policy, known, at - 1);
        expect(before.warnings).toEqual(r.warnings);
        expect(before.breached).toBe(r.breached);
      }),
      { numRuns: RUNS },
    );
  });

  it('results never change when entries after now are added', () => {
    fc.assert(
      fc.property(caseArb(), timelineArb(5), ({ policy: def, timeline, now }, extra) => {
        const policy = createSlaPolicy(def);
        const last = Math.max(now, timeline[timeline.length - 1]?.at ?? now);
        const future = extra.map((e, i) => ({ at: last + 1 + i * 60_000, record: e.record }));
        expect(evaluateSla(policy, [...timeline, ...future], now)).toEqual(evaluateSla(policy, timeline, now));
      }),
      { numRuns: RUNS },
    );
  });

  it('remaining and percentage are exact functions of elapsed and target; breached iff elapsed > target', () => {
    fc.assert(
      fc.property(caseArb(), ({ policy: def, timeline, now }) => {
        const r = evaluateSla(createSlaPolicy(def), timeline, now);
        if (r.targetMs === null) {
          expect([r.remainingMs, r.percentage, r.dueAt, r.breachedAt]).toEqual([null, null, null, null]);
          return;
        }
        expect(r.remainingMs).toBe(r.targetMs - r.elapsedMs);
        expect(r.percentage).toBe((r.elapsedMs / r.targetMs) * 100);
        expect(r.breached).toBe(r.status !== 'not_started' && r.elapsedMs > r.targetMs);
        expect(r.breachedAt !== null).toBe(r.breached);
      }),
      { numRuns: RUNS },
    );
  });
});
