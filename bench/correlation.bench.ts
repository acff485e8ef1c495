import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCorrelator, type CorrelatorConfigInput, type CorrelatorState, type Decision } from '../src/correlation';
import type { Alert } from '../src/models';
import { createTopology } from '../src/topology';
import { dedupLowerBound } from './_lib/dedup-lower-bound';
import { fmt } from './_lib/measure';
import { slowObjectCount } from './_lib/v8-shapes';

/**
 * The issue's benchmark: a synthetic stream of 1,000,000 alerts (10,000 group identities with 4 hosts
 * each, 30% re-sends of an alert already sent, 5% resolves, the rest firing notifications of one of
 * the 40,000 fingerprints), 3 rules with regex matchers, one of them topology-enabled over a 2,000-CI
 * topology, fed in batches of 1,000 alerts parsed from JSON, as a webhook delivers them. Alerts are
 * generated outside the timed sections (and their garbage collected before them). The floor is a bare
 * Map group-by (group key from the same labels, count per group) over the same alerts; three reference
 * points (see `dedupLowerBound`) show what checking and deduplicating alone cost on them.
 * Then a 1,000,000-alert storm of distinct alerts, with the heap sampled along the way.
 */

const TOTAL = Number(process.env.CORRELATION_BENCH_ALERTS ?? 1_000_000);
const GROUPS = 10_000;
const HOSTS = 4;
const BATCH = 1_000;
const CHUNK = 50_000;
const T0 = Date.parse('2026-11-23T08:00:00Z');

/** The own time of alert number `i` of a stream: 500 alerts a second. */
const alertTime = (i: number) => T0 + Math.floor(i / 500) * 1_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function topologyDefinition() {
  const cis = [];
  const relationships = [];
  for (let i = 0; i < 100; i++) cis.push({ id: `db-${i}`, name: `db-${i}`, ciClass: 'database' });
  for (let i = 0; i < 400; i++) {
    cis.push({ id: `vm-${i}`, name: `vm-${i}`, ciClass: 'server' });
    relationships.push({ from: `vm-${i}`, to: `db-${i % 100}`, type: 'depends_on' as const });
  }
  for (let i = 0; i < 1_500; i++) {
    cis.push({ id: `app-${i}`, name: `app-${i}`, ciClass: 'application' });
    relationships.push({ from: `app-${i}`, to: `vm-${i % 400}`, type: 'hosted_on' as const });
  }
  return { cis, relationships };
}

const config: CorrelatorConfigInput = {
  rules: [
    { id: 'datastores', match: [{ label: 'service', op: 'regex', value: '(db|cache)-[0-9]+' }], groupBy: ['service', 'cluster'], topology: { hops: 1 }, template: { title: '{{alertname}} on {{service}}' } },
    { id: 'web', match: [{ label: 'alertname', op: 'regex', value: 'Http.*|Latency.*' }], groupBy: ['service', 'region'], groupWait: '30s' },
    { id: 'rest', match: [{ label: 'host', op: 'notRegex', value: 'test-.*' }], groupBy: ['service'] },
  ],
  inhibitRules: [{ id: 'maint-mode', source: [{ label: 'alertname', op: 'eq', value: 'MaintenanceMode' }], target: [{ label: 'alertname', op: 'neq', value: 'MaintenanceMode' }], equal: ['service'] }],
};

