import { ItsmValidationError } from '../_lib/errors';
import { createRandom } from './random';
import { intOption, MAX_STREAM_ALERTS, numberOption, streamBase, toArrivals, type AlertArrival, type AlertDraft, type StreamOptions } from './alert-arrival';

/**
 * A topology edge as `itsm-kit/models` relationships read: `from` depends on `to` (`to` is
 * upstream); `connected_to` is followed both ways.
 *
 * @example
 * const e: TopologyEdge = { from: 'checkout', to: 'orders-db', type: 'depends_on' };
 */
export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  readonly type?: string;
}

/**
 * Options of {@link alertStorm}.
 *
 * @example
 * const o: AlertStormOptions = { seed: 3, upstreamCiId: 'orders-db', topology: [{ from: 'checkout', to: 'orders-db' }] };
 */
export interface AlertStormOptions extends StreamOptions {
  /** The CI that fails. */
  readonly upstreamCiId: string;
  /** Relationships (or any `{ from, to }` edges); every CI that depends on the upstream one, directly or not, alerts. At most 10,000 edges. */
  readonly topology: readonly TopologyEdge[];
  /** Distinct alerts per dependant CI (1 to 20). Default 3. */
  readonly alertsPerDependant?: number;
  /** Dependants start alerting within this window after the failure (plus 5 s per hop), ms. Default 120,000. */
  readonly spreadMs?: number;
  /** Share of alerts re-sent once more (a duplicate notification 10-60 s later), in [0, 1]. Default 0.2. */
  readonly duplicateRatio?: number;
}

const SYMPTOMS = ['HighErrorRate', 'HighLatency', 'ConnectionErrors', 'HealthCheckFailing', 'QueueBacklog', 'TimeoutRate', 'Saturation', 'ProbeFailed', 'RequestDrops', 'UpstreamUnavailable', 'Retries', 'CircuitOpen', 'SlowQueries', 'ErrorBudgetBurn', 'PodNotReady', 'ThreadPoolExhausted', 'GatewayErrors', 'CacheMisses', 'LagGrowing', 'ApdexLow'];

/** Every CI that depends on `root`, directly or not, with its hop count, in breadth-first order (internal). */
export function dependantsOf(root: string, topology: readonly TopologyEdge[]): Array<{ ciId: string; hops: number }> {
  const upstreamOf = new Map<string, string[]>();
  const link = (up: string, down: string) => {
    const list = upstreamOf.get(up);
    if (list) list.push(down);
    else upstreamOf.set(up, [down]);
  };
  for (const e of topology) {
    link(e.to, e.from);
    if (e.type === 'connected_to') link(e.from, e.to);
  }
  const seen = new Set([root]);
  const out: Array<{ ciId: string; hops: number }> = [];
  let frontier = [root];
  for (let hops = 1; frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const ci of frontier) {
      for (const d of upstreamOf.get(ci) ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        out.push({ ciId: d, hops });
        next.push(d);
      }
    }
    frontier = next;
  }
  return out;
}

function validateTopology(topology: unknown, subject: string): readonly TopologyEdge[] {
  if (!Array.isArray(topology) || topology.length > 10_000) throw ItsmValidationError.at(subject, ['topology'], 'must be a list of at most 10,000 edges');
  topology.forEach((e: unknown, i) => {
    const edge = e as Partial<TopologyEdge> | null;
    if (typeof edge !== 'object' || edge === null || typeof edge.from !== 'string' || typeof edge.to !== 'string' || edge.from === '' || edge.to === '') {
      throw ItsmValidationError.at(subject, ['topology', i], 'must be { from, to } with non-empty ids');
    }
  });
  return topology as TopologyEdge[];
}

/**
 * An alert storm from a failing upstream CI: the upstream CI fires a critical `ServiceDown` alert at
 * `start`; then every CI that depends on it (transitively, through `topology`) fires
 * `alertsPerDependant` distinct symptom alerts within `spreadMs` (5 s later per hop), and about
 * `duplicateRatio` of all alerts are sent a second time 10 to 60 s later with the same labels (a
 * duplicate to de-duplicate). Seeded and deterministic; returned in delivery order.
 *
 * @example
 * const storm = alertStorm({
 *   seed: 1, upstreamCiId: 'orders-db',
 *   topology: [{ from: 'checkout', to: 'orders-db' }, { from: 'web', to: 'checkout' }],
 * });
 * storm[0].alert.labels //=> { alertname: 'ServiceDown', ci: 'orders-db' }
 * new Set(storm.map((a) => a.alert.ciId)) //=> Set { 'orders-db', 'checkout', 'web' }
 */
export function alertStorm(options: AlertStormOptions): AlertArrival[] {
  const subject = 'alertStorm options';
  // Unlike the other generators, a storm has required options (the upstream CI and its topology).
  if (options === undefined) throw ItsmValidationError.at(subject, ['options'], 'required: { upstreamCiId, topology }');
  const { seed, startMs, idPrefix } = streamBase(options, 'storm', subject);
  const upstream = options.upstreamCiId;
  if (typeof upstream !== 'string' || upstream.length === 0 || upstream.length > 128) throw ItsmValidationError.at(subject, ['upstreamCiId'], 'must be an id of 1 to 128 characters');
  const topology = validateTopology(options.topology, subject);
  const perCi = intOption(options.alertsPerDependant, 3, 'alertsPerDependant', 1, SYMPTOMS.length, subject);
  const spreadMs = numberOption(options.spreadMs, 120_000, 'spreadMs', 0, 86_400_000, subject);
  const duplicateRatio = numberOption(options.duplicateRatio, 0.2, 'duplicateRatio', 0, 1, subject);
  const dependants = dependantsOf(upstream, topology);
  if ((1 + dependants.length * perCi) * (1 + duplicateRatio) > MAX_STREAM_ALERTS) {
    throw ItsmValidationError.at(subject, ['alertsPerDependant'], `the storm would exceed ${MAX_STREAM_ALERTS} alerts`);
  }
  const rnd = createRandom(seed);
  const drafts: AlertDraft[] = [{ ciId: upstream, alertname: 'ServiceDown', severity: 'critical', startsAtMs: startMs, receivedAtMs: startMs }];
  for (const { ciId, hops } of dependants) {
    const offset = rnd.int(0, SYMPTOMS.length - 1);
    for (let k = 0; k < perCi; k++) {
      const t = startMs + hops * 5_000 + Math.round(rnd.next() * spreadMs);
      drafts.push({ ciId, alertname: SYMPTOMS[(offset + k) % SYMPTOMS.length]!, severity: rnd.pick(['major', 'minor'] as const), startsAtMs: t, receivedAtMs: t });
    }
  }
  for (const d of drafts.slice()) {
    if (rnd.chance(duplicateRatio)) drafts.push({ ...d, receivedAtMs: d.receivedAtMs + rnd.int(10, 60) * 1_000 });
  }
  return toArrivals(drafts, idPrefix, 'storm-generator');
}
