import { z } from 'zod';
import { SLA_LIMITS } from './limits';

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A dotted field path such as `state` or `assignment.group`: 1 to 10 non-empty segments, 256
 * characters at most, never `__proto__`, `constructor` or `prototype`.
 *
 * @example
 * FieldPathSchema.parse('assignment.group') //=> 'assignment.group'
 */
export const FieldPathSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(SLA_LIMITS.pathLength, `at most ${SLA_LIMITS.pathLength} characters`)
  .superRefine((path, ctx) => {
    const segments = path.split('.');
    if (segments.length > SLA_LIMITS.pathSegments) ctx.addIssue({ code: 'custom', message: `at most ${SLA_LIMITS.pathSegments} segments` });
    else if (segments.some((s) => s === '')) ctx.addIssue({ code: 'custom', message: 'must not have an empty segment' });
    else if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) ctx.addIssue({ code: 'custom', message: 'must not name __proto__, constructor or prototype' });
  });

/** Splits a validated dotted path into its segments. */
export function pathSegments(path: string): readonly string[] {
  return path.split('.');
}

const OBJECT_PROTOTYPE: object = Object.prototype;

/**
 * True when none of `keys` is a property of `Object.prototype` right now, so that on an object whose
 * prototype is `Object.prototype` a plain read of one of them can only find an own property. Checked
 * once per evaluation: it lets {@link readField} skip a `hasOwn` per read (the hot spot of a replay)
 * while a polluted or unusual prototype still reads as absent.
 */
export function plainReadsAreOwn(keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) if (Object.hasOwn(OBJECT_PROTOTYPE, keys[i] as string)) return false;
  return true;
}

/**
 * Reads `segments` from `record`, following own properties only (inherited ones, such as
 * `toString` or anything on a polluted prototype, read as absent). Returns `undefined` when absent.
 * `plainOk`: the caller checked {@link plainReadsAreOwn} for these segments.
 */
export function readField(record: unknown, segments: readonly string[], plainOk = false): unknown {
  if (segments.length === 1) return readOwn(record, segments[0] as string, plainOk);
  let current: unknown = record;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || current instanceof Date) return undefined;
    current = readOwn(current, segment, plainOk);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * True when a plain read on `value` can only find own properties: `plainOk` (the caller checked
 * {@link plainReadsAreOwn} for the names it reads) and `value`'s prototype is `Object.prototype`.
 */
export function readsPlainly(value: object, plainOk: boolean): boolean {
  return plainOk && Object.getPrototypeOf(value) === OBJECT_PROTOTYPE;
}

function readOwn(record: unknown, key: string, plainOk: boolean): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  return readsPlainly(record, plainOk) || Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
