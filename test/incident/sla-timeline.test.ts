import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slaTimeline, slaTimelineFromAudit, type AuditEntry } from 'itsm-kit/incident';
import { slaTimeline as fromChange } from 'itsm-kit/change';
import { slaTimeline as fromProblem } from 'itsm-kit/problem';

const iso = (ms: number) => new Date(ms).toISOString();

describe('slaTimeline', () => {
  it('is the same function from all three modules', () => {
    expect(fromChange).toBe(slaTimeline);
    expect(fromProblem).toBe(slaTimeline);
  });

  it('orders versions by updatedAt, keeps the last given per instant, and every point holds the whole record', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.integer({ min: 0, max: 20 }), v: fc.integer() }), { maxLength: 30 }), (raw) => {
        const versions = raw.map(({ t, v }) => ({ updatedAt: iso(1_700_000_000_000 + t * 60_000), v }));
        const timeline = slaTimeline(versions);
        // Reference: for each distinct instant in ascending order, the last version given with that instant.
        const instants = [...new Set(versions.map((x) => x.updatedAt))].sort();
        expect(timeline.map((p) => p.at)).toEqual(instants);
        for (const point of timeline) {
          const last = versions.filter((x) => x.updatedAt === point.at).at(-1);
          expect(point.record).toEqual(last);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('names the bad version', () => {
    expect(() => slaTimeline([{ updatedAt: '2026-11-23T08:00:00Z' }, { updatedAt: 'yesterday' }])).toThrow(/1\.updatedAt/);
  });
});

describe('slaTimelineFromAudit', () => {
  it('replays field changes, removals included, from the initial record', () => {
    const initial = { id: 'x', state: 'new', openedAt: '2026-11-23T08:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z', onHoldReason: undefined };
    const audit: AuditEntry[] = [
      { at: '2026-11-23T09:00:00.000Z', actor: 'a', command: 'hold', event: 'hold', from: 'new', to: 'on_hold', changes: [{ field: 'state', before: 'new', after: 'on_hold' }, { field: 'onHoldReason', after: 'awaiting_caller' }] },
      { at: '2026-11-23T10:00:00.000Z', actor: 'a', command: 'resume', event: 'resume', from: 'on_hold', to: 'in_progress', changes: [{ field: 'state', before: 'on_hold', after: 'in_progress' }, { field: 'onHoldReason', before: 'awaiting_caller' }] },
    ];
    const timeline = slaTimelineFromAudit(initial, audit);
    expect(timeline.map((p) => [p.at, p.record['state'], p.record['onHoldReason']])).toEqual([
      ['2026-11-23T08:00:00.000Z', 'new', undefined],
      ['2026-11-23T09:00:00.000Z', 'on_hold', 'awaiting_caller'],
      ['2026-11-23T10:00:00.000Z', 'in_progress', undefined],
    ]);
    expect('onHoldReason' in timeline[2]!.record).toBe(false);
    expect(timeline[2]!.record['updatedAt']).toBe('2026-11-23T10:00:00.000Z');
  });

  it('ignores prototype-polluting field names', () => {
    const audit: AuditEntry[] = [{ at: '2026-11-23T09:00:00.000Z', actor: 'a', command: 'x', event: 'x', from: 'new', to: 'new', changes: [{ field: '__proto__', after: { polluted: true } }] }];
    const timeline = slaTimelineFromAudit({ openedAt: '2026-11-23T08:00:00.000Z' }, audit);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(timeline[1]!.record)).toBe(Object.prototype);
  });
});
