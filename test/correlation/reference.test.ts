/**
 * The correlator against a slow, obviously-correct model of it (`reference-correlator.ts`): random
 * rule sets (matchers, groupBy, window, maximum age, group wait, minimum alerts, resolveWhen, resolve
 * delay, reopenWithin, auto-pause, continue, severity mappings, topology with 1 to 3 hops), inhibition
 * rules, a maintenance window by matchers and/or CIs, fixed and/or recurring (a calendar), flapping detection, random storm limits (open
 * groups, alerts per incident, tracked alerts) and retention, over a small CMDB with a cycle and a
 * `connected_to` link, and random streams with out-of-order, duplicate and stale notifications on
 * random CIs (one the CMDB does not know), ticks, and incidents resolved, closed or reopened by the host (or
 * an unknown key), fed in random batches with the state sometimes round-tripped through JSON. Every
 * decision, and every host action's outcome, must be the model's, field for field.
 *
 * `REF_RUNS=20000 npx vitest run test/correlation/reference.test.ts --testTimeout 0` runs each
 * property that many times instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCorrelator, type CorrelatorOutput, type CorrelatorState, type Decision } from 'itsm-kit/correlation';
import type { Alert, AlertSeverity } from 'itsm-kit/models';
import { iso, min, T0 } from './_helpers';
import { createTopology } from 'itsm-kit/topology';
import { ReferenceCorrelator, type ReferenceRule, type ReferenceSettings } from './reference-correlator';
import { ReferenceTopology, type ReferenceRelationship } from './reference-topology';

const LABELS = ['alertname', 'service', 'host'] as const;
const VALUES: Record<(typeof LABELS)[number], readonly string[]> = { alertname: ['Down', 'Slow'], service: ['db', 'web'], host: ['h1', 'h2'] };

const SEVERITIES: readonly AlertSeverity[] = ['critical', 'major', 'minor', 'warning', 'info'];

// A small CMDB: apps hosted on VMs that depend on a database, a cache connected both ways to a VM, and
// a dependency cycle. Alerts may also name `ghost`, a CI the topology does not know.
const CIS = ['db', 'vm1', 'vm2', 'app1', 'app2', 'app3', 'cache', 'x', 'y'] as const;
const RELATIONSHIPS: readonly ReferenceRelationship[] = [
  { from: 'app1', to: 'vm1', type: 'hosted_on' },
  { from: 'app2', to: 'vm1', type: 'hosted_on' },
  { from: 'app3', to: 'vm2', type: 'hosted_on' },
  { from: 'vm1', to: 'db', type: 'depends_on' },
  { from: 'vm2', to: 'db', type: 'depends_on' },
  { from: 'cache', to: 'vm2', type: 'connected_to' },
  { from: 'x', to: 'y', type: 'depends_on' },
  { from: 'y', to: 'x', type: 'depends_on' },
];
const ALERT_CIS = [...CIS, 'ghost'] as const;
const topology = createTopology({ cis: CIS.map((id) => ({ id, name: id, ciClass: 'server' })), relationships: [...RELATIONSHIPS] });
const referenceTopology = new ReferenceTopology(RELATIONSHIPS);

const matcherArb = fc.oneof(
  fc.constantFrom(...LABELS).chain((label) => fc.constantFrom(...VALUES[label]).map((value) => ({ label, op: 'eq' as const, value }))),
  fc.constantFrom(...LABELS).chain((label) => fc.subarray([...VALUES[label]], { minLength: 1 }).map((values) => ({ label, op: 'in' as const, values }))),
  fc.constantFrom({ label: 'host', op: 'regex' as const, value: 'h1|h2' }, { label: 'service', op: 'regex' as const, value: '(db|ca)[a-z]*' }, { label: 'alertname', op: 'regex' as const, value: 'S.*' }),
);

const ruleArb = fc.record({
  match: fc.array(matcherArb, { maxLength: 2 }),
  continue: fc.boolean(),
  groupBy: fc.subarray([...LABELS]),
  window: fc.integer({ min: 1, max: 30 }).map((m) => m * 60_000),
  maxGroupAge: fc.integer({ min: 5, max: 120 }).map((m) => m * 60_000),
  groupWait: fc.constantFrom(0, 0, 1, 5, 20).map((m) => m * 60_000),
  minAlerts: fc.constantFrom(1, 1, 2, 3),
  resolveAfter: fc.constantFrom(0, 0, 5, 20).map((m) => m * 60_000),
  autoPause: fc.constantFrom(undefined, undefined, undefined, 60_000, 600_000),
  resolveWhen: fc.constantFrom('all' as const, 'first' as const, 'never' as const),
  reopenWithin: fc.constantFrom(0, 10, 60).map((m) => m * 60_000),
  topology: fc.option(fc.integer({ min: 1, max: 3 }).map((hops) => ({ hops })), { nil: undefined, freq: 2 }),
  // A mapping of its own, where a more severe alert may keep or even worsen the priority.
  template: fc.option(fc.tuple(...SEVERITIES.map(() => fc.record({ impact: fc.constantFrom(1, 2, 3 as const), urgency: fc.constantFrom(1, 2, 3 as const) }))).map((levels) => ({ severityMapping: Object.fromEntries(SEVERITIES.map((s, i) => [s, levels[i]!])) as Record<AlertSeverity, { impact: 1 | 2 | 3; urgency: 1 | 2 | 3 }> })), { nil: undefined }),
});
const rulesArb = fc.array(ruleArb, { minLength: 1, maxLength: 3 }).map((rules): ReferenceRule[] => rules.map(({ template, autoPause, topology: near, ...r }, i) => ({ ...r, id: `r${i}`, ...(template === undefined ? {} : { template }), ...(autoPause === undefined ? {} : { autoPause }), ...(near === undefined ? {} : { topology: near }) })));

// The i-th alert is at about minute 2i, up to 15 minutes early or late (so out of order).
const alertArb = fc.record({
  alertname: fc.constantFrom(...VALUES.alertname),
  service: fc.constantFrom(...VALUES.service),
  host: fc.option(fc.constantFrom(...VALUES.host), { freq: 5 }),
  severity: fc.constantFrom(...SEVERITIES),
  firing: fc.boolean(),
  jitter: fc.integer({ min: -15, max: 15 }),
  length: fc.integer({ min: 0, max: 20 }),
  ciId: fc.option(fc.constantFrom(...ALERT_CIS), { nil: undefined, freq: 4 }),
});
const streamArb = fc.array(alertArb, { minLength: 1, maxLength: 80, size: 'max' }).map((items) =>
  items.map(({ alertname, service, host, severity, firing, jitter, length, ciId }, i): Alert => {
    const start = Math.max(0, 2 * i + jitter);
    return {
      id: `a${i}`,
      source: 'prometheus',
      status: firing ? 'firing' : 'resolved',
      severity,
      labels: host === null ? { alertname, service } : { alertname, service, host },
      annotations: {},
      startsAt: iso(start),
      ...(firing ? {} : { endsAt: iso(start + length) }),
      ...(ciId === undefined ? {} : { ciId }),
    };
  }),
);

/**
 * A stream item: an alert, a tick, or the host resolving, closing or reopening an incident (the `pick`-th group
 * the model holds then, or an unknown key). The host's clock at item i is minute 2i + 20.
 */
