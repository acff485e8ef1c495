import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCorrelator, type CorrelatorConfigInput, type CorrelatorState, type Decision } from 'itsm-kit/correlation';
import type { Alert } from 'itsm-kit/models';
import { iso, min } from './_helpers';

const config: CorrelatorConfigInput = {
  rules: [
    { id: 'db', match: [{ label: 'service', op: 'regex', value: 'db|cache' }], groupBy: ['service'], window: '10m', groupWait: '1m', continue: true, resolveAfter: '2m', reopenWithin: '20m' },
    { id: 'host', groupBy: ['host'], window: '15m', minAlerts: 2, maxGroupAge: '40m', autoPause: '3m' },
  ],
  inhibitRules: [{ id: 'i', source: [{ label: 'alertname', op: 'eq', value: 'Down' }], target: [{ label: 'alertname', op: 'neq', value: 'Down' }], equal: ['host'] }],
  maintenance: [{ id: 'm', match: [{ label: 'host', op: 'eq', value: 'h3' }], start: iso(20), end: iso(40) }],
  flapping: { threshold: 2, period: '30m', quietPeriod: '10m' },
  storm: { maxOpenGroups: 4, maxAlertsPerIncident: 3, maxTrackedAlerts: 12 },
  retention: '30m',
};
const correlator = createCorrelator(config);

/** A stream item: an alert (at its own minute) or a tick, each with the host's clock. */
type Item = { kind: 'alert'; alert: Alert } | { kind: 'tick' };

const alertArb = fc
  .record({
    name: fc.constantFrom('Down', 'Slow', 'Err'),
    host: fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5'),
    service: fc.constantFrom('db', 'cache', 'web'),
    severity: fc.constantFrom('critical', 'major', 'warning' as const),
    firing: fc.boolean(),
    start: fc.integer({ min: 0, max: 90 }),
    len: fc.integer({ min: 0, max: 30 }),
  })
  .map((r, ): Alert => ({
    id: `x`,
    source: 'prom',
    status: r.firing ? 'firing' : 'resolved',
    severity: r.severity as Alert['severity'],
    labels: { alertname: r.name, host: r.host, service: r.service },
    annotations: {},
    startsAt: iso(r.start),
    ...(r.firing ? {} : { endsAt: iso(r.start + r.len) }),
  }));

const streamArb = fc
  .array(fc.oneof({ weight: 6, arbitrary: alertArb.map((a): Item => ({ kind: 'alert', alert: a })) }, { weight: 1, arbitrary: fc.constant<Item>({ kind: 'tick' }) }), { maxLength: 60 })
  .map((items) => items.map((it, i) => (it.kind === 'alert' ? { kind: 'alert' as const, alert: { ...it.alert, id: `a${i}` } } : it)));

/** Host clock: the i-th item happens at minute 2*i. Alerts between two ticks may be batched freely. */
function run(items: readonly Item[], cuts: ReadonlySet<number>, roundTrip: boolean): { decisions: Decision[]; states: CorrelatorState[]; nextTicks: Array<number | null> } {
  let state = correlator.initialState();
  const decisions: Decision[] = [];
  const states: CorrelatorState[] = [];
  const nextTicks: Array<number | null> = [];
  let batch: Alert[] = [];
  const flush = (now: number) => {
    if (batch.length === 0) return;
    const out = correlator.ingest(state, batch, now);
    decisions.push(...out.decisions);
    nextTicks.push(out.nextTickAt);
    state = roundTrip ? (JSON.parse(JSON.stringify(out.state)) as CorrelatorState) : out.state;
    states.push(state);
    batch = [];
  };
  items.forEach((it, i) => {
    if (it.kind === 'alert') {
      batch.push(it.alert);
      if (cuts.has(i)) flush(min(200));
    } else {
      flush(min(200));
      const out = correlator.tick(state, min(100 + i * 5));
      decisions.push(...out.decisions);
      nextTicks.push(out.nextTickAt);
      state = roundTrip ? (JSON.parse(JSON.stringify(out.state)) as CorrelatorState) : out.state;
      states.push(state);
    }
  });
  flush(min(200));
  return { decisions, states, nextTicks };
}

