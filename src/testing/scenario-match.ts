/**
 * Subset matching for scenario expectations, and the value formatting of failure reports.
 */

/**
 * One place where an actual value differs from the expectation: the dotted path (empty for the value
 * as a whole), what was expected and what was there.
 *
 * @example
 * const m: Mismatch = { path: 'state', expected: 'resolved', actual: 'in_progress' };
 */
export interface Mismatch {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * A predicate inside an expectation: the value at that place matches when it returns `true`.
 * Its `name` (or the text `a predicate`) stands for it in reports.
 *
 * @example
 * const positive: ValuePredicate = (v) => typeof v === 'number' && v > 0;
 */
export type ValuePredicate = (actual: unknown) => boolean;

const MAX_MISMATCHES = 20;
const MAX_DEPTH = 32;

function own(value: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function instantOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && value.length <= 40 && ISO_INSTANT.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

function sameScalar(expected: unknown, actual: unknown): boolean {
  if (expected === actual || (Number.isNaN(expected) && Number.isNaN(actual))) return true;
  // Instants: a Date or an ISO-8601 string matches a Date or an ISO string of the same millisecond.
  if (expected instanceof Date || actual instanceof Date || (typeof expected === 'string' && typeof actual === 'string')) {
    const e = instantOf(expected);
    return e !== undefined && e === instantOf(actual);
  }
  return false;
}

function walk(expected: unknown, actual: unknown, path: string, out: Mismatch[], depth: number): void {
  if (out.length >= MAX_MISMATCHES) return;
  const here = (e: unknown) => out.push({ path, expected: e, actual });
  if (typeof expected === 'function') {
    let ok = false;
    try {
      ok = (expected as ValuePredicate)(actual) === true;
    } catch {
      ok = false;
    }
    if (!ok) here(expected);
    return;
  }
  if (depth > MAX_DEPTH) {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) here(expected);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return void here(expected);
    expected.forEach((e, i) => walk(e, actual[i], path === '' ? String(i) : `${path}.${i}`, out, depth + 1));
    return;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return void here(expected);
    for (const key of Object.keys(expected)) {
      walk(own(expected, key), own(actual, key), path === '' ? key : `${path}.${key}`, out, depth + 1);
    }
    return;
  }
  if (!sameScalar(expected, actual)) here(expected);
}

/**
 * Compares `actual` with a partial expectation and lists the differences (at most 20): an object
 * matches when each of the expectation's own keys matches (other keys of `actual` are ignored, and a
 * key expected `undefined` must be absent); an array must have the same length with each element
 * matching; a function is a predicate; instants match by value (a `Date` or an ISO-8601 string with a
 * zone matches a `Date` or such a string of the same millisecond: `'...T11:00:00Z'` matches
 * `'...T11:00:00.000Z'`);
 * other values match when equal (`NaN` matches `NaN`). Only own properties are read.
 *
 * @example
 * subsetMismatches({ state: 'resolved', priority: 1 }, { id: 'inc-1', state: 'in_progress', priority: 1 })
 * //=> [{ path: 'state', expected: 'resolved', actual: 'in_progress' }]
 */
export function subsetMismatches(expected: unknown, actual: unknown): Mismatch[] {
  const out: Mismatch[] = [];
  walk(expected, actual, '', out, 0);
  return out;
}

const MAX_TEXT = 400;

/**
 * Formats a value for a report: JSON-like, one line, dates as ISO strings, predicates by name,
 * cut at 400 characters.
 *
 * @example
 * formatValue({ at: new Date(0), n: 1 }) //=> '{"at":"1970-01-01T00:00:00.000Z","n":1}'
 */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'function') text = value.name ? `<predicate ${value.name}>` : '<a predicate>';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? (v.name ? `<predicate ${v.name}>` : '<a predicate>') : v)) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}...` : text;
}