type HostAction = 'resolve' | 'close' | 'reopen';
type Item = { kind: 'alert'; alert: Alert } | { kind: 'tick' } | { kind: 'host'; pick: number; action: HostAction };
const hostItemArb = fc.record({ at: fc.nat(80), pick: fc.nat(20), action: fc.constantFrom<HostAction>('resolve', 'close', 'reopen') });
const itemsArb = fc.tuple(streamArb, fc.array(fc.nat(80), { maxLength: 12 }), fc.array(hostItemArb, { maxLength: 6 })).map(([alerts, tickPlaces, hostActions]) => {
  const ticks = new Set(tickPlaces);
  return alerts.flatMap((alert, i): Item[] => [
    ...(ticks.has(i) ? [{ kind: 'tick' as const }] : []),
    ...hostActions.filter((h) => h.at === i).map(({ pick, action }) => ({ kind: 'host' as const, pick, action })),
    { kind: 'alert', alert },
  ]);
});
const hostClock = (i: number) => min(2 * i + 20);

/**
 * The model's run over `items`: its decisions, the outcome of each host action, and the incident key
 * each host action named (one of the groups the model held then, or `r0#999`, which no stream
 * reaches, by `pick` modulo their number plus one).
 */
function modelRun(rules: readonly ReferenceRule[], settings: ReferenceSettings, items: readonly Item[]) {
  const model = new ReferenceCorrelator(rules, settings, referenceTopology);
  const keys = new Map<number, string>();
  const outcomes: string[] = [];
  const expected = items.flatMap((it, i) => {
    if (it.kind === 'alert') return model.ingest(it.alert);
    if (it.kind === 'tick') return model.tick(hostClock(i));
    const held = model.groupKeys();
    const key = held[it.pick % (held.length + 1)] ?? 'r0#999';
    keys.set(i, key);
    const { decisions, outcome } = model.host(key, hostClock(i), it.action);
    outcomes.push(outcome);
    return decisions;
  });
  return { expected, keys, outcomes, model };
}

