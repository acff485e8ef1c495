/**
 * Every exported function of every subpath, called with malformed arguments of every kind (null,
 * undefined, an empty object, an empty array, a number, a string, an object without a prototype) in
 * every position: it returns, or throws an itsm-kit error naming what is wrong, never a bare
 * TypeError or RangeError from deep inside. The fuzz suites cover chosen functions with valid
 * arguments mutated; this covers all of them, including the lower-level helpers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ItsmError } from 'itsm-kit';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports)
  .filter((k) => k.startsWith('./') && !k.includes('*') && k !== './package.json' && !k.startsWith('./schemas'))
  .map((k) => k.slice(2));

const MALFORMED: ReadonlyArray<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['{}', {}],
  ['[]', []],
  ['5', 5],
  ["'x'", 'x'],
  ['an object without a prototype', Object.create(null)],
];

/** What calling `fn` with `args` did, when it threw something other than an itsm-kit error. */
function crash(fn: (...args: unknown[]) => unknown, args: unknown[]): string | null {
  try {
    fn(...args);
    return null;
  } catch (e) {
    return e instanceof ItsmError ? null : `${(e as Error)?.name}: ${(e as Error)?.message}`;
  }
}

describe('every exported function', () => {
  it.each(subpaths)('of itsm-kit/%s refuses malformed arguments with an itsm-kit error', async (subpath) => {
    const mod = (await import(/* @vite-ignore */ `itsm-kit/${subpath}`)) as Record<string, unknown>;
    const functions = Object.entries(mod).filter((e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === 'function' && /^[a-z]/.test(e[0]));
    expect(functions.length).toBeGreaterThan(0);
    const crashes: string[] = [];
    for (const [name, fn] of functions) {
      for (const [label, value] of MALFORMED) {
        for (let arity = 1; arity <= 3; arity++) {
          const found = crash(fn, Array.from({ length: arity }, () => value));
          if (found !== null) crashes.push(`${name}(${Array(arity).fill(label).join(', ')}): ${found}`);
        }
      }
    }
    expect(crashes).toEqual([]);
  });
});
