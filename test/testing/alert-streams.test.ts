import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlertSchema } from 'itsm-kit/models';
import { alertStorm, createRandom, flappingAlerts, lateAlerts, steadyAlerts, withLateArrivals, type AlertArrival } from 'itsm-kit/testing';

const ms = (iso: string) => Date.parse(iso);

function expectWellFormed(stream: AlertArrival[]) {
  const ids = new Set<string>();
  stream.forEach((a, i) => {
    expect(AlertSchema.safeParse(a.alert).success).toBe(true);
    ids.add(a.alert.id);
    if (i > 0) expect(ms(a.receivedAt)).toBeGreaterThanOrEqual(ms(stream[i - 1]!.receivedAt));
    // Nothing arrives before it happened.
    expect(ms(a.receivedAt)).toBeGreaterThanOrEqual(ms(a.alert.endsAt ?? a.alert.startsAt));
  });
  expect(ids.size).toBe(stream.length);
}

// A small topology: db <- api <- web, api <- worker, cache <- web; lb connected_to web.
const topology = [
  { from: 'api', to: 'db', type: 'depends_on' },
  { from: 'web', to: 'api', type: 'depends_on' },
  { from: 'worker', to: 'api', type: 'depends_on' },
  { from: 'web', to: 'cache', type: 'depends_on' },
  { from: 'lb', to: 'web', type: 'connected_to' },
];