type Engine = ReturnType<typeof correlatorOf>;

/** The engine's call for a tick or a host action at item `i` (the key as the model chose it). */
function engineCall(correlator: Engine, state: CorrelatorState, it: Exclude<Item, { kind: 'alert' }>, i: number, keys: ReadonlyMap<number, string>) {
  if (it.kind === 'tick') return correlator.tick(state, hostClock(i));
  const act = { resolve: correlator.resolveIncident, close: correlator.closeIncident, reopen: correlator.reopenIncident }[it.action];
  return act(state, keys.get(i)!, hostClock(i));
}

/** Runs the engine over `items`, one call per item; `visit` sees each call's output and the host's clock then. */
function stepByStep(rules: readonly ReferenceRule[], settings: ReferenceSettings, items: readonly Item[], visit: (correlator: Engine, out: CorrelatorOutput, now: number) => void): void {
  const correlator = correlatorOf(rules, settings);
  const { keys } = modelRun(rules, settings, items);
  let state: CorrelatorState = correlator.initialState();
  items.forEach((it, i) => {
    const out = it.kind === 'alert' ? correlator.ingest(state, [it.alert], hostClock(i)) : engineCall(correlator, state, it, i, keys);
    state = out.state;
    visit(correlator, out, hostClock(i));
  });
}

const inhibitRuleArb = fc.record({
  source: fc.array(matcherArb, { minLength: 1, maxLength: 1 }),
  target: fc.array(fc.oneof(matcherArb, fc.constant({ label: 'alertname', op: 'neq' as const, value: 'Down' })), { maxLength: 1 }),
  equal: fc.subarray(['service', 'host']),
});
// A window covers alerts by matchers, by CIs, or by both; fixed, or recurring (active in one or two
// stretches of Monday, the stream's day, as a Berlin calendar has them), or both.
const windowArb = fc.record({
  match: fc.option(fc.array(matcherArb, { minLength: 1, maxLength: 1 }), { nil: undefined }),
  ciIds: fc.option(fc.subarray([...ALERT_CIS], { minLength: 1, maxLength: 3 }), { nil: undefined }),
  start: fc.integer({ min: 0, max: 120 }),
  length: fc.integer({ min: 1, max: 60 }),
  kind: fc.constantFrom('fixed' as const, 'recurring' as const, 'both' as const),
  stretches: fc.array(fc.record({ from: fc.integer({ min: 0, max: 180 }), length: fc.integer({ min: 5, max: 60 }) }), { minLength: 1, maxLength: 2 }),
});

