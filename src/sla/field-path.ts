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

/**
 * Reads `segments` from `record`, following own properties only (inherited ones, such as
 * `toString` or anything on a polluted prototype, read as absent). Returns `undefined` when absent.
 */
export function readField(record: unknown, segments: readonly string[]): unknown {
  if (segments.length === 1) return readOwn(record, segments[0] as string);
  let current: unknown = record;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || current instanceof Date) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function readOwn(record: unknown, key: string): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