/** A deterministic pseudo-random generator (xorshift32). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

const ALERTNAMES = ['DbDown', 'HttpErrors', 'DiskFull'];

/** Generates alerts [from, from + count) of the mixed stream (outside timed sections). */
function mixedChunk(random: () => number, from: number, count: number, lastStart: Float64Array): Alert[] {
  const out: Alert[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const i = from + k;
    const g = Math.floor(random() * GROUPS);
    const h = Math.floor(random() * HOSTS);
    const fpIndex = g * HOSTS + h;
    const kind = random();
    const t = alertTime(i);
    const family = g % 3;
    const service = family === 0 ? `db-${g}` : family === 1 ? `web-${g}` : `svc-${g}`;
    const labels: Record<string, string> = { alertname: ALERTNAMES[family]!, service, cluster: `c${g % 7}`, region: `r${g % 5}`, host: `host-${g}-${h}` };
    const ciId = family === 0 ? `app-${g % 1_500}` : undefined;
    const base = { id: `a${i}`, source: 'prometheus', severity: h === 0 ? 'critical' : 'warning', labels, annotations: {}, ...(ciId ? { ciId } : {}) } as const;
    if (kind < 0.3 && lastStart[fpIndex]! > 0) {
      out[k] = { ...base, status: 'firing', startsAt: new Date(lastStart[fpIndex]!).toISOString() };
    } else if (kind < 0.35) {
      const start = lastStart[fpIndex]! > 0 ? lastStart[fpIndex]! : t;
      out[k] = { ...base, status: 'resolved', startsAt: new Date(start).toISOString(), endsAt: new Date(t).toISOString() };
      lastStart[fpIndex] = 0;
    } else {
      if (lastStart[fpIndex] === 0) lastStart[fpIndex] = t;
      out[k] = { ...base, status: 'firing', startsAt: new Date(lastStart[fpIndex]!).toISOString() };
    }
  }
  return asReceived(out);
}

/**
 * The alerts as a host receives them: parsed from a JSON body. (Objects built by spreading other
 * objects, as above, get slow property access in V8 that JSON-parsed alerts and the adapters' output
 * do not have; both the correlator and the floor would pay it.)
 */
function asReceived(alerts: Alert[]): Alert[] {
  return JSON.parse(JSON.stringify(alerts)) as Alert[];
}

/** The floor: a bare Map group-by over the same alerts (group key from the same labels, a count each). */
function floorGroupBy(map: Map<string, { n: number }>, alerts: readonly Alert[]): void {
  for (const a of alerts) {
    const key = `${a.labels.service}\u0000${a.labels.cluster}`;
    const g = map.get(key);
    if (g === undefined) map.set(key, { n: 1 });
    else g.n++;
  }
}

/** The state's group records. */
function* groupRecords(state: CorrelatorState): Generator<object> {
  for (const bucket of state.groups.b) if (bucket) for (let j = 1; j < bucket.length; j += 2) yield bucket[j] as object;
}

/** Counts `decisions` by type into `counts`. */
function tally(counts: Record<string, number>, decisions: readonly Decision[]): void {
  for (const d of decisions) counts[d.type] = (counts[d.type] ?? 0) + 1;
}

function countGroups(state: CorrelatorState): { open: number; json: number } {
  return { open: state.open, json: JSON.stringify(state).length };
}