/** Stretches (minutes from T0) in order, apart from each other (the model does not merge touching ones). */
function apart(stretches: ReadonlyArray<{ from: number; length: number }>): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (const s of [...stretches].sort((a, b) => a.from - b.from)) {
    if (out.length === 0 || s.from > out[out.length - 1]!.to) out.push({ from: s.from, to: s.from + s.length });
  }
  return out;
}

// T0, Monday 08:00 UTC, is 09:00 in Berlin (UTC+1 all of November).
const berlinClock = (m: number) => `${String(Math.floor((540 + m) / 60)).padStart(2, '0')}:${String((540 + m) % 60).padStart(2, '0')}`;

/** The calendar definition of a recurring window's stretches. */
const calendarOf = (recurring: ReadonlyArray<{ from: number; to: number }>) => ({
  timeZone: 'Europe/Berlin',
  week: { mon: recurring.map((i) => ({ start: berlinClock((i.from - T0) / 60_000), end: berlinClock((i.to - T0) / 60_000) })) },
});
const settingsArb = fc.record({
  maxAlertsPerIncident: fc.integer({ min: 2, max: 8 }),
  maxOpenGroups: fc.constantFrom(2, 4, 8, 100_000),
  maxTrackedAlerts: fc.constantFrom(3, 8, 200_000),
  retention: fc.constantFrom(10, 30, 60, 240).map((m) => m * 60_000),
  inhibitRules: fc.array(inhibitRuleArb, { maxLength: 2 }).map((rules) => rules.map((r, i) => ({ ...r, id: `i${i}` }))),
  flapping: fc.option(fc.record({ threshold: fc.integer({ min: 1, max: 3 }), period: fc.constantFrom(10, 30, 60).map((m) => m * 60_000), quietPeriod: fc.constantFrom(5, 20).map((m) => m * 60_000) }), { nil: null }),
  maintenance: fc.array(windowArb, { maxLength: 1 }).map((ws) =>
    ws.map(({ match, ciIds, start, length, kind, stretches }, i) => ({
      id: `m${i}`,
      ...(match === undefined && ciIds === undefined ? { match: [] } : {}),
      ...(match === undefined ? {} : { match }),
      ...(ciIds === undefined ? {} : { ciIds }),
      ...(kind === 'recurring' ? {} : { start: iso(start), end: iso(start + length) }),
      ...(kind === 'fixed' ? {} : { recurring: apart(stretches).map((s) => ({ from: min(s.from), to: min(s.to) })) }),
    })),
  ),
});

/** The correlator for a rule set and settings of the model. */
function correlatorOf(rules: readonly ReferenceRule[], settings: ReferenceSettings) {
  const { maxAlertsPerIncident, maxOpenGroups, maxTrackedAlerts, retention, inhibitRules, maintenance, flapping } = settings;
  const storm = { maxAlertsPerIncident, maxOpenGroups, maxTrackedAlerts };
  const windows = maintenance.map(({ recurring, ...w }) => (recurring === undefined ? w : { ...w, calendar: calendarOf(recurring) }));
  return createCorrelator({ rules: [...rules], inhibitRules: [...inhibitRules], maintenance: windows, flapping: flapping === null ? { enabled: false } : flapping, storm, retention }, { topology });
}

/** A state's tables and counters, without its `next` (what a tick that does nothing leaves as it was). */
const tables = (state: CorrelatorState) => JSON.stringify({ ...state, next: null });

/** The same, with each keyed table as its entries in key order (the order within a bucket is layout, not content). */
function content(state: CorrelatorState): string {
  const entries = (t: { b: ReadonlyArray<ReadonlyArray<unknown> | null> }) => {
    const out: Array<[string, unknown]> = [];
    for (const bucket of t.b) for (let j = 0; bucket && j < bucket.length; j += 2) out.push([bucket[j] as string, bucket[j + 1]]);
    return out.sort(([x], [y]) => (x < y ? -1 : 1));
  };
  const { groups, index, inhibit, parked, cis, ...rest } = state;
  return JSON.stringify({ ...rest, next: null, groups: entries(groups), index: entries(index), inhibit: entries(inhibit), parked: entries(parked), cis: entries(cis) });
}

