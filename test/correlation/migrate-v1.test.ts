import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCorrelator, upgradeCorrelatorState, type CorrelatorState, type Decision } from 'itsm-kit/correlation';
import { ItsmValidationError } from 'itsm-kit';
import type { Alert } from 'itsm-kit/models';

// Fixtures written by itsm-kit 0.1.0 (commit 37a2521~1): the config, two streams of steps (ingest when
// `alerts` is given, tick otherwise), the 0.1.0 state after stream A, and what 0.1.0 decided.
interface Step {
  readonly now: number;
  readonly alerts?: readonly unknown[];
}
interface Fixture {
  readonly name: string;
  readonly config: never;
  readonly streamA: readonly Step[];
  readonly streamB: readonly Step[];
  readonly ticksAfter: readonly number[];
  readonly v1StateAfterA: Record<string, unknown>;
  readonly v1: { readonly decisionsB: readonly Decision[][]; readonly ticks: ReadonlyArray<{ now: number; decisions: Decision[] }> };
}

const load = (name: string): Fixture => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Fixture;
const NAMES = ['v1-mixed', 'v1-topology-storm', 'v1-resolve-first'];

// In v1-resolve-first a 'first' group resolved and was forgotten while one of its alerts still fires.
// v1 kept the group's key on the fingerprint and v2 keeps its number (rule index and sequence). With
// the config's rule ids (as ingest and tick pass them) the upgrade numbers it from the rule id;
// without them it drops that key: the alert's later decisions then list no incident key.
const DANGLING: Readonly<Record<string, string>> = { 'v1-resolve-first': 'first#1' };

// In v1-topology-storm a group-wait burst opened an incident past the alerts-per-incident limit. 0.1.0
// did not announce that; current code does as the incident opens, and marks the group (`sx`), which
// the 0.1.0 state therefore lacks. (An upgraded state announces it at the group's next alert.)
const OPENED_PAST_LIMIT: Readonly<Record<string, readonly string[]>> = { 'v1-topology-storm': ['cmdb#1'] };

/** The group entries with the `sx` mark dropped from the groups of fixture `name` that opened past the limit. */
function withoutOpeningMark(name: string, groups: Array<[string, unknown]>): Array<[string, unknown]> {
  const keys = OPENED_PAST_LIMIT[name] ?? [];
  return groups.map(([key, g]) => {
    if (!keys.includes(key)) return [key, g];
    const { sx, ...rest } = g as { sx?: 1 };
    expect(sx, key).toBe(1);
    return [key, rest];
  });
}

/** `decisions` without the dangling group key of fixture `name` (unchanged for the others). */
function withoutDangling(name: string, decisions: ReadonlyArray<readonly Decision[]>): ReadonlyArray<readonly Decision[]> {
  const key = DANGLING[name];
  if (key === undefined) return decisions;
  return decisions.map((step) => step.map((d) => ('incidentKeys' in d ? ({ ...d, incidentKeys: d.incidentKeys.filter((k) => k !== key) } as Decision) : d)));
}

// Decision types added since 0.1.0: 0.1.0 forgot such groups without a word.
const ADDED_SINCE_V1 = new Set<string>(['forget-incident', 'discard-pending']);

