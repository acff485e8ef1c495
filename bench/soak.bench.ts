/**
 * Soak: 10,000,000 alerts through one correlator in batches of 1,000, a realistic mix (steady distinct
 * groups moving over time so that retention eviction matters, a storm every 500 batches, duplicate
 * notifications, resolves), printing heap used at checkpoints after a forced GC. Heap must stay flat
 * after warm-up. Run: `node --expose-gc --import tsx bench/run.ts soak` (without --expose-gc the bench
 * enables GC through `v8.setFlagsFromString`, so `npm run bench soak` works too).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCorrelator } from '../src/correlation/index';
import type { Alert } from '../src/models/index';
import { fmt } from './_lib/measure';

const TOTAL = Number(process.env.SOAK_ALERTS ?? 10_000_000);
const BATCH = 1_000;
const STEP_MS = 1_000; // one batch per second of alert time
const T0 = Date.parse('2026-11-23T00:00:00Z');
const EPOCH = 2_500;

function forcedGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Alert identities cycle through 50,000 fingerprints per "epoch" of 2,500 batches (about 42 minutes):
 * each refires every 50 s, spread over 2,000 services; in its last 100 batches every identity of an
 * epoch resolves, and the next epoch brings new identities and services, so the old ones must be evicted
 * after retention. Every 10th notification resolves one, every 10th repeats the previous one (a
 * duplicate), and for 5 s every ~8 minutes a storm of 600 hosts hits one service (resolved a minute later).
 */
function batchAt(b: number): Alert[] {
  const iso = new Date(T0 + b * STEP_MS).toISOString();
  const epoch = Math.floor(b / EPOCH);
  const closing = b % EPOCH >= EPOCH - 100;
  const storm = b % 500 < 5;
  const stormOver = b % 500 >= 60 && b % 500 < 65; // a minute later the storm's alerts resolve
  const out: Alert[] = [];
  for (let i = 0; i < BATCH; i++) {
    if (i % 10 === 8 && out.length > 0) {
      out.push(out[out.length - 1]!);
      continue;
    }
    const k = (b * BATCH + i) % 50_000;
    const labels = (storm || stormOver) && i < 600
      ? { alertname: 'ServiceDown', service: `storm-${Math.floor(b / 500)}`, host: `h-${i}` }
      : { alertname: `Alert${k % 25}`, service: `svc-${epoch}-${k % 2_000}`, host: `h-${Math.floor(k / 2_000)}` };
    const resolved = i % 10 === 9 || closing || (stormOver && i < 600);
    out.push({ id: `a-${b}-${i}`, source: 'soak', status: resolved ? 'resolved' : 'firing', severity: 'major', labels, annotations: {}, startsAt: iso, ...(resolved ? { endsAt: iso } : {}) });
  }
  return out;
}

export default function run(): void {
  const gc = forcedGc();
  const correlator = createCorrelator({
    rules: [{ id: 'by-service', groupBy: ['service'], window: '10m', maxGroupAge: '1h' }],
    retention: '5m',
    storm: { maxOpenGroups: 100_000, maxAlertsPerIncident: 300, maxTrackedAlerts: 200_000 },
  });
  let state = correlator.initialState();
  const batches = TOTAL / BATCH;
  const checkpoint = batches / 10;
  let decisions = 0;
  const start = performance.now();
  console.log(`\n## ${fmt(TOTAL)} alerts in batches of ${fmt(BATCH)} (tick every batch), heap after forced GC`);
  for (let b = 1; b <= batches; b++) {
    const now = T0 + b * STEP_MS;
    const out = correlator.ingest(state, batchAt(b), now);
    decisions += out.decisions.length;
    const ticked = correlator.tick(out.state, now);
    decisions += ticked.decisions.length;
    state = ticked.state;
    if (b % checkpoint === 0) {
      gc();
      const heap = process.memoryUsage().heapUsed / 1_048_576;
      const elapsed = (performance.now() - start) / 1000;
      console.log(`${fmt(b * BATCH).padStart(11)} alerts  heap ${fmt(heap, 1).padStart(7)} MB  open groups ${fmt(state.open).padStart(6)}  tracked ${fmt(state.tracked).padStart(7)}  ${fmt(elapsed, 1).padStart(6)} s  ${fmt((b * BATCH) / elapsed).padStart(9)} alerts/s`);
    }
  }
  console.log(`decisions: ${fmt(decisions)}`);
}
