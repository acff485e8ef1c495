import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  parseActor, parseAlert, parseChange, parseConfigurationItem, parseIncident, parseKnownError, parsePriorityMatrix,
  parseProblem, parseRelationship, priorityOf,
} from 'itsm-kit/models';
import { validAlert, validChange, validIncident } from '../models/fixtures';
import { BIG_HOSTILE_VALUES, expectSafeOutcome, hostileValue, mutateField } from './adversarial';

const parsers = { parseActor, parseAlert, parseChange, parseConfigurationItem, parseIncident, parseKnownError, parsePriorityMatrix, parseProblem, parseRelationship };

describe('fuzzing the model parsers', () => {
  it.each(Object.entries(parsers))('%s survives anything', (_name, parse) => {
    fc.assert(fc.property(hostileValue, (input) => expectSafeOutcome(parse, input)), { numRuns: 150 });
  });

  it.each(Object.entries(parsers))('%s survives huge and deep values, at the top and in a field', (_name, parse) => {
    for (const [, value] of BIG_HOSTILE_VALUES) {
      expectSafeOutcome(parse, value);
      expectSafeOutcome(parse, { ...validIncident, labels: value, custom: value, approvals: value, roles: value });
    }
  });

  it.each([
    ['parseIncident', parseIncident, validIncident],
    ['parseChange', parseChange, validChange],
    ['parseAlert', parseAlert, validAlert],
  ] as const)('%s survives a hostile field inside an otherwise valid record', (_n, parse, valid) => {
    fc.assert(fc.property(mutateField(valid), (input) => expectSafeOutcome(parse, input)), { numRuns: 200 });
  });

  it('priorityOf survives anything', () => {
    fc.assert(
      fc.property(hostileValue, hostileValue, hostileValue, (i, u, m) =>
        expectSafeOutcome(() => priorityOf(i as number, u as number, m as number[][]), null),
      ),
      { numRuns: 200 },
    );
  });
});
