/**
 * The compact fingerprint table against a plain Map reference: any sequence of sets, in-place bumps,
 * deletes and reads, over calls that each start from the previous call's result (parsed back from
 * JSON half of the time), gives the records the Map holds, never changes a table passed in, and
 * keeps its layout (bucket count) a function of the operations only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FingerprintRecord, FingerprintTable } from '../../src/correlation/fp-table';
import { EMPTY_FINGERPRINTS, FingerprintWriter } from '../../src/correlation/fp-table';

const T0 = Date.parse('2026-11-23T08:00:00Z');
// Short, long, prefix-sharing, non-Latin-1 and hex fingerprints, so keys of every length share buckets.
const fpArb = fc.oneof(
  fc.constantFrom('a', 'ab', 'abc', 'é', '指紋', 'x'.repeat(128), 'x'.repeat(127)),
  fc.stringMatching(/^[0-9a-f]{16}$/),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const timeArb = fc.integer({ min: -1_000_000, max: 10_000_000 }).map((d) => T0 + d * 1_000);
const recordArb: fc.Arbitrary<FingerprintRecord> = fc
  .record({
    s: fc.constantFrom(0 as const, 1 as const),
    t: timeArb,
    c: fc.integer({ min: 1, max: 2 ** 34 }),
    g: fc.array(fc.tuple(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 1, max: 2 ** 32 - 1 })).map(([r, s]) => r * 2 ** 32 + s), { maxLength: 3 }),
    h: fc.array(timeArb, { maxLength: 5 }),
    fu: fc.option(timeArb, { nil: undefined }),
    endsAtT: fc.boolean(),
  })
  .map(({ fu, endsAtT, ...r }) => {
    const h = endsAtT ? [...r.h, r.t] : r.h;
    return fu === undefined ? { ...r, h } : { ...r, h, fu };
  });
type Op =
  | { kind: 'set'; fp: string; record: FingerprintRecord }
  | { kind: 'bump'; fp: string; t: number; stale: boolean }
  | { kind: 'delete'; fp: string };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), fp: fpArb, record: recordArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bump' as const), fp: fpArb, t: timeArb, stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), fp: fpArb }) },
);

/** What the reference expects after a bump. */
function bumped(r: FingerprintRecord, t: number, stale: boolean): FingerprintRecord {
  const later = !stale && t > r.t;
  return { ...r, c: Math.min(r.c + 1, 2 ** 34), t: later ? t : r.t };
}

function contents(table: FingerprintTable): Map<string, FingerprintRecord> {
  const out = new Map<string, FingerprintRecord>();
  new FingerprintWriter(table).forEach((r, fp) => out.set(fp, r));
  return out;
}

const normal = (r: FingerprintRecord | undefined) => (r === undefined ? undefined : { ...r, g: [...r.g], h: [...r.h] });

describe('fingerprint table', () => {
  it('holds what a Map holds, across calls and JSON round trips, without mutating its input', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { maxLength: 40 }), { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (calls, roundTrips) => {
        const reference = new Map<string, FingerprintRecord>();
        let table: FingerprintTable = EMPTY_FINGERPRINTS;
        calls.forEach((ops, call) => {
          const before = JSON.stringify(table);
          const w = new FingerprintWriter(table);
          for (const op of ops) {
            const known = reference.get(op.fp);
            if (op.kind === 'set') {
              w.set(op.fp, op.record);
              reference.set(op.fp, op.record);
            } else if (op.kind === 'delete') {
              w.delete(op.fp);
              reference.delete(op.fp);
            } else if (w.find(op.fp)) {
              expect(known).toBeDefined();
              expect([w.foundStatus(), w.foundTime(), w.foundGroupCount()]).toEqual([known!.s, known!.t, known!.g.length]);
              known!.g.forEach((g, j) => expect(w.foundGroup(j)).toBe(g));
              const next = bumped(known!, op.t, op.stale);
              expect(w.bumpFound(op.t, op.stale)).toBe(next.c);
              reference.set(op.fp, next);
            } else expect(known).toBeUndefined();
            expect(normal(w.get(op.fp))).toEqual(normal(reference.get(op.fp)));
            expect(w.size).toBe(reference.size);
          }
          const next = w.result();
          expect(JSON.stringify(table)).toBe(before);
          table = roundTrips[call] ? (JSON.parse(JSON.stringify(next)) as FingerprintTable) : next;
          const held = contents(table);
          expect(held.size).toBe(reference.size);
          for (const [fp, r] of reference) expect(normal(held.get(fp))).toEqual(normal(r));
          expect(table.n).toBe(reference.size);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('grows with the number of entries alone, whatever the batching', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fpArb, { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (fps, batch) => {
        const record: FingerprintRecord = { s: 1, t: T0, c: 1, g: [], h: [T0] };
        const oneCall = new FingerprintWriter(EMPTY_FINGERPRINTS);
        for (const fp of fps) oneCall.set(fp, record);
        let table: FingerprintTable = EMPTY_FINGERPRINTS;
        for (let i = 0; i < fps.length; i += batch) {
          const w = new FingerprintWriter(table);
          for (const fp of fps.slice(i, i + batch)) w.set(fp, record);
          table = w.result();
        }
        expect(table).toEqual(oneCall.result());
      }),
      { numRuns: 200 },
    );
  });
});
