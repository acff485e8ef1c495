import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSlaPolicy, evaluateSla } from 'itsm-kit/sla';
import { caseArb } from './arbitraries';
import { referenceEvaluate } from './reference';
import { plainResult } from './_results';

describe('the fast engine against the slow reference', () => {
  it('agrees on thousands of random policies, timelines and instants', () => {
    fc.assert(
      fc.property(caseArb(), ({ policy: def, timeline, now }) => {
        const policy = createSlaPolicy(def);
        const fast = plainResult(evaluateSla(policy, timeline, now));
        const slow = referenceEvaluate(def, policy.calendar, timeline, now);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 2_000 },
    );
  });
});
