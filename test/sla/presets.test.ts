import { describe, expect, it } from 'vitest';
import { createSlaPolicy, evaluateSla, INCIDENT_RESOLUTION_PRESET, INCIDENT_RESPONSE_PRESET, incidentResolutionPolicy, incidentResponsePolicy } from 'itsm-kit/sla';

const MIN = 60_000;
const H = 60 * MIN;
const targetFor = (definition: Parameters<typeof createSlaPolicy>[0], priority: number) =>
  evaluateSla(createSlaPolicy(definition), [{ at: 0, record: { state: 'new', priority } }], 0).targetMs;

describe('incident presets', () => {
  it('response: P1 15 min, P2 30 min, P3 4 h, P4 1 day, P5 none', () => {
    expect([1, 2, 3, 4, 5].map((p) => targetFor(INCIDENT_RESPONSE_PRESET, p))).toEqual([15 * MIN, 30 * MIN, 4 * H, 24 * H, null]);
  });
  it('resolution: P1 4 h, P2 8 h, P3 3 days, P4 5 days, P5 none', () => {
    expect([1, 2, 3, 4, 5].map((p) => targetFor(INCIDENT_RESOLUTION_PRESET, p))).toEqual([4 * H, 8 * H, 72 * H, 120 * H, null]);
  });
  it('a business day can be the desk day, and any field can be overridden', () => {
    const def = incidentResolutionPolicy({ businessDayMs: 8 * H, id: 'desk', warnAt: [0.9] });
    expect(targetFor(def, 3)).toBe(24 * H);
    expect(def).toMatchObject({ id: 'desk', warnAt: [0.9] });
    expect(Object.isFrozen(INCIDENT_RESOLUTION_PRESET)).toBe(true);
    expect(Object.isFrozen(incidentResponsePolicy().start)).toBe(false);
  });
  it('response stops on acknowledgement or when work starts; P5 runs without a target', () => {
    const policy = createSlaPolicy(incidentResponsePolicy());
    const ack = evaluateSla(policy, [
      { at: 0, record: { state: 'new', priority: 2 } },
      { at: 10 * MIN, record: { state: 'new', priority: 2, acknowledgedAt: '2026-11-23T08:10:00Z' } },
    ], H);
    expect(ack).toMatchObject({ status: 'stopped', elapsedMs: 10 * MIN, breached: false });
    const p5 = evaluateSla(policy, [{ at: 0, record: { state: 'new', priority: 5 } }], H);
    expect(p5).toMatchObject({ status: 'running', targetMs: null, elapsedMs: H, dueAt: null, nextEvaluationAt: null, percentage: null });
  });
  it('resolution: canceled cancels, on_hold pauses', () => {
    const policy = createSlaPolicy(INCIDENT_RESOLUTION_PRESET);
    const r = evaluateSla(policy, [
      { at: 0, record: { state: 'new', priority: 1 } },
      { at: H, record: { state: 'on_hold', priority: 1 } },
      { at: 2 * H, record: { state: 'canceled', priority: 1 } },
    ], 5 * H);
    expect(r).toMatchObject({ status: 'cancelled', elapsedMs: H, pausedMs: H, stoppedAt: new Date(2 * H), dueAt: null });
  });
});