describe('the correlator against the reference model', () => {
  it('makes the same decisions, in any batching and across JSON round trips', () => {
    fc.assert(
      fc.property(rulesArb, settingsArb, itemsArb, fc.array(fc.nat(100), { maxLength: 10 }), fc.boolean(), (rules, settings, items, cutList, roundTrip) => {
        const correlator = correlatorOf(rules, settings);
        const { expected, keys, outcomes, model } = modelRun(rules, settings, items);
        const cuts = new Set(cutList);
        const actual: Decision[] = [];
        const actualOutcomes: string[] = [];
        let state: CorrelatorState = correlator.initialState();
        const keep = (out: { state: CorrelatorState; decisions: Decision[]; outcome?: string }) => {
          actual.push(...out.decisions);
          if (out.outcome !== undefined) actualOutcomes.push(out.outcome);
          state = roundTrip ? (JSON.parse(JSON.stringify(out.state)) as CorrelatorState) : out.state;
        };
        // Alerts between two ticks go in batches cut at random places.
        let batch: Alert[] = [];
        const flush = (i: number) => {
          if (batch.length > 0) keep(correlator.ingest(state, batch, hostClock(i)));
          batch = [];
        };
        items.forEach((it, i) => {
          if (it.kind !== 'alert') {
            flush(i);
            keep(engineCall(correlator, state, it, i, keys));
            return;
          }
          batch.push(it.alert);
          if (cuts.has(i)) flush(i);
        });
        flush(items.length);
        expect(actual).toEqual(expected);
        expect(actualOutcomes).toEqual(outcomes);
        // What the state holds about each group the model holds (and nothing about a forgotten one).
        for (const key of model.groupKeys()) expect(correlator.getGroup(state, key)).toEqual(model.groupView(key));
        for (const d of expected) if ('incidentKey' in d && model.groupView(d.incidentKey) === null) expect(correlator.getGroup(state, d.incidentKey)).toBeNull();
      }),
      { numRuns: Number(process.env.REF_RUNS ?? 2_000) },
    );
  });

  it('nextTickAt: nothing is due before it, by a full scan (a host that ticks only then misses no decision and no eviction)', () => {
    fc.assert(
      fc.property(rulesArb, settingsArb, itemsArb, (rules, settings, items) => {
        stepByStep(rules, settings, items, (correlator, out, now) => {
          const before = out.nextTickAt === null ? now + 400 * 86_400_000 : out.nextTickAt - 1;
          // With `next` at 0 the tick scans everything instead of trusting it.
          const early = correlator.tick({ ...out.state, next: 0 }, before);
          expect(early.decisions).toEqual([]);
          expect(tables(early.state)).toBe(tables(out.state));
        });
      }),
      { numRuns: Number(process.env.REF_RUNS ?? 1_000) },
    );
  });

  it('a late tick decides what ticks at every nextTickAt would have, in the same order', () => {
    fc.assert(
      fc.property(rulesArb, settingsArb, itemsArb, fc.integer({ min: 1, max: 240 }), (rules, settings, items, lateBy) => {
        stepByStep(rules, settings, items, (correlator, out, now) => {
          const state = out.state;
          const late = now + lateBy * 60_000;
          const timely: Decision[] = [];
          let s = state;
          for (let next = out.nextTickAt; next !== null && next <= late; ) {
            const step = correlator.tick(s, next);
            timely.push(...step.decisions);
            s = step.state;
            next = step.nextTickAt;
          }
          const once = correlator.tick(state, late);
          expect(once.decisions).toEqual([...timely, ...correlator.tick(s, late).decisions]);
          expect(content(once.state)).toBe(content(correlator.tick(s, late).state));
        });
      }),
      { numRuns: Number(process.env.REF_RUNS ?? 500) },
    );
  });
});