function mixedStream(): void {
  const topology = createTopology(topologyDefinition());
  const correlator = createCorrelator(config, { topology });

  // Mixed stream: ours and the floor, chunk by chunk over the same generated alerts.
  const random = rng(42);
  const lastStart = new Float64Array(GROUPS * HOSTS);
  let state = correlator.initialState();
  const floorMap = new Map<string, { n: number }>();
  let oursMs = 0;
  let floorMs = 0;
  const lowerBound = dedupLowerBound();
  let checkMs = 0;
  let dedupMs = 0;
  let immutableMs = 0;
  const streamTicks = { n: 0, ms: 0 };
  const tickCounts: Record<string, number> = {};
  let sink = 0;
  const counts: Record<string, number> = {};
  for (let from = 0; from < TOTAL; from += CHUNK) {
    const chunk = mixedChunk(random, from, CHUNK, lastStart);
    const batches: Alert[][] = [];
    for (let b = 0; b < CHUNK; b += BATCH) batches.push(chunk.slice(b, b + BATCH));
    gc(); // the generator's garbage is collected before, not during, the timed sections
    let t = performance.now();
    floorGroupBy(floorMap, chunk);
    floorMs += performance.now() - t;
    // A host acts on a batch's decisions before it takes the next batch, and then drops them: they
    // are tallied between the timed calls (keeping a whole chunk's decisions alive would make the
    // collector copy and promote them, a cost of the benchmark, not of the correlator).
    batches.forEach((batch, b) => {
      t = performance.now();
      const out = correlator.ingest(state, batch, T0 + from);
      oursMs += performance.now() - t;
      state = out.state;
      tally(counts, out.decisions);
      // The host ticks once nextTickAt has come, by the time of the batch's last alert (so ingest
      // also keeps the schedule of what falls due that a tick leaves with the state).
      const clock = alertTime(from + (b + 1) * BATCH - 1);
      if (out.nextTickAt === null || out.nextTickAt > clock) return;
      t = performance.now();
      const ticked = correlator.tick(state, clock);
      streamTicks.ms += performance.now() - t;
      streamTicks.n++;
      state = ticked.state;
      tally(tickCounts, ticked.decisions);
    });
    // The reference points run after the correlator, on alerts it has just read (if anything, warmer).
    t = performance.now();
    for (const batch of batches) sink += lowerBound.checkOnly(batch);
    checkMs += performance.now() - t;
    t = performance.now();
    for (const batch of batches) sink += lowerBound.checkAndDedup(batch).length;
    dedupMs += performance.now() - t;
    t = performance.now();
    for (const batch of batches) sink += lowerBound.checkAndImmutableDedup(batch).length;
    immutableMs += performance.now() - t;
  }
  state = correlator.tick(state, alertTime(TOTAL)).state;
  const ticks = tickFigures(correlator, state);
  const { open, json } = countGroups(state);
  // The state's own heap: a copy parsed from its JSON, measured alone (caches and inputs excluded).
  const text = JSON.stringify(state);
  const heapBefore = heapUsed();
  const copy = JSON.parse(text) as CorrelatorState;
  const heapAfter = heapUsed();
  console.log(`\n## correlation: mixed stream of ${fmt(TOTAL)} alerts in batches of ${fmt(BATCH)}`);
  console.log(`decisions: ${Object.entries(counts).sort().map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  console.log(`ingest:        ${fmt(TOTAL / (oursMs / 1000))} alerts/s  (${fmt((oursMs * 1e6) / TOTAL, 1)} ns/alert)`);
  console.log(`floor (Map):   ${fmt(TOTAL / (floorMs / 1000))} alerts/s  (${fmt((floorMs * 1e6) / TOTAL, 1)} ns/alert, ${fmt(floorMap.size)} groups)`);
  console.log(`cost x${fmt(oursMs / floorMs, 2)} of the floor`);
  console.log(`reference points${sink > 0 ? '' : ' (nothing checked)'}, each with no rules and no groups:`);
  console.log(`  the alert check alone:                                 x${fmt(checkMs / floorMs, 2)}  (${fmt(TOTAL / (checkMs / 1000))} alerts/s)`);
  console.log(`  check + dedup in a mutable Map, one decision each:     x${fmt(dedupMs / floorMs, 2)}  (${fmt(TOTAL / (dedupMs / 1000))} alerts/s)`);
  console.log(`  check + dedup in the immutable fingerprint table:      x${fmt(immutableMs / floorMs, 2)}  (${fmt(TOTAL / (immutableMs / 1000))} alerts/s)`);
  console.log(`open groups ${fmt(open)}, tracked fingerprints ${fmt(state.tracked)}`);
  console.log(`heap per open group: ${fmt((heapAfter - heapBefore) / open)} bytes (the whole state, its ${fmt(state.tracked)} fingerprints included); JSON per open group: ${fmt(json / open)} bytes`);
  console.log(`ticks during the stream (each once nextTickAt had come): ${fmt(streamTicks.n)}, ${fmt(streamTicks.ms / streamTicks.n, 2)} ms on average; their decisions: ${Object.entries(tickCounts).sort().map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  for (const line of ticks) console.log(line);
  console.log(`group records in V8 dictionary (slow) mode: ${fmt(slowObjectCount(groupRecords(state)))} of ${fmt(state.groups.n)}`);
  void copy.open;
}

/** Milliseconds per call of `call`, run `times` times. */
function msPerCall(times: number, call: (i: number) => void): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) call(i);
  return (performance.now() - start) / times;
}

