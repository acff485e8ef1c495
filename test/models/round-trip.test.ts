import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseActor, parseAlert, parseChange, parseConfigurationItem, parseIncident, parseProblem, parseRelationship,
  type ParseResult,
} from 'itsm-kit/models';
import { actorInput, alertInput, changeInput, ciInput, incidentInput, problemInput, relationshipInput } from './arbitraries';

const models: Array<[string, (x: unknown) => ParseResult<unknown>, fc.Arbitrary<unknown>]> = [
  ['incident', parseIncident, incidentInput],
  ['problem', parseProblem, problemInput],
  ['change', parseChange, changeInput],
  ['alert', parseAlert, alertInput],
  ['configuration item', parseConfigurationItem, ciInput],
  ['relationship', parseRelationship, relationshipInput],
  ['actor', parseActor, actorInput],
];

describe.each(models)('%s', (_name, parse, arbitrary) => {
  it('accepts every generated valid input', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const r = parse(input);
        if (!r.ok) throw r.error;
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through JSON unchanged, and re-parses to the same value', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const r = parse(input);
        if (!r.ok) return;
        const json = JSON.parse(JSON.stringify(r.value)) as unknown;
        expect(json).toStrictEqual(r.value);
        const again = parse(json);
        expect(again.ok && again.value).toStrictEqual(r.value);
      }),
      { numRuns: 300 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const before = JSON.stringify(input);
        parse(input);
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});
