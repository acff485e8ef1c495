import { toEpochMs, toIso, type InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import { parseOrThrow } from '../_lib/zod-issues';
import { AlertSchema, type Alert, type AlertSeverity } from '../models';

/**
 * One alert as a stream delivers it: the `alert` record and the instant it reaches the receiver
 * (`receivedAt`, ISO). Generators return arrivals in delivery order (by `receivedAt`, ties in the
 * order they were generated); `receivedAt` may be later than the alert's own `startsAt`/`endsAt`,
 * which is how late, out-of-order delivery is represented.
 *
 * @example
 * const a: AlertArrival = { receivedAt: '2026-11-23T08:00:05.000Z', alert: anAlert() };
 */
export interface AlertArrival {
  readonly receivedAt: string;
  readonly alert: Alert;
}

/**
 * Options every generator shares.
 *
 * @example
 * const o: StreamOptions = { seed: 42, start: '2026-11-23T08:00:00Z' };
 */
export interface StreamOptions {
  /** The PRNG seed (an integer): the same seed gives the same stream. Default 1. */
  readonly seed?: number;
  /** When the stream starts. Default `2026-11-23T08:00:00Z`. */
  readonly start?: InstantInput;
  /** Prefix of the alert ids (`<idPrefix>-<n>`). Default: the generator's name and the seed. */
  readonly idPrefix?: string;
}

/**
 * At most this many alerts per generated stream.
 *
 * @example
 * MAX_STREAM_ALERTS //=> 100000
 */
export const MAX_STREAM_ALERTS = 100_000;

/** Reads an optional integer option in `[min, max]` (internal). */
export function intOption(value: unknown, fallback: number, field: string, min: number, max: number, subject: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw ItsmValidationError.at(subject, [field], `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Reads an optional number option in `[min, max]` (internal). */
export function numberOption(value: unknown, fallback: number, field: string, min: number, max: number, subject: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw ItsmValidationError.at(subject, [field], `must be a number from ${min} to ${max}`);
  }
  return value;
}

/** The validated shared options (internal). */
export function streamBase(options: StreamOptions | undefined, name: string, subject: string): { seed: number; startMs: number; idPrefix: string } {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw ItsmValidationError.at(subject, ['options'], 'must be an object');
  const seed = intOption(options?.seed, 1, 'seed', -(2 ** 31), 2 ** 32 - 1, subject);
  const startMs = toEpochMs(options?.start ?? '2026-11-23T08:00:00Z', 'start', subject);
  const idPrefix = options?.idPrefix ?? `${name}-${seed}`;
  if (typeof idPrefix !== 'string' || idPrefix.length === 0 || idPrefix.length > 100) throw ItsmValidationError.at(subject, ['idPrefix'], 'must be a string of 1 to 100 characters');
  return { seed, startMs, idPrefix };
}

/** What a generator says about one alert before it becomes a record (internal). */
export interface AlertDraft {
  readonly ciId: string;
  readonly alertname: string;
  readonly severity: AlertSeverity;
  readonly startsAtMs: number;
  /** Set for a resolved notification. */
  readonly endsAtMs?: number;
  readonly receivedAtMs: number;
}

/**
 * Builds the arrivals of a stream (internal): numbers the drafts in generation order, turns them into
 * validated alert records, and sorts them by `receivedAt` (stable, so ties keep generation order).
 */
export function toArrivals(drafts: readonly AlertDraft[], idPrefix: string, source: string): AlertArrival[] {
  const arrivals = drafts.map((d, n) => ({
    receivedAtMs: d.receivedAtMs,
    arrival: {
      receivedAt: toIso(d.receivedAtMs),
      alert: parseOrThrow(AlertSchema, 'generated alert', {
        id: `${idPrefix}-${n + 1}`,
        source,
        status: d.endsAtMs === undefined ? 'firing' : 'resolved',
        severity: d.severity,
        labels: { alertname: d.alertname, ci: d.ciId },
        annotations: { summary: `${d.alertname} on ${d.ciId}` },
        startsAt: toIso(d.startsAtMs),
        ...(d.endsAtMs === undefined ? {} : { endsAt: toIso(d.endsAtMs) }),
        ciId: d.ciId,
      }),
    },
  }));
  arrivals.sort((a, b) => a.receivedAtMs - b.receivedAtMs);
  return arrivals.map((a) => a.arrival);
}

/** A list of ids option (internal): non-empty strings, at most `max`. */
export function idListOption(value: unknown, fallback: readonly string[], field: string, max: number, subject: string): readonly string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.length === 0 || value.length > max) throw ItsmValidationError.at(subject, [field], `must be a list of 1 to ${max} ids`);
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.length === 0 || v.length > 128) throw ItsmValidationError.at(subject, [field, i], 'must be an id of 1 to 128 characters');
  });
  return value as string[];
}
