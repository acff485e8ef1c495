import { ItsmValidationError } from './errors';

/** The instants itsm-kit accepts: a `Date`, epoch milliseconds, or an ISO-8601 string with an offset or `Z`. */
export type InstantInput = Date | number | string;

/** Latest/earliest instants accepted: the ECMAScript Date range (about 275,000 years either side). */
const MAX_EPOCH_MS = 8.64e15;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Converts an instant to epoch milliseconds, or throws {@link ItsmValidationError} naming `field`.
 * Strings must be ISO-8601 with a zone (`Z` or `+hh:mm`); a string without one is ambiguous and refused.
 */
export function toEpochMs(value: unknown, field: string, subject = 'input'): number {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') {
    if (value.length > 40 || !ISO_WITH_ZONE.test(value)) {
      throw ItsmValidationError.at(subject, field.split('.'), 'must be an ISO-8601 timestamp with a zone, e.g. 2026-11-23T08:00:00Z');
    }
    ms = Date.parse(value);
  } else {
    throw ItsmValidationError.at(subject, field.split('.'), 'must be a Date, epoch milliseconds or an ISO-8601 string');
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) {
    throw ItsmValidationError.at(subject, field.split('.'), 'is not a valid instant');
  }
  return ms;
}

/** ISO-8601 UTC string of epoch milliseconds. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
