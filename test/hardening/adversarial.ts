/**
 * Adversarial input for fuzzing every public entry point: fast-check's `anything()` plus hand-made
 * hostile JSON (huge strings, deep nesting, `__proto__`/`constructor` keys, NaN and Infinity, invalid
 * dates, unsorted timelines, duplicate ids), and the harness that checks the only acceptable outcomes.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { isItsmValidationError, ItsmError } from 'itsm-kit/models';

const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a.b', '0');

/** Deeply nested arrays/objects, `depth` levels down. */
export function deepNesting(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { nested: v };
  return v;
}

/** Any JSON-ish value, with hostile keys and special numbers mixed in. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ key: fc.oneof(fc.string(), hostileKeys), withNullPrototype: true, withObjectString: true, maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308) },
  { weight: 1, arbitrary: fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15), '2026-02-30T00:00:00Z', '0000-00-00', 'T', '') },
  { weight: 1, arbitrary: fc.constant('x'.repeat(200_000)) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')) },
);

/**
 * Hostile values too big for fast-check to print in a counterexample, checked one by one instead:
 * deep nesting, a huge array, a huge object.
 */
export const BIG_HOSTILE_VALUES: Array<[string, unknown]> = [
  ['10,000 levels of nesting', deepNesting(10_000)],
  ['a 20,000-element array', Array.from({ length: 20_000 }, (_, i) => i)],
  ['an object with 5,000 keys', Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]))],
];

/** Replaces a random field of a valid object with a hostile value (keeps most of it valid, so fuzzing reaches deep). */
export function mutateField<T extends Record<string, unknown>>(valid: T): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.tuple(fc.constantFrom(...keys, '__proto__', 'extra'), hostileValue).map(([k, v]) => {
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
    Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
    return copy;
  });
}

/**
 * A flat, iterative fingerprint of a value (leaves and the keys leading to them), deep enough for 10,000
 * levels of nesting and linear in the size of the value: each node is named by its number and its
 * parent's, never by its full path (full paths would make deep nesting quadratic).
 */
function snapshot(root: unknown): string {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const stack: Array<[number, string, unknown]> = [[-1, '$', root]];
  let nodes = 0;
  while (stack.length > 0) {
    const [parent, key, value] = stack.pop()!;
    const id = nodes++;
    const at = `${parent}.${key}#${id}`;
    if (typeof value !== 'object' || value === null) {
      out.push(`${at}=${typeof value}:${String(value)}`);
      continue;
    }
    if (value instanceof Date) {
      out.push(`${at}=Date:${value.getTime()}`);
      continue;
    }
    if (seen.has(value)) {
      out.push(`${at}=[seen]`);
      continue;
    }
    seen.add(value);
    out.push(`${at}:${Object.getPrototypeOf(value) === null ? 'null-proto' : 'object'}`);
    for (const k of Reflect.ownKeys(value)) stack.push([id, String(k), (value as Record<PropertyKey, unknown>)[k]]);
  }
  return out.join('\n');
}

/** Per-call time bound: generous for a 2-core CI machine, far below any pathological blow-up. */
export const CALL_TIME_BOUND_MS = 2_000;

/**
 * Calls `fn(input)` and checks the only acceptable outcomes: it returns (any value, including
 * `{ ok: false }`), or throws an itsm-kit error (validation or range). Never another exception, never
 * a mutated input, never a polluted prototype, never over {@link CALL_TIME_BOUND_MS}.
 */
export function expectSafeOutcome(fn: (input: unknown) => unknown, input: unknown): void {
  const before = snapshot(input);
  const start = performance.now();
  try {
    fn(input);
  } catch (e) {
    if (!(e instanceof ItsmError) && !isItsmValidationError(e)) {
      throw new Error(`unexpected ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
    }
  }
  const elapsed = performance.now() - start;
  expect(elapsed, 'per-call time bound').toBeLessThan(CALL_TIME_BOUND_MS);
  if (snapshot(input) !== before) expect.fail('input was mutated');
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}
