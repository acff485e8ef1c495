/** Public types of `itsm-kit/models`: what zod infers, and what the parsers return. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  IncidentSchema, parseActor, parseAlert, parseChange, parseConfigurationItem, parseIncident, parseKnownError, parseProblem,
  parseRelationship, priorityOf, type Actor, type Alert, type Change, type ConfigurationItem, type Impact, type Incident,
  type IncidentState, type KnownError, type ParseResult, type Priority, type Problem, type Relationship, type Urgency,
} from 'itsm-kit/models';
import { ItsmValidationError } from 'itsm-kit';
import type { z } from 'zod';

describe('itsm-kit/models types', () => {
  it('infers the model types from their schemas', () => {
    expectTypeOf<z.output<typeof IncidentSchema>>().toEqualTypeOf<Incident>();
    expectTypeOf<Impact>().toEqualTypeOf<1 | 2 | 3>();
    expectTypeOf<Urgency>().toEqualTypeOf<1 | 2 | 3>();
    expectTypeOf<Priority>().toEqualTypeOf<1 | 2 | 3 | 4 | 5>();
    expectTypeOf<Incident['state']>().toEqualTypeOf<IncidentState>();
    expectTypeOf<Incident['id']>().toBeString();
    expectTypeOf<Alert['status']>().toEqualTypeOf<'firing' | 'resolved'>();
    expectTypeOf<Actor['roles']>().toExtend<readonly string[]>();
  });

  it('returns a ParseResult of the model type from every parser', () => {
    expectTypeOf(parseIncident).returns.toEqualTypeOf<ParseResult<Incident>>();
    expectTypeOf(parseProblem).returns.toEqualTypeOf<ParseResult<Problem>>();
    expectTypeOf(parseKnownError).returns.toEqualTypeOf<ParseResult<KnownError>>();
    expectTypeOf(parseChange).returns.toEqualTypeOf<ParseResult<Change>>();
    expectTypeOf(parseAlert).returns.toEqualTypeOf<ParseResult<Alert>>();
    expectTypeOf(parseConfigurationItem).returns.toEqualTypeOf<ParseResult<ConfigurationItem>>();
    expectTypeOf(parseRelationship).returns.toEqualTypeOf<ParseResult<Relationship>>();
    expectTypeOf(parseActor).returns.toEqualTypeOf<ParseResult<Actor>>();
    // Parsers take unknown input: anything may be handed to them.
    expectTypeOf(parseIncident).parameter(0).toBeUnknown();
  });

  it('narrows a ParseResult on ok', () => {
    const r = parseChange({});
    if (r.ok) {
      expectTypeOf(r.value).toEqualTypeOf<Change>();
      // @ts-expect-error no error on success
      void r.error;
    } else {
      expectTypeOf(r.error).toEqualTypeOf<ItsmValidationError>();
    }
  });

  it('types priorityOf on the level unions', () => {
    // Levels are plain numbers on the way in (validated at run time), a Priority on the way out.
    expectTypeOf(priorityOf).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(priorityOf(2, 3)).toEqualTypeOf<Priority>();
    // @ts-expect-error a level is a number, not a string
    priorityOf('2', 1);
  });
});
