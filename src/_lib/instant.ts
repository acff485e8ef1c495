import { ItsmValidationError } from './errors';

/** The instants itsm-kit accepts: a `Date`, epoch milliseconds, or an ISO-8601 string with an offset or `Z`. */
export type InstantInput = Date | number | string;

/** Latest/earliest instants accepted: the ECMAScript Date range (about 275,000 years either side). */
export const MAX_EPOCH_MS = 8.64e15;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const DATE_TIME_FIELDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * True when the date and time fields at the start of an ISO-8601 string exist on the calendar: month
 * 1-12, a day the month has, hour 0-23, minute and second 0-59. `Date.parse` alone would roll
 * `2026-02-30` over to 2 March and `24:00` to the next day without a word.
 */
export function isoFieldsExist(value: string): boolean {
  const m = DATE_TIME_FIELDS.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Converts an instant to epoch milliseconds, or throws {@link ItsmValidationError} naming `field`.
 * Strings must be ISO-8601 with a zone (`Z` or `+hh:mm`); a string without one is ambiguous and refused.
 */
export function toEpochMs(value: unknown, field: string, subject = 'input'): number {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') {
    if (value.length > 40 || !ISO_WITH_ZONE.test(value) || !isoFieldsExist(value)) {
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