/** `decisions` as 0.1.0 would have made them: without the decision types added since. */
function asV1Made(decisions: readonly Decision[]): Decision[] {
  return decisions.filter((d) => !ADDED_SINCE_V1.has(d.type));
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** Runs the steps from `state`; returns the decisions of each step and the final state. */
function play(c: ReturnType<typeof createCorrelator>, state: CorrelatorState, steps: readonly Step[]): { decisions: Decision[][]; state: CorrelatorState } {
  const decisions: Decision[][] = [];
  for (const s of steps) {
    const out = s.alerts ? c.ingest(state, s.alerts as never, s.now) : c.tick(state, s.now);
    decisions.push(out.decisions);
    state = out.state;
  }
  return { decisions, state };
}

/** Plain JSON of decisions (frozen shared id lists and prototype-free objects compare as data). */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('upgrading itsm-kit 0.1.0 states (layout v1)', () => {
  for (const name of NAMES) {
    describe(name, () => {
      const fx = load(name);
      const c = createCorrelator(fx.config);
      const native = play(c, play(c, c.initialState(), fx.streamA).state, fx.streamB);
      const v1State = deepFreeze(structuredClone(fx.v1StateAfterA));
      const untouched = structuredClone(fx.v1StateAfterA);
      const ruleIds = c.config.rules.map((r) => r.id);

      if (DANGLING[name] !== undefined) it('without the rule ids, the dangling key is dropped and that is the only difference', () => {
        const after = play(c, upgradeCorrelatorState(v1State), fx.streamB);
        expect(plain(after.decisions)).not.toEqual(plain(native.decisions));
        expect(plain(after.decisions)).toEqual(plain(withoutDangling(name, native.decisions)));
        expect(JSON.stringify(native.decisions)).toContain(DANGLING[name]);
      });

      it('the fixture state is a non-trivial v1 state', () => {
        expect(v1State.v).toBe(1);
        expect((v1State.fps as { n: number }).n).toBeGreaterThan(0);
      });

      it('stream B after the upgrade decides what current code decides after stream A, and ticks later agree', () => {
        const migrated = upgradeCorrelatorState(v1State, ruleIds);
        expect(migrated.v).toBe(2);
        const after = play(c, migrated, fx.streamB);
        expect(plain(after.decisions)).toEqual(plain(native.decisions));
        for (const now of fx.ticksAfter) {
          const a = c.tick(after.state, now);
          const b = c.tick(native.state, now);
          expect(plain(a.decisions)).toEqual(plain(b.decisions));
          expect(a.nextTickAt).toBe(b.nextTickAt);
        }
      });

      it('the upgraded state holds what current code holds after stream A (up to table layout)', () => {
        const migrated = upgradeCorrelatorState(v1State, ruleIds);
        const ref = play(c, c.initialState(), fx.streamA).state;
        expect([migrated.seq, migrated.open, migrated.tracked, migrated.next]).toEqual([ref.seq, ref.open, ref.tracked, ref.next]);
        for (const t of ['index', 'inhibit', 'parked', 'cis'] as const) expect(plain(entries(migrated[t]))).toEqual(plain(entries(ref[t])));
        expect(plain(entries(migrated.groups))).toEqual(plain(withoutOpeningMark(name, entries(ref.groups))));
        expect(fpEntries(migrated)).toEqual(fpEntries(ref));
      });

      it('ingest and tick take the v1 state directly, and it agrees with the upgrade', () => {
        const direct = play(c, v1State as never, fx.streamB);
        expect(plain(direct.decisions)).toEqual(plain(native.decisions));
        expect(direct.state.v).toBe(2);
      });

      it('the upgraded state round-trips through JSON and the input is not mutated', () => {
        const migrated = upgradeCorrelatorState(v1State, ruleIds);
        const parsed = JSON.parse(JSON.stringify(migrated)) as CorrelatorState;
        expect(plain(play(c, parsed, fx.streamB).decisions)).toEqual(plain(native.decisions));
        expect(fx.v1StateAfterA).toEqual(untouched);
        expect(v1State).toEqual(untouched);
        expect(upgradeCorrelatorState(migrated)).toBe(migrated);
      });

      it('stream B after the upgrade decides what 0.1.0 itself decided', () => {
        const after = play(c, upgradeCorrelatorState(v1State, ruleIds), fx.streamB);
        expect(plain(after.decisions.map(asV1Made))).toEqual(plain(fx.v1.decisionsB));
        expect(fx.ticksAfter.map((now) => plain(asV1Made(c.tick(after.state, now).decisions)))).toEqual(fx.v1.ticks.map((t) => plain(t.decisions)));
      });
    });
  }
});

function entries(t: { b: ReadonlyArray<ReadonlyArray<unknown> | null> }): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const b of t.b) if (b) for (let j = 0; j < b.length; j += 2) out.push([b[j] as string, b[j + 1]]);
  return out.sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

function fpEntries(s: CorrelatorState): string[] {
  // Decoded through the public layout: one key string and one number array per bucket.
  const out: string[] = [];
  for (let i = 0; i < s.fps.k.length; i++) {
    const keys = s.fps.k[i];
    if (!keys) continue;
    for (let pos = 0; pos < keys.length; pos += keys.charCodeAt(pos) + 1) out.push(keys.slice(pos + 1, pos + 1 + keys.charCodeAt(pos)));
  }
  return out.sort();
}

describe('an incident 0.1.0 opened past the alerts-per-incident limit', () => {
  it('is announced once, at its next alert after the upgrade (current code announced it as it opened)', () => {
    const fx = load('v1-topology-storm');
    // Room for more tracked alerts (stream A filled the fixture's 12), so the next alert is placed normally.
    const config = fx.config as { storm: object };
    const c = createCorrelator({ ...config, storm: { ...config.storm, maxTrackedAlerts: 100 } } as never);
    const upgraded = upgradeCorrelatorState(fx.v1StateAfterA, c.config.rules.map((r) => r.id));
    const native = play(c, c.initialState(), fx.streamA).state;
    const next = (n: number): Alert => ({ id: `late${n}`, source: 'prometheus', status: 'firing', severity: 'major', labels: { alertname: 'AppErr0', app: `late${n}` }, annotations: {}, ciId: 'app-3', startsAt: '2026-11-23T08:01:00.000Z' });
    const now = fx.streamA.at(-1)!.now;
    const types = (s: CorrelatorState) => c.ingest(s, [next(1), next(2)], now).decisions.map((d) => `${d.type} ${'incidentKey' in d ? d.incidentKey : 'groupKey' in d ? d.groupKey : ''}`);
    expect(types(upgraded)).toEqual(['attach-alert cmdb#1', 'storm-detected cmdb#1', 'attach-alert cmdb#1']);
    expect(types(native)).toEqual(['attach-alert cmdb#1', 'attach-alert cmdb#1']);
  });
});

