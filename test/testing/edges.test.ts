/** Test-data helpers at their edges: ids from overrides, and bad generator options named precisely. */
import { describe, expect, it } from 'vitest';
import { alertStorm, anAlert, anIncident, createBuilders, steadyAlerts, withLateArrivals } from 'itsm-kit/testing';
import { pathsOf } from '../_helpers/validation-paths';


describe('stateless builder ids', () => {
  it('derive from the overrides: equal overrides (in any key order; list order counts) give equal ids', () => {
    const a = anAlert({ labels: { b: '2', a: '1' }, startsAt: '2026-11-23T08:00:00.000Z' });
    const b = anAlert({ startsAt: '2026-11-23T08:00:00.000Z', labels: { a: '1', b: '2' } });
    expect(a.id).toMatch(/^alert-[0-9a-f]{8}$/);
    expect(b.id).toBe(a.id);
    expect(anAlert({ labels: { a: '1', b: '3' } }).id).not.toBe(a.id);
    expect(anIncident({ problemIds: ['p1', 'p2'] }).id).not.toBe(anIncident({ problemIds: ['p2', 'p1'] }).id);
    expect(anIncident().id).toBe('inc-1');
  });
});

describe('generator options', () => {
  it('name a bad seed, ratio, delay, start, id prefix or id list', () => {
    expect(pathsOf(() => steadyAlerts(42 as never))).toEqual(['options']);
    expect(pathsOf(() => steadyAlerts({ seed: 1.5 }))).toEqual(['seed']);
    expect(pathsOf(() => steadyAlerts({ idPrefix: '' }))).toEqual(['idPrefix']);
    expect(pathsOf(() => steadyAlerts({ ciIds: [] }))).toEqual(['ciIds']);
    expect(pathsOf(() => steadyAlerts({ ciIds: ['ok', ''] }))).toEqual(['ciIds.1']);
    expect(pathsOf(() => steadyAlerts({ resolveRatio: Number.NaN }))).toEqual(['resolveRatio']);
    expect(pathsOf(() => withLateArrivals({} as never))).toEqual(['stream']);
    expect(pathsOf(() => withLateArrivals(steadyAlerts({ count: 2 }), { maxDelayMs: 0 }))).toEqual(['maxDelayMs']);
    expect(pathsOf(() => withLateArrivals([{ receivedAt: 'later', alert: anAlert() }]))).toEqual(['stream.0.receivedAt']);
    expect(pathsOf(() => alertStorm({ upstreamCiId: 'db', topology: [], spreadMs: -1 }))).toEqual(['spreadMs']);
  });

  it('keep the arrivals that are not delayed as they are, and deliver every arrival exactly once', () => {
    const stream = steadyAlerts({ seed: 5, count: 40 });
    const late = withLateArrivals(stream, { seed: 2, lateRatio: 0.5 });
    expect(late.map((a) => a.alert.id).sort()).toEqual(stream.map((a) => a.alert.id).sort());
    const kept = late.filter((a) => stream.includes(a));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(stream.length);
    expect(withLateArrivals(stream, { lateRatio: 0 })).toEqual(stream);
  });

  it('builder sets validate their options', () => {
    expect(pathsOf(() => createBuilders({ idPrefix: 'x'.repeat(65) }))).toEqual(['idPrefix']);
    expect(pathsOf(() => createBuilders({ at: 'noon' }))).toEqual(['at']);
  });
});
