/**
 * What a table writer records for the correlator's schedule: each key a call sets or deletes, with
 * its value before the call's first write to it, however often the call writes it after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_TABLE, TableWriter, type BucketTable } from '../../src/correlation/table';

const keyArb = fc.constantFrom('a', 'b', 'c', 'g#1', 'g#2');
const opArb = fc.oneof(fc.record({ set: keyArb, value: fc.nat(9) }), fc.record({ del: keyArb }));

describe('TableWriter.track', () => {
  it('records every key written, with its value before the first write of the call', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.array(opArb, { maxLength: 30 }), (before, during) => {
        // A table as a previous call left it.
        const first = new TableWriter<number>(EMPTY_TABLE);
        for (const op of before) 'set' in op ? first.set(op.set, op.value) : first.delete(op.del);
        const base: BucketTable<number> = first.result();
        const start = new Map<string, number>();
        base.b.forEach((bucket) => bucket && bucket.forEach((x, j) => j % 2 === 0 && start.set(x as string, bucket[j + 1] as number)));
        // This call, tracked.
        const written = new Map<string, number | undefined>();
        const w = new TableWriter<number>(base);
        w.track(written);
        const expected = new Map<string, number | undefined>();
        for (const op of during) {
          const key = 'set' in op ? op.set : op.del;
          // Deleting a key the table does not hold writes nothing.
          if ('del' in op && w.get(key) === undefined) continue;
          if (!expected.has(key)) expected.set(key, start.get(key));
          'set' in op ? w.set(op.set, op.value) : w.delete(op.del);
        }
        expect(written).toEqual(expected);
      }),
      { numRuns: 1_000 },
    );
  });
});
