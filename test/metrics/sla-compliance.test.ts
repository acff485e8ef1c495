import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLA_STATUSES, slaCompliance, type SlaOutcome } from 'itsm-kit/metrics';

const results: SlaOutcome[] = [
  { policyId: 'resolution', status: 'stopped', breached: false, startedAt: '2026-11-23T08:00:00Z', stoppedAt: '2026-11-23T09:00:00Z' },
  { policyId: 'resolution', status: 'stopped', breached: false, startedAt: '2026-11-23T08:00:00Z', stoppedAt: '2026-11-23T10:00:00Z' },
  { policyId: 'resolution', status: 'stopped', breached: true, startedAt: '2026-11-20T08:00:00Z', stoppedAt: '2026-11-23T11:00:00Z' },
  { policyId: 'resolution', status: 'running', breached: true, startedAt: '2026-11-22T08:00:00Z', stoppedAt: null },
  { policyId: 'response', status: 'paused', breached: false, startedAt: '2026-11-23T12:00:00Z', stoppedAt: null },
  { policyId: 'response', status: 'cancelled', breached: false, startedAt: '2026-11-23T12:00:00Z', stoppedAt: '2026-11-23T13:00:00Z' },
  { policyId: 'response', status: 'not_started', breached: false, startedAt: null, stoppedAt: null },
  { policyId: 'response', status: 'stopped', breached: false, startedAt: '2026-11-22T08:00:00Z', stoppedAt: '2026-11-22T09:00:00Z' },
];

describe('slaCompliance', () => {
  it('hand-computed: overall, without a period', () => {
    // met: 3 stopped unbreached (rows 0, 1, 7); breached: rows 2 and 3; inProgress: row 4; cancelled 1, notStarted 1
    // counted 6: met 50 %, breached 33.3 %, inProgress 16.7 %; compliance = 3 / 5 = 60 %
    expect(slaCompliance(results)).toEqual({
      counted: 6, met: 3, breached: 2, inProgress: 1, cancelled: 1, notStarted: 1,
      metPct: 50, breachedPct: (2 / 6) * 100, inProgressPct: (1 / 6) * 100, compliancePct: 60,
    });
  });

  it('hand-computed: by policy, within a period', () => {
    const r = slaCompliance(results, { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' }, groupBy: 'policyId' });
    // resolution: rows 0, 1 met; row 2 breached (stopped in the day); row 3 running breached (started before the end)
    // response: row 4 in progress; row 5 cancelled in the day; row 6 never started (no period); row 7 stopped the day before
    expect(r.groups.map((g) => [g.key, g.value.met, g.value.breached, g.value.inProgress, g.value.cancelled, g.value.compliancePct])).toEqual([
      ['resolution', 2, 2, 0, 0, 50],
      ['response', 0, 0, 1, 1, null],
    ]);
    expect(r.overall.counted).toBe(5);
  });

  it('zero counts -> null percentages', () => {
    expect(slaCompliance([])).toMatchObject({ counted: 0, metPct: null, compliancePct: null });
  });

  it('rejects an unknown status or a non-boolean breached, naming the field', () => {
    expect(() => slaCompliance([{ status: 'done', breached: false } as never])).toThrow(/results\.0\.status/);
    expect(() => slaCompliance([{ status: 'running', breached: 'no' } as never])).toThrow(/results\.0\.breached/);
  });

  it('property: buckets partition the results; percentages add up to 100', () => {
    const outcome = fc.record({ policyId: fc.constantFrom('a', 'b', 'c'), status: fc.constantFrom(...SLA_STATUSES), breached: fc.boolean() });
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 100 }), (rs) => {
        const r = slaCompliance(rs, { groupBy: 'policyId' });
        const o = r.overall;
        expect(o.counted + o.cancelled + o.notStarted).toBe(rs.length);
        expect(r.groups.reduce((n, g) => n + g.value.counted, 0)).toBe(o.counted);
        if (o.counted > 0) expect(o.metPct! + o.breachedPct! + o.inProgressPct!).toBeCloseTo(100, 9);
        else expect(o.metPct).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
