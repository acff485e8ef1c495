import { ItsmValidationError } from '../_lib/errors';
import { toEpochMs, type InstantInput } from '../_lib/instant';
import { entryPath, TIMELINE_SUBJECT, type EntryIndex } from './clock';
import { readsPlainly } from './field-path';

/**
 * One timeline entry: the whole record as it stood from `at` on (a `Date`, epoch ms, or an ISO-8601
 * string with a zone). Only own properties of `record` are read.
 *
 * @example
 * const entry: SlaTimelineEntry = { at: '2026-11-23T08:00:00Z', record: { state: 'new', priority: 2 } };
 */
export interface SlaTimelineEntry {
  readonly at: InstantInput;
  readonly record: Readonly<Record<string, unknown>>;
}

/**
 * Checks one entry and returns its `at` as epoch ms (its `record` is then safe to read), or throws
 * {@link ItsmValidationError} naming `timeline.<i>.at`, `timeline.<i>.record` (or `entry.at`, ...).
 */
export function readEntryAt(entry: unknown, index: EntryIndex, plainOk = false): number {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw ItsmValidationError.at(TIMELINE_SUBJECT, entryPath(index), 'must be an object { at, record }');
  }
  for (const key in entry) {
    if (key !== 'at' && key !== 'record') throw ItsmValidationError.at(TIMELINE_SUBJECT, [...entryPath(index), key], 'unknown field (an entry has only at and record)', 'unrecognized_keys');
  }
  const e = entry as Record<string, unknown>;
  // Named reads here (not `readField`), so these property sites see only entry shapes.
  const plain = readsPlainly(e, plainOk);
  const raw = plain || Object.hasOwn(e, 'at') ? e.at : undefined;
  const at = isPlainInstant(raw) ? raw : toEpochMs(raw, [...entryPath(index), 'at'].join('.'), TIMELINE_SUBJECT);
  const record = plain || Object.hasOwn(e, 'record') ? e.record : undefined;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw ItsmValidationError.at(TIMELINE_SUBJECT, [...entryPath(index), 'record'], 'must be an object (the whole record as it stood from at on)');
  }
  return at;
}

/** Epoch milliseconds within the Date range need no conversion (the common case, kept allocation-free). */
function isPlainInstant(value: unknown): value is number {
  return typeof value === 'number' && value >= -8.64e15 && value <= 8.64e15;
}
