import { describe, expect, it } from 'vitest';
import { ItsmValidationError } from 'itsm-kit/models';
import { advanceSla, createSlaPolicy, evaluateSla, SLA_LIMITS, slaStatus, startSla, type SlaState } from 'itsm-kit/sla';

const H = 3_600_000;
const policy = createSlaPolicy({
  id: 'p', target: { durationMs: 2 * H }, warnAt: [0.5],
  start: { field: 'state', op: 'eq', value: 'new' }, pause: { field: 'state', op: 'eq', value: 'on_hold' },
  stop: { field: 'state', op: 'eq', value: 'resolved' },
});

function pathOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ItsmValidationError);
    return (e as ItsmValidationError).issues[0]?.path;
  }
  throw new Error('expected a throw');
}

describe('incremental clock', () => {
  it('steps through a lifecycle with plain-JSON states, never changing the given state', () => {
    const s0 = startSla(policy);
    const s1 = advanceSla(s0, { at: 0, record: { state: 'new' } });
    const s2 = advanceSla(s1, { at: H, record: { state: 'on_hold' } });
    expect(s0.status).toBe('not_started');
    expect(s1.status).toBe('running');
    expect(slaStatus(s1, H).elapsedMs).toBe(H);
    expect(slaStatus(s2, 3 * H)).toMatchObject({ status: 'paused', elapsedMs: H, pausedMs: 2 * H });
    const stored = JSON.parse(JSON.stringify(s2)) as SlaState;
    expect(stored).toEqual(s2);
    const s3 = advanceSla(stored, { at: 3 * H, record: { state: 'new' } });
    expect(slaStatus(s3, 4 * H)).toEqual(evaluateSla(policy, [
      { at: 0, record: { state: 'new' } }, { at: H, record: { state: 'on_hold' } }, { at: 3 * H, record: { state: 'new' } },
    ], 4 * H));
  });

  it('measures many pauses once, and reads a state stored by 0.1.0 (every pause measured, no pauseUnmeasured)', () => {
    const entries = [0, 1, 2, 3, 4, 5].map((i) => ({ at: i * H, record: { state: i % 2 === 0 ? 'new' : 'on_hold' } }));
    const state = entries.reduce(advanceSla, startSla(policy));
    expect(state.pauseUnmeasured).toBe(true);
    expect(slaStatus(state, 7 * H)).toMatchObject({ status: 'paused', elapsedMs: 3 * H, pausedMs: 4 * H });
    const s1 = advanceSla(advanceSla(startSla(policy), entries[0]!), entries[1]!);
    const { pauseUnmeasured: _omitted, ...stored } = { ...s1, pauseUnmeasured: undefined, pausedMs: 0 };
    const old = { ...stored, since: 2 * H, pausedMs: H } as SlaState; // a 0.1.0 state: the pause measured up to 2 h
    expect(slaStatus(old, 3 * H)).toMatchObject({ status: 'paused', elapsedMs: H, pausedMs: 2 * H });
    expect(slaStatus(advanceSla(old, { at: 3 * H, record: { state: 'new' } }), 4 * H)).toMatchObject({ elapsedMs: 2 * H, pausedMs: 2 * H });
  });

  it('accepts a plain definition wherever a policy is expected', () => {
    const state = advanceSla(startSla(policy.definition), { at: 0, record: { state: 'new' } });
    expect(slaStatus(state, 10).elapsedMs).toBe(10);
  });

  it('refuses entries out of time order, and now before the last entry', () => {
    const s1 = advanceSla(startSla(policy), { at: 1_000, record: { state: 'new' } });
    expect(pathOf(() => advanceSla(s1, { at: 999, record: { state: 'new' } }))).toBe('entry.at');
    expect(pathOf(() => slaStatus(s1, 999))).toBe('now');
    expect(advanceSla(s1, { at: 1_000, record: { state: 'resolved' } }).status).toBe('stopped');
  });

  it('validates a restored state once and names the bad field', () => {
    const good = JSON.parse(JSON.stringify(advanceSla(startSla(policy), { at: 0, record: { state: 'new' } }))) as Record<string, unknown>;
    expect(pathOf(() => slaStatus({ ...good, elapsedMs: -1 } as never, 5))).toBe('elapsedMs');
    expect(pathOf(() => slaStatus({ ...good, status: 'sleeping' } as never, 5))).toBe('status');
    expect(pathOf(() => slaStatus({ ...good, reachedAt: [] } as never, 5))).toBe('reachedAt');
    expect(pathOf(() => slaStatus({ ...good, policy: { id: 'x' } } as never, 5))).toBe('policy.start');
    expect(pathOf(() => slaStatus({ ...good, stoppedAt: 3 } as never, 5))).toBe('stoppedAt');
  });
});

