import { optionsObject } from '../_lib/hardening-options';
import { MAX_EPOCH_MS, toIso } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import { createRandom } from './random';
import { intOption, numberOption, type AlertArrival } from './alert-arrival';
import { steadyAlerts, type SteadyAlertsOptions } from './steady-alerts';

/**
 * Options of {@link withLateArrivals}.
 *
 * @example
 * const o: LateArrivalOptions = { seed: 5, lateRatio: 0.3, maxDelayMs: 600_000 };
 */
export interface LateArrivalOptions {
  /** The PRNG seed. Default 1. */
  readonly seed?: number;
  /** Share of arrivals delivered late, in [0, 1]. Default 0.2. */
  readonly lateRatio?: number;
  /** A late arrival is delayed by 1 ms to this many ms. Default 300,000. */
  readonly maxDelayMs?: number;
}

/**
 * Delays some arrivals of a stream: about `lateRatio` of them get a `receivedAt` up to `maxDelayMs`
 * later than before (their alert records are unchanged), and the stream is re-sorted by `receivedAt`,
 * so the alerts' `startsAt` are no longer in order, as when a remote collector buffers and replays.
 * Returns a new array; the input is not modified.
 *
 * @example
 * const late = withLateArrivals(steadyAlerts({ seed: 1, count: 50 }), { seed: 9, lateRatio: 0.5 });
 * late.length //=> same as the input
 */
export function withLateArrivals(stream: readonly AlertArrival[], options?: LateArrivalOptions): AlertArrival[] {
  const subject = 'withLateArrivals options';
  if (!Array.isArray(stream)) throw ItsmValidationError.at(subject, ['stream'], 'must be an array of arrivals');
  // Checked as an object first: a default parameter covers only `undefined`, and `null` would crash.
  const opts: LateArrivalOptions = optionsObject(options, subject);
  const seed = intOption(opts.seed, 1, 'seed', -(2 ** 31), 2 ** 32 - 1, subject);
  const lateRatio = numberOption(opts.lateRatio, 0.2, 'lateRatio', 0, 1, subject);
  const maxDelayMs = intOption(opts.maxDelayMs, 300_000, 'maxDelayMs', 1, 86_400_000, subject);
  const rnd = createRandom(seed);
  const delayed = stream.map((a, i) => {
    const receivedAt: unknown = typeof a === 'object' && a !== null ? a.receivedAt : undefined;
    // Only a string is parsed: `Date.parse` of an object without a prototype throws a TypeError.
    const receivedMs = typeof receivedAt === 'string' ? Date.parse(receivedAt) : Number.NaN;
    if (!Number.isFinite(receivedMs)) throw ItsmValidationError.at(subject, ['stream', i, 'receivedAt'], 'must be an ISO-8601 timestamp');
    // Whether this arrival is delayed is random; whether it could be is not, so the check is too.
    if (receivedMs + maxDelayMs > MAX_EPOCH_MS) throw ItsmValidationError.at(subject, ['stream', i, 'receivedAt'], 'is too late to delay by maxDelayMs (past the latest instant a Date holds)');
    const at = rnd.chance(lateRatio) ? receivedMs + rnd.int(1, maxDelayMs) : receivedMs;
    return { at, arrival: at === receivedMs ? a : { receivedAt: toIso(at), alert: a.alert } };
  });
  delayed.sort((x, y) => x.at - y.at);
  return delayed.map((d) => d.arrival);
}

/**
 * Options of {@link lateAlerts}: a steady stream's options plus the late-delivery ones.
 *
 * @example
 * const o: LateAlertsOptions = { seed: 4, count: 200, lateRatio: 0.3 };
 */
export interface LateAlertsOptions extends SteadyAlertsOptions {
  /** Share of arrivals delivered late. Default 0.2. */
  readonly lateRatio?: number;
  /** Largest delay, ms. Default 300,000. */
  readonly maxDelayMs?: number;
}

/**
 * A steady stream with late arrivals: {@link steadyAlerts} then {@link withLateArrivals} (same seed),
 * so some alerts arrive after alerts that started later than they did (out-of-order `startsAt`).
 *
 * @example
 * const s = lateAlerts({ seed: 3, count: 100, lateRatio: 0.3 });
 * s.some((a, i) => i > 0 && a.alert.startsAt < s[i - 1].alert.startsAt) //=> true (out of order)
 */
export function lateAlerts(input?: LateAlertsOptions): AlertArrival[] {
  const options: LateAlertsOptions = optionsObject(input, 'lateAlerts options');
  const { lateRatio, maxDelayMs, ...steady } = options;
  const late: { seed?: number; lateRatio?: number; maxDelayMs?: number } = {};
  if (options.seed !== undefined) late.seed = options.seed;
  if (lateRatio !== undefined) late.lateRatio = lateRatio;
  if (maxDelayMs !== undefined) late.maxDelayMs = maxDelayMs;
  return withLateArrivals(steadyAlerts({ idPrefix: `late-${typeof options.seed === 'number' ? options.seed : 1}`, ...steady }), late);
}
