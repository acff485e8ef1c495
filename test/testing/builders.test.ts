import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActorSchema, AlertSchema, ChangeSchema, ConfigurationItemSchema, INCIDENT_STATES, CHANGE_STATES, PROBLEM_STATES, IncidentSchema, KnownErrorSchema,
  ProblemSchema, RelationshipSchema, isItsmValidationError, priorityOf,
} from 'itsm-kit/models';
import {
  BUILDER_EPOCH, aChange, aCi, aConfigurationItem, aKnownError, aProblem, aRelationship, anActor, anAlert, anIncident, createBuilders,
} from 'itsm-kit/testing';

const cases = [
  ['anIncident', anIncident, IncidentSchema, { priority: 1, state: 'resolved', ciId: 'db-1' }],
  ['aProblem', aProblem, ProblemSchema, { knownError: true, state: 'root_cause_analysis' }],
  ['aKnownError', aKnownError, KnownErrorSchema, { problemId: 'prb-1', ciIds: ['db-1'] }],
  ['aChange', aChange, ChangeSchema, { type: 'emergency', state: 'closed', closeCode: 'unsuccessful' }],
  ['anAlert', anAlert, AlertSchema, { status: 'resolved', ciId: 'db-1', severity: 'critical' }],
  ['aConfigurationItem', aConfigurationItem, ConfigurationItemSchema, { id: 'db-1', ciClass: 'database' }],
  ['aCi', aCi, ConfigurationItemSchema, { status: 'down' }],
  ['aRelationship', aRelationship, RelationshipSchema, { from: 'checkout', to: 'orders-db', type: 'runs_on' }],
  ['anActor', anActor, ActorSchema, { roles: ['change_manager'], groups: [] }],
] as const;

describe('builders', () => {
  for (const [name, build, schema, overrides] of cases) {
    it(`${name}() parses with its schema, with and without overrides, and keeps the overrides`, () => {
      const plain = (build as (o?: object) => unknown)();
      expect(schema.safeParse(plain).success).toBe(true);
      const custom = (build as (o?: object) => Record<string, unknown>)(overrides);
      expect(schema.safeParse(custom).success).toBe(true);
      expect(custom).toMatchObject(overrides);
      // Output survives a JSON round trip unchanged (plain data).
      expect(JSON.parse(JSON.stringify(custom))).toEqual(custom);
    });
  }

  it('every incident, problem and change state gives a record that parses, consistent with the state', () => {
    for (const state of INCIDENT_STATES) {
      const inc = anIncident({ state });
      expect(IncidentSchema.safeParse(inc).success).toBe(true);
      expect(inc.state).toBe(state);
    }
    for (const state of PROBLEM_STATES) expect(ProblemSchema.safeParse(aProblem({ state })).success).toBe(true);
    for (const state of CHANGE_STATES) expect(ChangeSchema.safeParse(aChange({ state })).success).toBe(true);
    const resolved = anIncident({ state: 'resolved' });
    // resolved 2 h after opening at the builder epoch (08:00 -> 10:00), acknowledged at 08:05
    expect(resolved).toMatchObject({ openedAt: BUILDER_EPOCH, acknowledgedAt: '2026-11-23T08:05:00.000Z', resolvedAt: '2026-11-23T10:00:00.000Z', resolutionCode: 'solution_provided' });
    expect(resolved.updatedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(anIncident({ state: 'on_hold' }).onHoldReason).toBe('awaiting_caller');
    expect(anIncident({ state: 'new' }).acknowledgedAt).toBeUndefined();
    expect(aChange({ state: 'closed' })).toMatchObject({ closeCode: 'successful', actualStart: '2026-11-24T08:00:00.000Z', actualEnd: '2026-11-24T09:30:00.000Z' });
  });

  it('impact and urgency follow the priority on the standard matrix, and the reverse', () => {
    for (const priority of [1, 2, 3, 4, 5] as const) {
      const inc = anIncident({ priority });
      expect(priorityOf(inc.impact, inc.urgency)).toBe(priority);
    }
    expect(anIncident({ impact: 1, urgency: 3 }).priority).toBe(priorityOf(1, 3));
  });

  it('property: any overrides of the timeline parse and derived timestamps follow openedAt', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2090-01-01T00:00:00Z') }), fc.constantFrom(...INCIDENT_STATES), (ms, state) => {
        const openedAt = new Date(ms).toISOString();
        const inc = anIncident({ openedAt, state });
        expect(IncidentSchema.safeParse(inc).success).toBe(true);
        for (const t of [inc.acknowledgedAt, inc.resolvedAt, inc.closedAt, inc.updatedAt]) if (t !== undefined) expect(Date.parse(t)).toBeGreaterThanOrEqual(ms);
      }),
      { numRuns: 200 },
    );
  });

  it('a bad override throws ItsmValidationError naming the field', () => {
    try {
      anIncident({ priority: 9 as never });
      expect.unreachable();
    } catch (e) {
      expect(isItsmValidationError(e) && e.issues.map((i) => i.path)).toContain('priority');
    }
    expect(() => anIncident({ openedAt: 'not a date' })).toThrow(/openedAt/);
  });

  it('default builders are stateless: same overrides, same record; ids derive from the overrides', () => {
    expect(anIncident()).toEqual(anIncident());
    expect(anIncident().id).toBe('inc-1');
    expect(anIncident({ priority: 1 })).toEqual(anIncident({ priority: 1 }));
    expect(anIncident({ priority: 1 }).id).not.toBe(anIncident({ priority: 2 }).id);
    expect(anIncident({ priority: 1, state: 'new' }).id).toBe(anIncident({ state: 'new', priority: 1 }).id);
    expect(anIncident({ id: 'mine' }).id).toBe('mine');
  });

  it('createBuilders numbers each kind on its own, and two sets never share counters', () => {
    const a = createBuilders({ at: '2026-12-01T09:00:00Z', idPrefix: 't-' });
    const b = createBuilders();
    expect([a.anIncident().id, a.anIncident().id, a.aChange().id, a.aCi().id, a.aConfigurationItem().id]).toEqual(['t-inc-1', 't-inc-2', 't-chg-1', 't-ci-1', 't-ci-2']);
    expect(a.anIncident().number).toBe('INC0000003');
    expect(b.anIncident().id).toBe('inc-1');
    expect(a.anIncident().openedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(() => createBuilders({ at: 'tomorrow' })).toThrow(/at/);
  });
});