describe('correlator properties', () => {
  it('batching and JSON round trips do not change the decisions', () => {
    fc.assert(
      fc.property(streamArb, fc.array(fc.nat(60), { maxLength: 20 }), (items, cutList) => {
        const oneBatch = run(items, new Set(), false).decisions;
        const oneByOne = run(items, new Set(items.map((_, i) => i)), true).decisions;
        const mixed = run(items, new Set(cutList), true).decisions;
        expect(oneByOne).toEqual(oneBatch);
        expect(mixed).toEqual(oneBatch);
      }),
      { numRuns: 300 },
    );
  });

  it('a state used as returned (its schedule kept) gives what the same state parsed from JSON does', () => {
    // A tick on a state a call returned takes only what the correlator scheduled; on a parsed state
    // it reads the state whole. States, decisions and nextTickAt must not tell the two apart.
    fc.assert(
      fc.property(streamArb, fc.array(fc.nat(60), { maxLength: 20 }), (items, cutList) => {
        const cuts = new Set(cutList);
        const kept = run(items, cuts, false);
        const parsed = run(items, cuts, true);
        expect(parsed.decisions).toEqual(kept.decisions);
        expect(parsed.nextTicks).toEqual(kept.nextTicks);
        expect(parsed.states.map((x) => JSON.stringify(x))).toEqual(kept.states.map((x) => JSON.stringify(x)));
      }),
      { numRuns: 300 },
    );
  });

  it('every alert yields a decision, and no decision names an unknown alert, incident or group', () => {
    let discards = 0;
    fc.assert(
      fc.property(streamArb, (items) => {
        const { decisions } = run(items, new Set(items.map((_, i) => i)), false);
        const ids = new Set(items.flatMap((it) => (it.kind === 'alert' ? [it.alert.id] : [])));
        const named = new Set(decisions.flatMap((d) => d.alertIds));
        for (const id of ids) expect(named.has(id)).toBe(true);
        const opened = new Set<string>();
        // Groups announced pending, and those discarded (never opened, never named again).
        const pending = new Set<string>();
        const discarded = new Set<string>();
        for (const d of decisions) {
          for (const id of d.alertIds) expect(ids.has(id)).toBe(true);
          if ('groupKey' in d) expect(discarded.has(d.groupKey)).toBe(false);
          if (d.type === 'pending') pending.add(d.groupKey);
          if (d.type === 'discard-pending') {
            expect(pending.has(d.groupKey) && !opened.has(d.groupKey)).toBe(true);
            discarded.add(d.groupKey);
            discards++;
          }
          if (d.type === 'open-incident') {
            expect(opened.has(d.incidentKey) || discarded.has(d.incidentKey)).toBe(false);
            opened.add(d.incidentKey);
          } else if ('incidentKey' in d) expect(opened.has(d.incidentKey)).toBe(true);
          if ('incidentKeys' in d) for (const k of d.incidentKeys) expect(k.length > 0 && !discarded.has(k)).toBe(true);
        }
      }),
      // About 1 stream in 75 discards a group: enough runs that some always do.
      { numRuns: 1_000 },
    );
    // The streams reach the case (pending groups whose alerts all resolved, discarded by a tick).
    expect(discards).toBeGreaterThan(0);
  });

  it('does not mutate the state it is given', () => {
    fc.assert(
      fc.property(streamArb, (items) => {
        let state = correlator.initialState();
        for (const it of items) {
          const before = JSON.stringify(state);
          const out = it.kind === 'alert' ? correlator.ingest(state, it.alert, min(200)) : correlator.tick(state, min(150));
          expect(JSON.stringify(state)).toBe(before);
          state = out.state;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('state stays bounded under any stream with storm limits set', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(10_000), fc.nat(500), fc.boolean()), { minLength: 50, maxLength: 400 }), (raw) => {
        const alerts: Alert[] = raw.map(([h, m, f], i) => ({
          id: `s${i}`, source: 'p', status: f ? 'firing' : 'resolved', severity: 'major',
          labels: { alertname: 'Storm', host: `h${h}`, service: `svc${h % 50}` }, annotations: {}, startsAt: iso(m), ...(f ? {} : { endsAt: iso(m) }),
        }));
        const { states } = run(alerts.map((alert) => ({ kind: 'alert' as const, alert })), new Set(alerts.map((_, i) => i)), false);
        for (const s of states) {
          expect(s.tracked).toBeLessThanOrEqual(12);
          expect(s.open).toBeLessThanOrEqual(4 + 2 * 2);
          expect(JSON.stringify(s).length).toBeLessThan(20_000);
        }
      }),
      { numRuns: 60 },
    );
  });
});