describe('timeline validation (batch)', () => {
  it('names the entry and field', () => {
    expect(pathOf(() => evaluateSla(policy, [{ at: 5, record: {} }, { at: 4, record: {} }], 10))).toBe('timeline.1.at');
    expect(pathOf(() => evaluateSla(policy, [{ at: '2026-11-23 08:00', record: {} }], 10))).toBe('timeline.0.at');
    expect(pathOf(() => evaluateSla(policy, [{ at: 1, record: null as never }], 10))).toBe('timeline.0.record');
    expect(pathOf(() => evaluateSla(policy, [{ at: 1, record: {}, by: 'x' } as never], 10))).toBe('timeline.0.by');
    expect(pathOf(() => evaluateSla(policy, [], 'yesterday'))).toBe('now');
    expect(pathOf(() => evaluateSla(policy, {} as never, 1))).toBe('timeline');
    const tooMany = Array.from({ length: SLA_LIMITS.timelineEntries + 1 }, () => ({ at: 0, record: {} }));
    expect(pathOf(() => evaluateSla(policy, tooMany, 1))).toBe('timeline');
  });

  it('applies equal instants in order, the later entry last', () => {
    const r = evaluateSla(policy, [{ at: 0, record: { state: 'new' } }, { at: 0, record: { state: 'on_hold' } }], H);
    expect(r).toMatchObject({ status: 'paused', elapsedMs: 0, pausedMs: H });
  });

  it('accepts Date, epoch ms and ISO instants alike', () => {
    const iso = evaluateSla(policy, [{ at: '2026-11-23T08:00:00Z', record: { state: 'new' } }], '2026-11-23T09:00:00+01:00');
    const ms = evaluateSla(policy, [{ at: Date.parse('2026-11-23T08:00:00Z'), record: { state: 'new' } }], new Date('2026-11-23T08:00:00Z'));
    expect(iso).toEqual(ms);
  });

  it('refuses a retroactive start after the entry, or a missing field', () => {
    const retro = createSlaPolicy({ id: 'r', start: { field: 'state', op: 'eq', value: 'new' }, retroactiveStart: { field: 'openedAt' } });
    expect(pathOf(() => evaluateSla(retro, [{ at: 0, record: { state: 'new', openedAt: 5 } }], 10))).toBe('timeline.0.record.openedAt');
    expect(pathOf(() => evaluateSla(retro, [{ at: 0, record: { state: 'new' } }], 10))).toBe('timeline.0.record.openedAt');
  });

  it('refuses a changed value too large to compare', () => {
    const p = createSlaPolicy({ id: 'c', start: { field: 's', op: 'exists' }, resetOn: { field: 'notes', op: 'changed' } });
    expect(pathOf(() => evaluateSla(p, [{ at: 0, record: { s: 1, notes: 'x'.repeat(5_000) } }], 1))).toBe('timeline.0.record.notes');
  });

  it('does not mutate its inputs', () => {
    const timeline = [{ at: 0, record: Object.freeze({ state: 'new' }) }, { at: H, record: Object.freeze({ state: 'resolved' }) }];
    Object.freeze(timeline);
    expect(evaluateSla(policy, timeline, 2 * H).status).toBe('stopped');
  });
});
