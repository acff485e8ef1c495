import { ItsmValidationError } from '../_lib/errors';
import { createRandom } from './random';
import { intOption, numberOption, streamBase, toArrivals, type AlertArrival, type AlertDraft, type StreamOptions } from './alert-arrival';

/**
 * Options of {@link flappingAlerts}.
 *
 * @example
 * const o: FlappingAlertsOptions = { seed: 2, ciId: 'disk-7', flaps: 6, periodMs: 90_000 };
 */
export interface FlappingAlertsOptions extends StreamOptions {
  /** The flapping CI. Default `ci-1`. */
  readonly ciId?: string;
  /** The alert name. Default `DiskLatency`. */
  readonly alertname?: string;
  /** How many fire/resolve cycles (1 to 10,000). Default 10. */
  readonly flaps?: number;
  /** Mean length of one cycle, ms. Default 120,000. */
  readonly periodMs?: number;
}

/**
 * A flapping check: one alert (same labels throughout) that fires, resolves 30 % to 70 % of a cycle
 * later, and fires again at the next cycle (cycles vary by +-20 %), `flaps` times. The notifications
 * alternate `firing`, `resolved`, `firing`... Seeded and deterministic; returned in delivery order.
 *
 * @example
 * flappingAlerts({ seed: 1, flaps: 2 }).map((a) => a.alert.status) //=> ['firing', 'resolved', 'firing', 'resolved']
 */
export function flappingAlerts(options: FlappingAlertsOptions = {}): AlertArrival[] {
  const subject = 'flappingAlerts options';
  const { seed, startMs, idPrefix } = streamBase(options, 'flapping', subject);
  const ciId = options.ciId ?? 'ci-1';
  const alertname = options.alertname ?? 'DiskLatency';
  for (const [field, v] of [['ciId', ciId], ['alertname', alertname]] as const) {
    if (typeof v !== 'string' || v.length === 0 || v.length > 128) throw ItsmValidationError.at(subject, [field], 'must be a string of 1 to 128 characters');
  }
  const flaps = intOption(options.flaps, 10, 'flaps', 1, 10_000, subject);
  const periodMs = numberOption(options.periodMs, 120_000, 'periodMs', 10, 86_400_000, subject);
  const rnd = createRandom(seed);
  const drafts: AlertDraft[] = [];
  let t = startMs;
  for (let i = 0; i < flaps; i++) {
    const cycle = Math.max(2, Math.round(periodMs * (0.8 + 0.4 * rnd.next())));
    const down = Math.min(cycle - 1, Math.max(1, Math.round(cycle * (0.3 + 0.4 * rnd.next()))));
    const base = { ciId, alertname, severity: 'warning' as const, startsAtMs: t };
    drafts.push({ ...base, receivedAtMs: t });
    drafts.push({ ...base, endsAtMs: t + down, receivedAtMs: t + down });
    t += cycle;
  }
  return toArrivals(drafts, idPrefix, 'flapping-generator');
}
