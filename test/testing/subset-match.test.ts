import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subsetMismatches } from 'itsm-kit/testing';

const json = fc.jsonValue({ maxDepth: 4 });

describe('subsetMismatches', () => {
  it('examples: subset of objects, whole arrays, predicates, instants, absent keys', () => {
    expect(subsetMismatches({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
    expect(subsetMismatches({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3, d: 4 }] } })).toEqual([{ path: 'a.b.1.c', expected: 2, actual: 3 }]);
    expect(subsetMismatches([1], [1, 2])).toEqual([{ path: '', expected: [1], actual: [1, 2] }]);
    expect(subsetMismatches({ n: (v: unknown) => v === 3 }, { n: 3 })).toEqual([]);
    expect(subsetMismatches({ n: (v: unknown) => v === 4 }, { n: 3 })).toHaveLength(1);
    expect(subsetMismatches({ n: () => { throw new Error('x'); } }, { n: 3 })).toHaveLength(1);
    expect(subsetMismatches({ at: '2026-11-23T08:00:00Z' }, { at: new Date('2026-11-23T08:00:00.000Z') })).toEqual([]);
    expect(subsetMismatches({ at: '2026-11-23T09:00:00+01:00' }, { at: '2026-11-23T08:00:00.000Z' })).toEqual([]);
    expect(subsetMismatches({ at: '2026-11-23T08:00:01Z' }, { at: new Date('2026-11-23T08:00:00.000Z') })).toHaveLength(1);
    expect(subsetMismatches({ gone: undefined }, { other: 1 })).toEqual([]);
    expect(subsetMismatches({ gone: undefined }, { gone: 1 })).toEqual([{ path: 'gone', expected: undefined, actual: 1 }]);
    expect(subsetMismatches({ x: NaN }, { x: NaN })).toEqual([]);
    expect(subsetMismatches({ a: 1 }, null)).toEqual([{ path: '', expected: { a: 1 }, actual: null }]);
  });

  it('reads only own properties', () => {
    const actual = Object.create({ inherited: 1 }) as Record<string, unknown>;
    expect(subsetMismatches({ inherited: 1 }, actual)).toEqual([{ path: 'inherited', expected: 1, actual: undefined }]);
    expect(subsetMismatches(JSON.parse('{"__proto__":{"x":1}}'), {})).toHaveLength(1);
  });

  it('every JSON value matches itself and its JSON copy', () => {
    fc.assert(fc.property(json, (v) => subsetMismatches(v, JSON.parse(JSON.stringify(v))).length === 0), { numRuns: 300 });
  });

  it('any subset of an object matches it; a failing leaf is reported at its path', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }).filter((k) => k !== '__proto__' && !k.includes('.')), json, { minKeys: 1 }), fc.context(), (object, ctx) => {
        const keys = Object.keys(object);
        const subset = Object.fromEntries(keys.filter((_, i) => i % 2 === 0).map((k) => [k, object[k]]));
        expect(subsetMismatches(subset, object)).toEqual([]);
        const changed = keys[0]!;
        const never = () => false;
        ctx.log(changed);
        expect(subsetMismatches({ ...subset, [changed]: never }, object)).toEqual([{ path: changed, expected: never, actual: object[changed] }]);
        if (Number.isSafeInteger(object[changed])) {
          const bumped = (object[changed] as number) + 1;
          expect(subsetMismatches({ [changed]: bumped }, object)).toEqual([{ path: changed, expected: bumped, actual: object[changed] }]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
