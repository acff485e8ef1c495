/**
 * The tick's work queue against a sorted array: any interleaving of pushes and pops, from an empty
 * queue or one built from items, gives the items in the tick's order (instant, then parked alerts
 * before groups before fingerprints, then key).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkQueue, type Work } from '../../src/correlation/work-queue';

const order = (a: Work, b: Work) => a.at - b.at || a.kind - b.kind || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const workArb = fc.record({ at: fc.integer({ min: 0, max: 20 }), kind: fc.constantFrom(0 as const, 1 as const, 2 as const), key: fc.constantFrom('a', 'b', 'c', 'g#1', 'g#10', 'g#2') });
const opArb = fc.oneof({ weight: 3, arbitrary: workArb.map((w) => ({ push: w })) }, { weight: 2, arbitrary: fc.constant({ pop: true as const }) });

describe('WorkQueue', () => {
  it('pops what a sorted array would, under any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const queue = new WorkQueue();
        const reference: Work[] = [];
        for (const op of ops) {
          if ('push' in op) {
            queue.push(op.push);
            reference.push(op.push);
            reference.sort(order);
          } else if (reference.length > 0) {
            expect(queue.pop()).toEqual(reference.shift());
          }
          expect(queue.size).toBe(reference.length);
        }
        while (reference.length > 0) expect(queue.pop()).toEqual(reference.shift());
      }),
      { numRuns: 2_000 },
    );
  });

  it('built from items, peeks and pops them in order, and takes pushes after', () => {
    fc.assert(
      fc.property(fc.array(workArb, { maxLength: 100 }), fc.array(workArb, { maxLength: 20 }), (initial, later) => {
        const queue = new WorkQueue(initial.slice());
        for (const w of later) queue.push(w);
        const reference = [...initial, ...later].sort(order);
        expect(queue.size).toBe(reference.length);
        for (const w of reference) {
          expect(queue.peek()).toEqual(w);
          expect(queue.pop()).toEqual(w);
        }
        expect(queue.peek()).toBeUndefined();
      }),
      { numRuns: 1_000 },
    );
  });
});