describe('malformed v1 states', () => {
  const fx = load('v1-mixed');
  const c = createCorrelator(fx.config);
  const base = fx.v1StateAfterA;
  const firstBucket = (t: string) => (base[t] as { b: unknown[][] }).b.findIndex((b) => b !== null);

  function expectRefused(state: unknown) {
    for (const run of [() => upgradeCorrelatorState(state), () => c.ingest(state as never, [], 0), () => c.tick(state as never, 0)]) {
      let err: unknown;
      try {
        run();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ItsmValidationError);
      expect((err as ItsmValidationError).issues[0]!.path).toBe('state');
    }
  }

  const mutate = (edit: (s: any) => void) => {
    const s = structuredClone(base) as any;
    edit(s);
    return s;
  };

  it('names `state` and the reason for broken tables and records', () => {
    expectRefused(mutate((s) => (s.fps.b = {})));
    expectRefused(mutate((s) => (s.groups = null)));
    expectRefused(mutate((s) => (s.fps.n += 1)));
    expectRefused(mutate((s) => s.groups.b[firstBucket('groups')].push('x')));
    expectRefused(mutate((s) => (s.groups.b[firstBucket('groups')][1].st = 7)));
    expectRefused(mutate((s) => (s.groups.b[firstBucket('groups')][1].ci = 'db')));
    expectRefused(mutate((s) => (s.fps.b[firstBucket('fps')][1].h = 'x')));
    expectRefused(mutate((s) => (s.fps.b[firstBucket('fps')][1].g = [1])));
    expectRefused(mutate((s) => (s.parked.b[firstBucket('parked')][1].alert.labels = { a: 1 })));
    expectRefused(mutate((s) => (s.parked.b[firstBucket('parked')][1].reason = 'toString')));
    expectRefused(mutate((s) => (s.inhibit.b[firstBucket('inhibit')][1].src = null)));
    expectRefused(mutate((s) => (s.index.b[firstBucket('index')][1] = 3)));
    expectRefused(mutate((s) => (s.seq = -1)));
    expectRefused({ v: 1 });
    expect(() => upgradeCorrelatorState(mutate((s) => (s.fps.b = {})))).toThrow(/state: is a state of itsm-kit 0\.1\.0 \(layout v1\) that cannot be upgraded: fps\.b is not an array/);
  });

  it('a missing group record drops only the dangling key of a fingerprint, as v2 tolerates', () => {
    const s = mutate((s) => {
      for (let i = 0; i < s.groups.b.length; i++) {
        const b = s.groups.b[i];
        if (b && b.includes('svc#3')) {
          b.splice(b.indexOf('svc#3'), 2);
          s.groups.b[i] = b.length === 0 ? null : b;
          s.groups.n--;
        }
      }
    });
    expect(upgradeCorrelatorState(s).groups.n).toBe((base.groups as { n: number }).n - 1);
  });

  it('a key seen twice is refused, not collapsed', () => {
    expectRefused(mutate((s) => {
      const b = s.index.b[firstBucket('index')];
      b.push(b[0], b[1]);
      s.index.n++;
    }));
  });

  it('any value in place of a field yields ItsmValidationError at `state`, never a TypeError', () => {
    const paths: Array<(s: any) => any> = [
      (s) => s,
      (s) => s.fps,
      (s) => s.groups.b[firstBucket('groups')][1],
      (s) => s.fps.b[firstBucket('fps')][1],
      (s) => s.parked.b[firstBucket('parked')][1],
      (s) => s.parked.b[firstBucket('parked')][1].alert,
      (s) => s.inhibit.b[firstBucket('inhibit')][1],
    ];
    const anyValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.double(), fc.string(), fc.array(fc.anything(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), fc.string(), anyValue, (p, field, value) => {
        const s = structuredClone(base) as any;
        const target = paths[p]!(s);
        const keys = Object.keys(target);
        const k = keys.length > 0 && field.length % 2 === 0 ? keys[field.length % keys.length]! : field;
        if (k === 'v') return;
        target[k] = value;
        try {
          upgradeCorrelatorState(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ItsmValidationError);
          expect((e as ItsmValidationError).issues[0]!.path).toBe('state');
        }
      }),
    );
  });
});
