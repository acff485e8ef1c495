import { createRandom } from './random';
import { idListOption, intOption, MAX_STREAM_ALERTS, numberOption, streamBase, toArrivals, type AlertArrival, type AlertDraft, type StreamOptions } from './alert-arrival';

/**
 * Options of {@link steadyAlerts}.
 *
 * @example
 * const o: SteadyAlertsOptions = { seed: 7, count: 50, meanIntervalMs: 30_000, ciIds: ['web-1', 'web-2'] };
 */
export interface SteadyAlertsOptions extends StreamOptions {
  /** How many alerts fire (each may also be resolved later). Default 100, at most 100,000. */
  readonly count?: number;
  /** Mean time between two firing alerts (exponentially distributed), ms. Default 60,000. */
  readonly meanIntervalMs?: number;
  /** The CIs alerts come from. Default `ci-1` to `ci-5`. */
  readonly ciIds?: readonly string[];
  /** Alert names to pick from. Default a few common ones. */
  readonly alertnames?: readonly string[];
  /** Share of firing alerts that are later resolved, in [0, 1]. Default 0.5. */
  readonly resolveRatio?: number;
}

const DEFAULT_NAMES = ['HighErrorRate', 'HighLatency', 'DiskFilling', 'CpuSaturated', 'PodRestarting'];
const DEFAULT_CIS = ['ci-1', 'ci-2', 'ci-3', 'ci-4', 'ci-5'];

/**
 * A steady background stream: unrelated alerts from a set of CIs at exponentially distributed
 * intervals (a Poisson process), severities `warning` to `major`, about `resolveRatio` of them resolved
 * 1 to 30 minutes later (a second, `resolved` notification with the same labels). Seeded and
 * deterministic; returned in delivery order.
 *
 * @example
 * const stream = steadyAlerts({ seed: 1, count: 3 });
 * stream.map((a) => a.alert.status) // e.g. ['firing', 'firing', 'resolved', 'firing']
 * steadyAlerts({ seed: 1, count: 3 }) // deep-equals stream
 */
export function steadyAlerts(options: SteadyAlertsOptions = {}): AlertArrival[] {
  const subject = 'steadyAlerts options';
  const { seed, startMs, idPrefix } = streamBase(options, 'steady', subject);
  const count = intOption(options.count, 100, 'count', 0, MAX_STREAM_ALERTS / 2, subject);
  const mean = numberOption(options.meanIntervalMs, 60_000, 'meanIntervalMs', 1, 86_400_000, subject);
  const ciIds = idListOption(options.ciIds, DEFAULT_CIS, 'ciIds', 10_000, subject);
  const names = idListOption(options.alertnames, DEFAULT_NAMES, 'alertnames', 1_000, subject);
  const resolveRatio = numberOption(options.resolveRatio, 0.5, 'resolveRatio', 0, 1, subject);
  const rnd = createRandom(seed);
  const drafts: AlertDraft[] = [];
  let t = startMs;
  for (let i = 0; i < count; i++) {
    t += Math.max(1, Math.round(-Math.log(1 - rnd.next()) * mean));
    const base = { ciId: rnd.pick(ciIds), alertname: rnd.pick(names), severity: rnd.pick(['warning', 'minor', 'major'] as const), startsAtMs: t };
    drafts.push({ ...base, receivedAtMs: t });
    if (rnd.chance(resolveRatio)) {
      const endsAtMs = t + rnd.int(1, 30) * 60_000;
      drafts.push({ ...base, endsAtMs, receivedAtMs: endsAtMs });
    }
  }
  return toArrivals(drafts, idPrefix, 'steady-generator');
}