/** The canonical mulberry32 snippet (Tommy Ettinger, as widely published), used as the reference. */
function mulberry32(a: number) {
  return function () {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createRandom (mulberry32)', () => {
  it('equals the canonical mulberry32 snippet for any seed, and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const ours = createRandom(seed);
        const ref = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const x = ours.next();
          expect(x).toBe(ref());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('int, pick and chance stay in range', () => {
    const r = createRandom(9);
    for (let i = 0; i < 1_000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    }
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
    expect(() => r.pick([])).toThrow(/items/);
  });
});

describe('steadyAlerts', () => {
  it('well formed; count firing alerts; resolved ones share the labels of a firing one', () => {
    const s = steadyAlerts({ seed: 3, count: 200, ciIds: ['a', 'b'] });
    expectWellFormed(s);
    const firing = s.filter((a) => a.alert.status === 'firing');
    expect(firing).toHaveLength(200);
    const labelsOfFiring = new Set(firing.map((a) => JSON.stringify(a.alert.labels) + a.alert.startsAt));
    for (const a of s.filter((x) => x.alert.status === 'resolved')) expect(labelsOfFiring.has(JSON.stringify(a.alert.labels) + a.alert.startsAt)).toBe(true);
    expect(new Set(s.map((a) => a.alert.ciId))).toEqual(new Set(['a', 'b']));
    expect(steadyAlerts({ count: 5, resolveRatio: 0 })).toHaveLength(5);
  });
  it('rejects bad options naming the field', () => {
    expect(() => steadyAlerts({ count: -1 })).toThrow(/count/);
    expect(() => steadyAlerts({ seed: 1.5 })).toThrow(/seed/);
    expect(() => steadyAlerts({ ciIds: [] })).toThrow(/ciIds/);
  });
});

describe('alertStorm', () => {
  it('the upstream CI fires first; every transitive dependant alerts; nothing else does', () => {
    const s = alertStorm({ seed: 1, upstreamCiId: 'db', topology, alertsPerDependant: 4, duplicateRatio: 0 });
    expectWellFormed(s);
    expect(s[0]!.alert).toMatchObject({ ciId: 'db', severity: 'critical', labels: { alertname: 'ServiceDown', ci: 'db' } });
    // dependants of db: api (1 hop), web and worker (2), lb (3, connected_to web). cache is upstream of web only.
    const byCi = new Map<string, number>();
    for (const a of s) byCi.set(a.alert.ciId!, (byCi.get(a.alert.ciId!) ?? 0) + 1);
    expect(Object.fromEntries(byCi)).toEqual({ db: 1, api: 4, web: 4, worker: 4, lb: 4 });
    // distinct alert names per CI
    for (const ci of ['api', 'web', 'worker', 'lb']) expect(new Set(s.filter((a) => a.alert.ciId === ci).map((a) => a.alert.labels.alertname)).size).toBe(4);
  });
  it('duplicates re-send the same labels and startsAt later', () => {
    const s = alertStorm({ seed: 2, upstreamCiId: 'db', topology, duplicateRatio: 1 });
    expectWellFormed(s);
    const keys = s.map((a) => JSON.stringify(a.alert.labels) + a.alert.startsAt);
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
  });
  it('a large storm: 500+ alerts from 100 dependants', () => {
    const star = Array.from({ length: 100 }, (_, i) => ({ from: `svc-${i}`, to: 'db' }));
    const s = alertStorm({ seed: 5, upstreamCiId: 'db', topology: star, alertsPerDependant: 5 });
    expect(s.length).toBeGreaterThanOrEqual(501);
    expectWellFormed(s);
  });
  it('rejects bad topology', () => {
    expect(() => alertStorm({ upstreamCiId: 'db', topology: [{ from: '', to: 'db' }] })).toThrow(/topology\.0/);
  });
});

describe('flappingAlerts', () => {
  it('alternates firing and resolved with the same labels', () => {
    const s = flappingAlerts({ seed: 4, flaps: 25, ciId: 'disk-7' });
    expectWellFormed(s);
    expect(s).toHaveLength(50);
    s.forEach((a, i) => expect(a.alert.status).toBe(i % 2 === 0 ? 'firing' : 'resolved'));
    expect(new Set(s.map((a) => JSON.stringify(a.alert.labels))).size).toBe(1);
  });
});

describe('late arrivals', () => {
  it('keeps every alert, delays some, and puts startsAt out of order', () => {
    const base = steadyAlerts({ seed: 6, count: 300, resolveRatio: 0 });
    const late = withLateArrivals(base, { seed: 6, lateRatio: 0.3, maxDelayMs: 30 * 60_000 });
    expectWellFormed(late);
    expect(late.map((a) => a.alert.id).sort()).toEqual(base.map((a) => a.alert.id).sort());
    expect(late.some((a, i) => i > 0 && a.alert.startsAt < late[i - 1]!.alert.startsAt)).toBe(true);
    // base is steady: in order
    expect(base.every((a, i) => i === 0 || a.alert.startsAt >= base[i - 1]!.alert.startsAt)).toBe(true);
    expect(withLateArrivals(base, { lateRatio: 0 })).toEqual(base);
    // Arrivals without a timestamp string are named, not a crash inside Date.parse.
    for (const bad of [null, { receivedAt: Object.create(null) }, { receivedAt: 5 }]) {
      expect(() => withLateArrivals([base[0]!, bad as never])).toThrow(/stream\.1\.receivedAt: must be an ISO-8601 timestamp/);
    }
    // Options that are not an object are named, not a crash on a property read.
    for (const options of [null, 3, 'x', []]) {
      expect(() => withLateArrivals(base, options as never)).toThrow(/withLateArrivals options: options: must be an object/);
    }
  });
  it('refuses an arrival too close to the end of time to be delayed, whichever arrivals the seed delays', () => {
    const [first] = steadyAlerts({ seed: 2, count: 1 });
    const last = { ...first!, receivedAt: '+275760-09-13T00:00:00.000Z' };
    for (const lateRatio of [0, 1]) {
      expect(() => withLateArrivals([first!, last], { lateRatio, maxDelayMs: 1 })).toThrow(/stream\.1\.receivedAt: is too late to delay/);
    }
    expect(withLateArrivals([first!, { ...last, receivedAt: new Date(8.64e15 - 1).toISOString() }], { lateRatio: 1, maxDelayMs: 1 })).toHaveLength(2);
  });
  it('lateAlerts = steady + late delivery', () => {
    const s = lateAlerts({ seed: 3, count: 100, lateRatio: 0.3 });
    expectWellFormed(s);
    expect(s.some((a, i) => i > 0 && a.alert.startsAt < s[i - 1]!.alert.startsAt)).toBe(true);
  });
});

describe('property: same seed -> same stream; different seeds differ', () => {
  const generators: Array<[string, (seed: number) => AlertArrival[]]> = [
    ['steady', (seed) => steadyAlerts({ seed, count: 30 })],
    ['storm', (seed) => alertStorm({ seed, upstreamCiId: 'db', topology })],
    ['flapping', (seed) => flappingAlerts({ seed, flaps: 8 })],
    ['late', (seed) => lateAlerts({ seed, count: 30, lateRatio: 0.5 })],
  ];
  for (const [name, gen] of generators) {
    it(name, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
          expect(gen(seed)).toEqual(gen(seed));
          expect(JSON.stringify(gen(seed).map((a) => a.receivedAt))).not.toBe(JSON.stringify(gen(seed + 1).map((a) => a.receivedAt)));
        }),
        { numRuns: 40 },
      );
    });
  }
});
