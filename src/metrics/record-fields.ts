import { ItsmValidationError, isItsmValidationError } from '../_lib/errors';
import { toEpochMs } from '../_lib/instant';

/**
 * Reads an instant field of the `index`-th record (a `Date`, epoch ms or ISO string); `undefined` and
 * `null` read as `undefined` (the event has not happened). Anything else that is not a valid instant
 * throws `ItsmValidationError` at `<list>.<index>.<field>`.
 */
export function readInstant(record: object, field: string, list: string, index: number, subject: string): number | undefined {
  const value = Object.hasOwn(record, field) ? (record as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  try {
    return toEpochMs(value, field, subject);
  } catch (error) {
    if (!isItsmValidationError(error)) throw error;
    throw ItsmValidationError.at(subject, [list, index, field], error.issues[0]?.message ?? 'is not a valid instant');
  }
}

/** Throws unless `record` is a non-null object (named `<list>.<index>`). */
export function assertRecord(record: unknown, list: string, index: number, subject: string): asserts record is object {
  if (typeof record !== 'object' || record === null) throw ItsmValidationError.at(subject, [list, index], 'must be an object');
}

/** Throws unless `records` is an array (named `list`). */
export function assertArray(records: unknown, list: string, subject: string): asserts records is readonly unknown[] {
  if (!Array.isArray(records)) throw ItsmValidationError.at(subject, [list], 'must be an array');
}

/** Reads an own property of a record (never an inherited one). */
export function ownField(record: object, field: string): unknown {
  return Object.hasOwn(record, field) ? (record as Record<string, unknown>)[field] : undefined;
}

/** `part / whole x 100`, or `null` when `whole` is 0 (never NaN). */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}
