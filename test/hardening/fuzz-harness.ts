/**
 * Drives {@link expectSafeOutcome} over whole argument lists: hostile values at the top of any argument,
 * hostile values deep inside an otherwise valid argument (so fuzzing reaches past the first check), and
 * the big hostile values (deep nesting, huge arrays and objects) in every argument and top-level field.
 */
import fc from 'fast-check';
import { BIG_HOSTILE_VALUES, expectSafeOutcome, hostileValue } from './adversarial';

type Path = Array<string | number>;

/** Every path into a JSON value (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'extra'] as const;

/** A JSON copy of `valid` with the value at `path` (or a new hostile key under it) replaced by `value`. */
function replaceAt(valid: unknown, path: Path, extraKey: string | null, value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(valid));
  const target = [...path];
  if (extraKey !== null) target.push(extraKey);
  if (target.length === 0) return value;
  let node = copy as Record<string | number, unknown>;
  for (const key of target.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (typeof node !== 'object' || node === null) return copy;
  Object.defineProperty(node, target[target.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * A copy of a valid JSON value with one node anywhere inside (or a new `__proto__`/`constructor`/extra
 * key on one of its objects) replaced by a hostile value.
 */
export function mutateDeep(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const containers = paths.filter((p) => {
    let v: unknown = valid;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  });
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, v]) => replaceAt(valid, p, null, v)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...containers), fc.constantFrom(...EXTRA_KEYS), hostileValue).map(([p, k, v]) => replaceAt(valid, p, k, v)) },
  );
}

/** Hostile instants: invalid dates, out-of-range numbers, strings that are not ISO instants, anything. */
export const hostileInstant: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 8.64e15, -8.64e15, 8.64e15 + 1, 1e21, -0, 0.5, new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15)),
  fc.constantFrom('2026-11-23T08:00:00Z', '2026-02-30T00:00:00Z', '2026-11-23', 'yesterday', '', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z'),
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.date({ noInvalidDate: false }),
  hostileValue,
);

/** Hostile durations in ms: NaN, infinities, negatives, fractions, huge values, anything. */
export const hostileMs: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, -0, 0.5, 1e21, Number.MAX_SAFE_INTEGER, 100 * 366 * 86_400_000),
  fc.double(),
  fc.integer(),
  hostileValue,
);

/** Checks `fn(...args)` for every tuple drawn from `args` with {@link expectSafeOutcome}. */
export function fuzzCall(fn: (...args: never[]) => unknown, args: Array<fc.Arbitrary<unknown>>, numRuns: number): void {
  fc.assert(
    fc.property(fc.tuple(...args), (tuple) => expectSafeOutcome((input) => (fn as (...a: unknown[]) => unknown)(...(input as unknown[])), tuple)),
    { numRuns },
  );
}

function isPlainJson(value: unknown): boolean {
  return Array.isArray(value) || (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype);
}

/**
 * Each argument position with hostile values and with `mutateDeep` of its valid value, the others
 * valid: `valid` is a list of valid arguments.
 */
export function fuzzEachArgument(fn: (...args: never[]) => unknown, valid: readonly unknown[], numRuns: number): void {
  valid.forEach((_, i) => {
    const at = (arb: fc.Arbitrary<unknown>) => valid.map((v, j) => (j === i ? arb : fc.constant(v)));
    fuzzCall(fn, at(hostileValue), numRuns);
    if (isPlainJson(valid[i])) fuzzCall(fn, at(mutateDeep(valid[i])), numRuns);
  });
}

/** Every big hostile value in every argument position and in every top-level field of an object argument. */
export function fuzzBigValues(fn: (...args: never[]) => unknown, valid: readonly unknown[]): void {
  const call = (input: unknown) => (fn as (...a: unknown[]) => unknown)(...(input as unknown[]));
  for (const [, big] of BIG_HOSTILE_VALUES) {
    valid.forEach((v, i) => {
      expectSafeOutcome(call, valid.map((w, j) => (j === i ? big : w)));
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
      for (const key of Object.keys(v)) expectSafeOutcome(call, valid.map((w, j) => (j === i ? { ...v, [key]: big } : w)));
    });
  }
}