/** The cost of ticks on `state`, with nothing due and at nextTickAt (with and without the correlator's schedule), as lines to print. */
function tickFigures(correlator: ReturnType<typeof createCorrelator>, state: CorrelatorState): string[] {
  const last = state.next ?? alertTime(TOTAL);
  // A host that ticks on a fixed interval mostly ticks before nextTickAt, with nothing due.
  const idleMs = msPerCall(20, (i) => correlator.tick(state, last - 1 - i));
  // A host that keeps each returned state ticks at each nextTickAt in turn: the correlator's schedule
  // for that state names what is due, so only that is read.
  let kept = state;
  let keptDecisions = 0;
  const keptMs = msPerCall(20, () => {
    const out = correlator.tick(kept, kept.next ?? last);
    keptDecisions += out.decisions.length;
    kept = out.state;
  });
  // A state read back from storage (parsed from JSON) has no schedule: its tick reads the whole state.
  const stored = JSON.parse(JSON.stringify(state)) as CorrelatorState;
  let storedDecisions = 0;
  const storedMs = msPerCall(20, () => (storedDecisions = correlator.tick(stored, last).decisions.length));
  const held = state.groups.n + state.fps.n;
  return [
    `tick before nextTickAt (nothing due): ${fmt(idleMs * 1000, 2)} µs`,
    `tick at nextTickAt on the state as returned (reads what is due): ${fmt(keptMs * 1000, 1)} µs on average over 20 successive ticks (${fmt(keptDecisions / 20, 1)} decisions each)`,
    `tick at nextTickAt on the state parsed from JSON (reads the whole state, ${fmt(storedDecisions)} decisions): ${fmt(storedMs, 2)} ms (${fmt((storedMs * 1e6) / held, 1)} ns per group or fingerprint held)`,
  ];
}

/** Storm: 1,000,000 distinct firing alerts; heap sampled as it goes (in its own function, so nothing else is alive). */
function stormRun(): void {
  const storm = createCorrelator({ rules: [{ id: 'host', groupBy: ['host'] }] });
  let s = storm.initialState();
  const stormRandom = rng(7);
  const samples: string[] = [];
  const base = heapUsed();
  let stormMs = 0;
  for (let from = 0; from < TOTAL; from += CHUNK) {
    const chunk: Alert[] = new Array(CHUNK);
    for (let k = 0; k < CHUNK; k++) {
      const i = from + k;
      chunk[k] = { id: `s${i}`, source: 'prometheus', status: 'firing', severity: 'critical', labels: { alertname: 'Storm', host: `h${i}`, rack: `r${Math.floor(stormRandom() * 50)}` }, annotations: {}, startsAt: new Date(alertTime(i)).toISOString() };
    }
    const received = asReceived(chunk);
    const batches: Alert[][] = [];
    for (let b = 0; b < CHUNK; b += BATCH) batches.push(received.slice(b, b + BATCH));
    gc();
    const t = performance.now();
    for (const batch of batches) s = storm.ingest(s, batch, T0).state;
    stormMs += performance.now() - t;
    if ((from + CHUNK) % 200_000 === 0) samples.push(`${fmt((from + CHUNK) / 1000)}k: ${fmt((heapUsed() - base) / 1_048_576, 1)} MB`);
  }
  console.log(`\n## correlation: storm of ${fmt(TOTAL)} distinct alerts (default limits: 100,000 open groups, 200,000 tracked alerts)`);
  console.log(`ingest: ${fmt(TOTAL / (stormMs / 1000))} alerts/s; open groups ${fmt(s.open)}, tracked ${fmt(s.tracked)}`);
  console.log(`heap above baseline after ${samples.join(', ')}`);
}

export default function run(): void {
  mixedStream();
  stormRun();
}
