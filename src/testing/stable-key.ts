import { ItsmValidationError } from '../_lib/errors';

/**
 * A short deterministic hash (FNV-1a, 32 bits, 8 hex digits) of a JSON-like value with its object keys
 * sorted, so equal overrides always give equal ids (internal to the builders).
 */
export function stableHash(value: unknown): string {
  const text = canonical(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Values nested deeper than this are rejected (a record is a few levels deep; the recursion is bounded). */
const MAX_DEPTH = 64;

/**
 * JSON of a JSON-like value with object keys sorted (internal), leaving out the keys `keep` refuses,
 * at any depth: equal content always gives equal text. Throws {@link ItsmValidationError} past 64 levels.
 */
export function canonical(value: unknown, keep: (key: string) => boolean = () => true, depth = 0): string {
  if (depth > MAX_DEPTH) throw ItsmValidationError.at('builder overrides', ['overrides'], `must not be nested more than ${MAX_DEPTH} levels deep`);
  if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, keep, depth + 1)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).filter(keep).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], keep, depth + 1)}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
}
